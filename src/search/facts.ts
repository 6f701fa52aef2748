/**
 * Full-text search over facts: statements, quotes, the names of what they are about, tags and
 * dates, ranked by BM25 over an inverted index of our own, with typo tolerance for words the
 * index does not have. Each hit also says how much of the question it covers, weighted by how
 * rare each word is, so a question about something the sources never mention ("Mount Everest")
 * finds nothing rather than something unrelated.
 *
 * Why not a library: MiniSearch did this well at 500 facts, but at 100,000 it took 26 s to
 * index and up to 3 s per fuzzy OR query (bench/). Postings in typed arrays (postings.ts) build
 * in about a second, and a question reads only the facts that could cover enough of it.
 */
import type { Fact, FactBase } from '../facts/model.js';
import { allowedEdits, NearIndex } from '../text/near.js';
import { terms } from '../text/terms.js';
import { firstNotBefore } from './bisect.js';
import { buildPostings, TF_SCALE, type Postings } from './postings.js';

export interface FactHit {
  fact: Fact;
  score: number;
  /** Share (0..1) of the question's weight, rare words counting most, that this fact matches. */
  coverage: number;
  /** The question's terms that this fact matched. */
  matched: string[];
}

export interface FactSearchOptions {
  limit?: number;
  filter?: (fact: Fact) => boolean;
  /** Entity ids the question names: facts about them rank higher. */
  entities?: string[];
  /** Terms that weigh as much as the rarest and must match as written: names the question gives that are not known entities. */
  heavy?: string[];
  /** Hits covering less of the question than this are dropped before ranking. */
  minCoverage?: number;
  /** Rank only these facts (a thing's own facts): each is scored directly, no posting list is walked. */
  within?: readonly Fact[];
}

const K1 = 1.2;
const B = 0.75;
/** A word matched through a typo counts for less than the word itself. */
const FUZZY_WEIGHT = 0.7;

/** What a built index saves to disk so a cold process need not build it again. */
export interface FactIndexSnapshot {
  vocab: string[];
  offsets: number[];
  docs: number[];
  tfs: number[];
  lengths: number[];
}

export class FactIndex {
  private readonly facts: readonly Fact[];
  private readonly base: FactBase;
  private readonly postings: Postings;
  private readonly termIds = new Map<string, number>();
  private readonly norms: Float32Array;
  // Scratch space by fact number, kept between queries and cleared where touched.
  private readonly scores: Float64Array;
  private readonly matched: Int32Array;
  private readonly passing: Int32Array;
  private readonly near = new NearIndex<number>();

  /** Over postings already built (read from a snapshot, or on another thread), or built here. */
  constructor(base: FactBase, postings?: Postings) {
    this.base = base;
    this.facts = base.facts;
    const n = base.facts.length;
    this.postings = postings ?? buildPostings(base);
    const { vocab, lengths } = this.postings;
    for (let t = 0; t < vocab.length; t++) {
      this.termIds.set(vocab[t]!, t);
      this.near.add(vocab[t]!, t);
    }
    let total = 0;
    for (const l of lengths) total += l;
    const avgLength = n ? total / n : 1;
    // BM25's length normalisation, once per fact instead of once per matched word; in the
    // frequencies' tenths, so tf / (tf + norm) needs no division by TF_SCALE.
    this.norms = Float32Array.from(lengths, (l) => TF_SCALE * K1 * (1 - B + (B * l) / avgLength));
    this.scores = new Float64Array(n);
    this.matched = new Int32Array(n);
    this.passing = new Int32Array(n);
  }

  static postingsOf(snapshot: FactIndexSnapshot): Postings {
    return { vocab: snapshot.vocab, offsets: Int32Array.from(snapshot.offsets), docs: Int32Array.from(snapshot.docs), tfs: Uint16Array.from(snapshot.tfs), lengths: Float32Array.from(snapshot.lengths) };
  }

  snapshot(): FactIndexSnapshot {
    const { vocab, offsets, docs, tfs, lengths } = this.postings;
    return { vocab, offsets: [...offsets], docs: [...docs], tfs: [...tfs], lengths: [...lengths] };
  }

  /** True when some fact uses this search term (a stemmed word, as terms() gives it). */
  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** How much a query term tells apart: rare terms weigh most; a term no fact has weighs most of all. */
  weight(term: string): number {
    const t = this.termIds.get(term);
    const df = t === undefined ? 0 : this.postings.offsets[t + 1]! - this.postings.offsets[t]!;
    return Math.log(1 + (this.facts.length + 1) / (df + 0.5));
  }

  private idf(df: number): number {
    return Math.log(1 + (this.facts.length - df + 0.5) / (df + 0.5));
  }

