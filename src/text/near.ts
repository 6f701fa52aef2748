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
  private readonly buckets = new Map<string, { text: string; value: T }[]>();

  add(text: string, value: T): void {
    const bucket = this.buckets.get(text[0] ?? '') ?? [];
    bucket.push({ text, value });
    this.buckets.set(text[0] ?? '', bucket);
  }

  /** Entries within `maxEdits` of the text, closest first. */
  near(text: string, maxEdits: number, limit = 20): { text: string; value: T; edits: number }[] {
    if (maxEdits <= 0 || !text) return [];
    const out: { text: string; value: T; edits: number }[] = [];
    for (const e of this.buckets.get(text[0]!) ?? []) {
      if (Math.abs(e.text.length - text.length) > maxEdits) continue;
      const edits = distance(e.text, text);
      if (edits <= maxEdits) out.push({ ...e, edits });
    }
    return out.sort((a, b) => a.edits - b.edits).slice(0, limit);
  }
}
