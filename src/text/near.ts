/**
 * Finding the words or names within a few typos of a given one, fast at any size: candidates
 * are bucketed by first letter, so a query compares against a small share of the vocabulary
 * (a typo in the first letter is rarer: `nearFirstTypo` looks for one in buckets by second letter).
 */
import { distance } from 'fastest-levenshtein';
import typos from 'damerau-levenshtein';

/** Typos a word of this length may have and still count as that word. */
export function allowedEdits(length: number, extra = 0): number {
  return (length < 5 ? 0 : length < 8 ? 1 : length < 16 ? 2 : 3) + extra;
}

/**
 * Typos between two texts, two letters swapped counting one ("ofrum" for "forum"); exact only up
 * to `maxEdits` + 1. Plain edit distance (fast) first: it counts a swap as two, so only texts just
 * over the limit there are counted again.
 */
export function typoSteps(a: string, b: string, maxEdits: number): number {
  const plain = distance(a, b);
  return plain === maxEdits + 1 ? typos(a, b).steps : plain;
}

/** A text within a few typos of the one looked up, with every value it stands for. */
export interface NearText<T> {
  text: string;
  values: readonly T[];
  edits: number;
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
  nearFirstTypo(text: string, maxEdits: number, limit = 20): NearText<T>[] {
    if (maxEdits <= 0 || text.length < 2) return [];
    const out: NearText<T>[] = [];
    const seen = new Set<string>();
    const scan = (buckets: Map<string, Map<string, T[]>>, letter: string) => {
      for (let length = Math.max(1, text.length - maxEdits); length <= text.length + maxEdits; length++) {
        for (const [candidate, values] of buckets.get(`${letter}${length}`) ?? []) {
          if (candidate[0] === text[0] || seen.has(candidate)) continue;
          seen.add(candidate);
          const edits = typoSteps(candidate, text, maxEdits);
          if (edits <= maxEdits) out.push({ text: candidate, values, edits });
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

  /** Texts within `maxEdits` of the text, closest first, at most `limit` of them. */
  near(text: string, maxEdits: number, limit = 20): NearText<T>[] {
    if (maxEdits <= 0 || !text) return [];
    const out: NearText<T>[] = [];
    for (let length = Math.max(1, text.length - maxEdits); length <= text.length + maxEdits; length++) {
      for (const [candidate, values] of this.buckets.get(`${text[0]!}${length}`) ?? []) {
        const edits = typoSteps(candidate, text, maxEdits);
        if (edits <= maxEdits) out.push({ text: candidate, values, edits });
      }
    }
    return out.sort((a, b) => a.edits - b.edits).slice(0, limit);
  }
}
