/**
 * Finding the words or names within a few typos of a given one, fast at any size: candidates
 * are bucketed by first letter, so a query compares against a small share of the vocabulary
 * (a typo in the first letter is rare, and aliases cover the common ones: Qazaqstan, Kirgizia).
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

  add(text: string, value: T): void {
    const k = `${text[0] ?? ''}${text.length}`;
    let bucket = this.buckets.get(k);
    if (!bucket) {
      bucket = new Map();
      this.buckets.set(k, bucket);
    }
    const values = bucket.get(text);
    if (values) values.push(value);
    else bucket.set(text, [value]);
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
