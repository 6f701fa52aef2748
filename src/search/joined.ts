/**
 * Texts joined by newlines, for "which texts hold this string": one native `indexOf` across all of
 * them instead of a loop over each (autocomplete, and suggestions for a name inside a word).
 */
import { firstNotBefore } from './bisect.js';

/** Letters a–z, space, and one slot for any other character: the alphabet of the trigram map. */
const SLOTS = 28;
const slot = (code: number) => (code >= 97 && code <= 122 ? code - 97 : code === 32 ? 26 : 27);
/** The three characters of `s` from `i`, as a number below SLOTS³. */
const trigramAt = (s: string, i: number) => (slot(s.charCodeAt(i)) * SLOTS + slot(s.charCodeAt(i + 1))) * SLOTS + slot(s.charCodeAt(i + 2));

export class JoinedTexts {
  private readonly joined: string;
  /** Where each text starts in `joined`. */
  private readonly starts: Int32Array;
  /**
   * Which runs of three characters occur anywhere in the texts, one bit each: a string with a run
   * that occurs nowhere is in no text, found without reading them all (milliseconds at a million).
   */
  private readonly trigrams = new Uint8Array(Math.ceil((SLOTS * SLOTS * SLOTS) / 8));

  constructor(texts: readonly string[]) {
    this.starts = new Int32Array(texts.length);
    let at = 0;
    texts.forEach((t, i) => {
      this.starts[i] = at;
      at += t.length + 1;
    });
    this.joined = texts.join('\n');
    for (let i = 0; i + 2 < this.joined.length; i++) {
      const t = trigramAt(this.joined, i);
      this.trigrams[t >> 3]! |= 1 << (t & 7);
    }
  }

  /** False when some run of three characters of `q` is in no text: then no text holds `q`. */
  private mayHold(q: string): boolean {
    for (let i = 0; i + 2 < q.length; i++) {
      const t = trigramAt(q, i);
      if (!(this.trigrams[t >> 3]! & (1 << (t & 7)))) return false;
    }
    return true;
  }

  /**
   * Each text that holds `q`, in order, with where in it `q` first comes; at most `limit` texts.
   * One hit per text is enough, so the search goes on from the next text.
   */
  holding(q: string, visit: (index: number, offset: number) => void, limit = Infinity): void {
    if (!this.mayHold(q)) return;
    let found = 0;
    for (let at = this.joined.indexOf(q); at >= 0 && found < limit; found++) {
      // The text that holds this offset: the last one starting at or before it.
      const i = firstNotBefore(0, this.starts.length, (j) => this.starts[j]! <= at) - 1;
      visit(i, at - this.starts[i]!);
      at = i + 1 < this.starts.length ? this.joined.indexOf(q, this.starts[i + 1]!) : -1;
    }
  }
}
