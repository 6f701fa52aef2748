/**
 * Finding the words or names within a few typos of a given one, fast at any size: candidates
 * are bucketed by first letter, so a query compares against a small share of the vocabulary
 * (a typo in the first letter is rarer; `nearFirstTypo` looks for one when nothing else is near).
 */
import { distance } from 'fastest-levenshtein';

/** Typos a word of this length may have and still count as that word. */
export function allowedEdits(length: number, extra = 0): number {
  return (length < 5 ? 0 : length < 8 ? 1 : length < 16 ? 2 : 3) + extra;
}

export class NearIndex<T> {
  /**
   * By first letter and length, so a query only reads the buckets its typos could reach; each
   * distinct text once, with every value it stands for (many names share a word).
   */
  private readonly buckets = new Map<string, Map<string, T[]>>();
  /** The same texts by second letter and length, for a typo in the first letter. */
  private readonly bySecond = new Map<string, Map<string, T[]>>();

  add(text: string, value: T): void {
    const k = `${text[0] ?? ''}${text.length}`;
    let bucket = this.buckets.get(k);
    if (!bucket) {
      bucket = new Map();
      this.buckets.set(k, bucket);
    }
    const values = bucket.get(text);
    if (values) values.push(value);
    else {
      const list = [value];
      bucket.set(text, list);
      if (text.length > 1) {
        const k2 = `${text[1]}${text.length}`;
        let second = this.bySecond.get(k2);
        if (!second) this.bySecond.set(k2, (second = new Map()));
        second.set(text, list);
      }
    }
  }

  /**
   * Entries within `maxEdits` of the text whose first letter differs from the text's: the
   * letters after it are where the typo leaves them. A wrong first letter keeps the second
   * ("jyrgyzstan"); a dropped one makes the text's first letter the entry's second ("yrgyzstan");
   * a swap ("ykrgyzstan") too; an added one makes the text's second letter the entry's first.
   */
  nearFirstTypo(text: string, maxEdits: number, limit = 20): { text: string; value: T; edits: number }[] {
    if (maxEdits <= 0 || text.length < 2) return [];
    const out: { text: string; value: T; edits: number }[] = [];
    const seen = new Set<string>();
    const scan = (buckets: Map<string, Map<string, T[]>>, letter: string) => {
      for (let length = Math.max(1, text.length - maxEdits); length <= text.length + maxEdits; length++) {
        for (const [candidate, values] of buckets.get(`${letter}${length}`) ?? []) {
          if (candidate[0] === text[0] || seen.has(candidate)) continue;
          seen.add(candidate);
          const edits = distance(candidate, text);
          if (edits <= maxEdits) for (const value of values) out.push({ text: candidate, value, edits });
        }
      }
    };
    scan(this.bySecond, text[1]!);
    scan(this.bySecond, text[0]!);
    scan(this.buckets, text[1]!);
    return out.sort((a, b) => a.edits - b.edits).slice(0, limit);
  }

  /** Entries for exactly this text. */
  exactly(text: string): readonly T[] {
    return this.buckets.get(`${text[0] ?? ''}${text.length}`)?.get(text) ?? [];
  }

  /** Entries within `maxEdits` of the text, closest first. */
  near(text: string, maxEdits: number, limit = 20): { text: string; value: T; edits: number }[] {
    if (maxEdits <= 0 || !text) return [];
    const out: { text: string; value: T; edits: number }[] = [];
    for (let length = Math.max(1, text.length - maxEdits); length <= text.length + maxEdits; length++) {
      for (const [candidate, values] of this.buckets.get(`${text[0]!}${length}`) ?? []) {
        const edits = distance(candidate, text);
        if (edits <= maxEdits) for (const value of values) out.push({ text: candidate, value, edits });
      }
    }
    return out.sort((a, b) => a.edits - b.edits).slice(0, limit);
  }
}