  search(text: string, options: FactSearchOptions = {}): FactHit[] {
    const unique = [...new Set(terms(text))].slice(0, 30);
    if (!unique.length) return [];
    const heavy = new Set(options.heavy ?? []);
    const weights = unique.map((t) => (heavy.has(t) ? this.weight('') : this.weight(t)));
    const totalWeight = weights.reduce((sum, w) => sum + w, 0);
    const minCoverage = options.minCoverage ?? 0;
    // Words the index has are matched as they are; others through their closest spellings.
    const forms = unique.map((term): [number, number][] => {
      const own = this.termIds.get(term);
      if (own !== undefined) return [[own, 1]];
      return heavy.has(term) ? [] : this.near.near(term, allowedEdits(term.length), 3).flatMap((m) => m.values.map((v): [number, number] => [v, FUZZY_WEIGHT]));
    });
    // MaxScore: a fact with none of the heaviest words cannot cover enough of the question, so
    // only facts with one of them are candidates; the lighter words, often common ones with
    // long postings, are then looked up for those facts alone.
    const essential = new Array<boolean>(unique.length).fill(false);
    let rest = totalWeight;
    for (const i of unique.map((_, i) => i).sort((x, y) => weights[y]! - weights[x]!)) {
      if (rest / totalWeight < minCoverage - 1e-9) break;
      essential[i] = true;
      rest -= weights[i]!;
    }
    const scores = this.scores;
    const matched = this.matched;
    const { offsets, docs, tfs } = this.postings;
    // Given the facts to rank, they are the candidates, and every word is looked up for them alone;
    // unless they are so many (the SCO's own facts) that walking the postings costs less.
    let filter = options.filter;
    let within = options.within;
    if (within) {
      const walk = forms.flat().reduce((sum, [t]) => sum + offsets[t + 1]! - offsets[t]!, 0);
      if (within.length * forms.length * Math.log2(walk + 2) > walk) {
        const allowed = new Set(within);
        filter = (f) => allowed.has(f) && (options.filter?.(f) ?? true);
        within = undefined;
      }
    }
    const touched: number[] = within ? [...new Set(within.map((f) => this.base.numberOf(f)!))] : [];
    if (within) essential.fill(false);
    // The heaviest words first: the facts they find are the candidates. The lighter words are then
    // looked up for those alone: each candidate in turn when there are few, else one pass down the postings.
    for (const finding of [true, false]) {
      unique.forEach((_, bit) => {
        if (essential[bit] !== finding) return;
        for (const [t, weight] of forms[bit]!) {
          const from = offsets[t]!;
          const to = offsets[t + 1]!;
          const idf = this.idf(to - from) * weight;
          const add = (doc: number, j: number) => {
            const tf = tfs[j]!;
            scores[doc] = scores[doc]! + (idf * tf * (K1 + 1)) / (tf + this.norms[doc]!);
            matched[doc] = matched[doc]! | (1 << bit);
          };
          if (finding) {
            for (let j = from; j < to; j++) {
              if (matched[docs[j]!] === 0) touched.push(docs[j]!);
              add(docs[j]!, j);
            }
          } else if (within || touched.length * Math.log2(to - from + 1) < to - from) {
            // (Given facts have matched nothing yet, so they are looked up one by one.)
            for (const doc of touched) {
              const j = firstNotBefore(from, to, (i) => docs[i]! < doc);
              if (j < to && docs[j] === doc) add(doc, j);
            }
          } else {
            for (let j = from; j < to; j++) if (matched[docs[j]!] !== 0) add(docs[j]!, j);
          }
        }
      });
    }
    const boostIds = options.entities ?? [];
    // Candidates that pass, by number; their final scores replace the BM25 ones in `scores`.
    const passing = this.passing;
    let count = 0;
    // Facts that match the same words have the same coverage: work it out once per set of words.
    const coverageOf = new Map<number, number>();
    for (const doc of touched) {
      const coverage = this.coverage(matched[doc]!, weights, totalWeight, coverageOf);
      const fact = this.facts[doc]!;
      if (matched[doc] === 0 || coverage < minCoverage || (filter && !filter(fact))) continue;
      let about = fact.place && boostIds.includes(fact.place) ? 0.5 : 0;
      for (const id of fact.about) if (boostIds.includes(id)) about++;
      scores[doc] = scores[doc]! * coverage * (1 + 0.6 * about);
      passing[count++] = doc;
    }
    const top = topByScore(passing.subarray(0, count), scores, options.limit).map((doc) => {
      const bits = matched[doc]!;
      return { fact: this.facts[doc]!, score: scores[doc]!, coverage: this.coverage(bits, weights, totalWeight, coverageOf), matched: unique.filter((_, bit) => bits & (1 << bit)) };
    });
    for (const doc of touched) {
      scores[doc] = 0;
      matched[doc] = 0;
    }
    return top;
  }

  /** The share of the question's weight that a set of matched words (bits) covers. */
  private coverage(bits: number, weights: number[], total: number, known: Map<number, number>): number {
    let coverage = known.get(bits);
    if (coverage === undefined) {
      let covered = 0;
      for (let bit = 0; bit < weights.length; bit++) if (bits & (1 << bit)) covered += weights[bit]!;
      coverage = covered / total;
      known.set(bits, coverage);
    }
    return coverage;
  }
}

/**
 * The best `limit` facts by score, equal scores in fact order, without sorting them all:
 * questions with common words can leave thousands.
 */
function topByScore(docs: Int32Array, scores: Float64Array, limit?: number): number[] {
  const byScore = (a: number, b: number) => scores[b]! - scores[a]! || a - b;
  if (!limit || docs.length <= limit * 4) return [...docs].sort(byScore).slice(0, limit);
  // The limit-th best score as a threshold, then a sort of the few at or above it.
  const threshold = Float64Array.from(docs, (d) => scores[d]!).sort()[docs.length - limit]!;
  return [...docs.filter((d) => scores[d]! >= threshold)].sort(byScore).slice(0, limit);
}
