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

/** Texts of one first (or second) letter and length, side by side with their numbers: read by index, fast. */
interface Bucket {
  texts: string[];
  numbers: number[];
}

export class NearIndex<T> {
  /** Each distinct text once, numbered. */
  private readonly numbers = new Map<string, number>();
  /**
   * Text n's value, and all its values when it has more than one (many names share a word). Most
   * texts stand for one thing: a list for each was about 20 MB at a million facts.
   */
  private readonly first: T[] = [];
  private readonly all = new Map<number, T[]>();
  /** By first letter and length, so a query only reads the buckets its typos could reach. */
  private readonly buckets = new Map<string, Bucket>();
  /** The same texts by second letter and length, for a typo in the first letter. */
  private readonly bySecond = new Map<string, Bucket>();

  add(text: string, value: T): void {
    const n = this.numbers.get(text);
    if (n !== undefined) {
      const values = this.all.get(n);
      if (values) values.push(value);
      else this.all.set(n, [this.first[n]!, value]);
      return;
    }
    const number = this.first.push(value) - 1;
    this.numbers.set(text, number);
    const put = (buckets: Map<string, Bucket>, k: string) => {
      let bucket = buckets.get(k);
      if (!bucket) buckets.set(k, (bucket = { texts: [], numbers: [] }));
      bucket.texts.push(text);
      bucket.numbers.push(number);
    };
    put(this.buckets, `${text[0] ?? ''}${text.length}`);
    if (text.length > 1) put(this.bySecond, `${text[1]}${text.length}`);
  }

  private valuesOf(n: number): readonly T[] {
    return this.all.get(n) ?? [this.first[n]!];
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
    const scan = (buckets: Map<string, Bucket>, letter: string) => {
      for (let length = Math.max(1, text.length - maxEdits); length <= text.length + maxEdits; length++) {
        const bucket = buckets.get(`${letter}${length}`);
        if (!bucket) continue;
        const { texts, numbers } = bucket;
        for (let i = 0; i < texts.length; i++) {
          const candidate = texts[i]!;
          if (candidate[0] === text[0] || seen.has(candidate)) continue;
          const edits = typoSteps(candidate, text, maxEdits);
          if (edits > maxEdits) continue;
          seen.add(candidate);
          out.push({ text: candidate, values: this.valuesOf(numbers[i]!), edits });
        }
      }
    };
    scan(this.bySecond, text[1]!);
    if (text[0] !== text[1]) scan(this.bySecond, text[0]!);
    scan(this.buckets, text[1]!);
    return out.sort((a, b) => a.edits - b.edits).slice(0, limit);
  }

  /** Entries for exactly this text. */
  exactly(text: string): readonly T[] {
    const n = this.numbers.get(text);
    return n === undefined ? [] : this.valuesOf(n);
  }

  /** Texts within `maxEdits` of the text, closest first, at most `limit` of them. */
  near(text: string, maxEdits: number, limit = 20): NearText<T>[] {
    if (maxEdits <= 0 || !text) return [];
    const out: NearText<T>[] = [];
    for (let length = Math.max(1, text.length - maxEdits); length <= text.length + maxEdits; length++) {
      const bucket = this.buckets.get(`${text[0]!}${length}`);
      if (!bucket) continue;
      const { texts, numbers } = bucket;
      for (let i = 0; i < texts.length; i++) {
        const edits = typoSteps(texts[i]!, text, maxEdits);
        if (edits <= maxEdits) out.push({ text: texts[i]!, values: this.valuesOf(numbers[i]!), edits });
      }
    }
    return out.sort((a, b) => a.edits - b.edits).slice(0, limit);
  }
}
