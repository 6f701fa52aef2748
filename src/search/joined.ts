/**
 * Texts joined by newlines, for "which texts hold this string": one native `indexOf` across all of
 * them instead of a loop over each (autocomplete, and suggestions for a name inside a word).
 */
import { firstNotBefore } from './bisect.js';

export class JoinedTexts {
  private readonly joined: string;
  /** Where each text starts in `joined`. */
  private readonly starts: Int32Array;

  constructor(texts: readonly string[]) {
    this.starts = new Int32Array(texts.length);
    let at = 0;
    texts.forEach((t, i) => {
      this.starts[i] = at;
      at += t.length + 1;
    });
    this.joined = texts.join('\n');
  }

  /**
   * Each text that holds `q`, in order, with where in it `q` first comes; at most `limit` texts.
   * One hit per text is enough, so the search goes on from the next text.
   */
  holding(q: string, visit: (index: number, offset: number) => void, limit = Infinity): void {
    let found = 0;
    for (let at = this.joined.indexOf(q); at >= 0 && found < limit; found++) {
      // The text that holds this offset: the last one starting at or before it.
      const i = firstNotBefore(0, this.starts.length, (j) => this.starts[j]! <= at) - 1;
      visit(i, at - this.starts[i]!);
      at = i + 1 < this.starts.length ? this.joined.indexOf(q, this.starts[i + 1]!) : -1;
    }
  }
}
