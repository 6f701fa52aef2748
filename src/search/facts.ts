/**
 * Full-text search over facts: statements, quotes, the names of what they are about, tags and
 * dates, ranked by BM25 over an inverted index of our own, with typo tolerance for words the
 * index does not have. Each hit also says how much of the question it covers, weighted by how
 * rare each word is, so a question about something the sources never mention ("Mount Everest")
 * finds nothing rather than something unrelated.
 *
 * Why not a library: MiniSearch did this well at 500 facts, but at 100,000 it took 26 s to
 * index and up to 3 s per fuzzy OR query (bench/). Postings in typed arrays build in about a
 * second and answer in milliseconds; the scoring is the same BM25.
 */
import type { Fact, FactBase } from '../facts/model.js';
import { allowedEdits, NearIndex } from '../text/near.js';
import { fold } from '../text/normalize.js';
import { terms } from '../text/terms.js';

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
}

/** Field boosts: a word in the statement says more than the same word in a long quote. */
const FIELDS = { statement: 2, names: 1.5, extra: 1.2, quotes: 1 } as const;
type Field = keyof typeof FIELDS;
const K1 = 1.2;
const B = 0.75;
/** A word matched through a typo counts for less than the word itself. */
const FUZZY_WEIGHT = 0.7;

/** What a built index saves to disk so a cold process need not build it again. */
export interface FactIndexSnapshot {
  terms: string[];
  docs: number[][];
  tfs: number[][];
  lengths: number[];
}

interface Posting {
  docs: Int32Array;
  tfs: Float32Array;
}

export class FactIndex {
  private readonly facts: readonly Fact[];
  private readonly postings = new Map<string, Posting>();
  private readonly lengths: Float32Array;
  private readonly avgLength: number;
  private readonly norms: Float32Array;
  private readonly scores: Float64Array;
  private readonly matched: Int32Array;
  private readonly near = new NearIndex<string>();

  constructor(base: FactBase, snapshot?: FactIndexSnapshot) {
    this.facts = base.facts;
    const n = base.facts.length;
    this.lengths = new Float32Array(n);
    if (snapshot) {
      snapshot.terms.forEach((t, i) => this.postings.set(t, { docs: Int32Array.from(snapshot.docs[i]!), tfs: Float32Array.from(snapshot.tfs[i]!) }));
      this.lengths.set(snapshot.lengths);
    } else {
      // Terms get numbers as first seen; postings grow as plain arrays, then become typed arrays.
      // Building reads every word of every fact, so each distinct raw word is looked up once:
      // `rawIds` maps it straight to its term's number (-1 for a stop word).
      const ids = new Map<string, number>();
      const rawIds = new Map<string, number>();
      const vocab: string[] = [];
      const docs: number[][] = [];
      const tfs: number[][] = [];
      const idOf = (t: string) => {
        let id = ids.get(t);
        if (id === undefined) {
          id = vocab.length;
          ids.set(t, id);
          vocab.push(t);
          docs.push([]);
          tfs.push([]);
          tf.push(0);
        }
        return id;
      };
      const rawId = (w: string) => {
        let id = rawIds.get(w);
        if (id === undefined) {
          const t = terms(w);
          id = t.length === 1 ? idOf(t[0]!) : -1;
          rawIds.set(w, id);
        }
        return id;
      };
      // Per-document term frequencies in a scratch array by term number, reset after each document.
      const tf: number[] = [];
      const seen: number[] = [];
      // Entity names recur across many facts: turn each entity's names into term numbers once.
      const nameIds = new Map<string, number[]>();
      const idsOfEntity = (id: string) => {
        let t = nameIds.get(id);
        if (!t) {
          const e = base.entity(id);
          t = e ? terms([e.name, ...e.aliases].join(' ')).map(idOf) : [];
          nameIds.set(id, t);
        }
        return t;
      };
      const add = (id: number, boost: number) => {
        if (id < 0) return 0;
        if (tf[id] === 0) seen.push(id);
        tf[id] = tf[id]! + boost;
        return 1;
      };
      base.facts.forEach((fact, doc) => {
        let length = 0;
        const fields = fieldsOf(fact);
        for (const field of ['statement', 'quotes', 'extra'] as const) {
          const boost = FIELDS[field];
          const text = fields[field];
          const folded = /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : fold(text);
          for (const w of folded.split(/[^a-z0-9]+/)) if (w) length += add(rawId(w), boost);
        }
        for (const entity of entityIds(fact)) for (const id of idsOfEntity(entity)) length += add(id, FIELDS.names);
        this.lengths[doc] = length;
        for (const id of seen) {
          docs[id]!.push(doc);
          tfs[id]!.push(tf[id]!);
          tf[id] = 0;
        }
        seen.length = 0;
      });
      vocab.forEach((t, id) => this.postings.set(t, { docs: Int32Array.from(docs[id]!), tfs: Float32Array.from(tfs[id]!) }));
    }
    let total = 0;
    for (const l of this.lengths) total += l;
    this.avgLength = n ? total / n : 1;
    // BM25's length normalisation, once per fact instead of once per matched word.
    this.norms = Float32Array.from(this.lengths, (l) => K1 * (1 - B + (B * l) / this.avgLength));
    this.scores = new Float64Array(n);
    this.matched = new Int32Array(n);
    for (const t of this.postings.keys()) this.near.add(t, t);
  }

  snapshot(): FactIndexSnapshot {
    const entries = [...this.postings];
    return { terms: entries.map(([t]) => t), docs: entries.map(([, p]) => [...p.docs]), tfs: entries.map(([, p]) => [...p.tfs]), lengths: [...this.lengths] };
  }

  /** How much a query term tells apart: rare terms weigh most; a term no fact has weighs most of all. */
  weight(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
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
    // Scratch arrays kept between queries (and cleared where touched): a query allocates almost nothing.
    const scores = this.scores;
    const matched = this.matched;
    const touched: number[] = [];
    unique.forEach((term, bit) => {
      // Words the index has are matched as they are; others through their closest spellings.
      const own = this.postings.get(term);
      const forms: [Posting, number][] = own
        ? [[own, 1]]
        : heavy.has(term)
          ? []
          : this.near.near(term, allowedEdits(term.length), 3).map((m) => [this.postings.get(m.value)!, FUZZY_WEIGHT] as [Posting, number]);
      for (const [p, weight] of forms) {
        const idf = this.idf(p.docs.length) * weight;
        for (let j = 0; j < p.docs.length; j++) {
          const doc = p.docs[j]!;
          const tf = p.tfs[j]!;
          if (matched[doc] === 0 && scores[doc] === 0) touched.push(doc);
          scores[doc] = scores[doc]! + (idf * tf * (K1 + 1)) / (tf + this.norms[doc]!);
          matched[doc] = matched[doc]! | (1 << bit);
        }
      }
    });
    const boostIds = new Set(options.entities ?? []);
    const minCoverage = options.minCoverage ?? 0;
    const hits: FactHit[] = [];
    // Facts that match the same words have the same coverage: work it out once per set of words.
    const coverageOf = new Map<number, number>();
    for (const doc of touched) {
      const bits = matched[doc]!;
      let coverage = coverageOf.get(bits);
      if (coverage === undefined) {
        let covered = 0;
        for (let bit = 0; bit < unique.length; bit++) if (bits & (1 << bit)) covered += weights[bit]!;
        coverage = covered / totalWeight;
        coverageOf.set(bits, coverage);
      }
      if (coverage < minCoverage) continue;
      const words = unique.filter((_, bit) => bits & (1 << bit));
      const fact = this.facts[doc]!;
      if (options.filter && !options.filter(fact)) continue;
      const about = fact.about.filter((id) => boostIds.has(id)).length + (fact.place && boostIds.has(fact.place) ? 0.5 : 0);
      hits.push({ fact, score: scores[doc]! * coverage * (1 + 0.6 * about), coverage, matched: words });
    }
    for (const doc of touched) {
      scores[doc] = 0;
      matched[doc] = 0;
    }
    return topByScore(hits, options.limit);
  }
}

function entityIds(f: Fact): string[] {
  return [...new Set([...f.about, ...(f.place ? [f.place] : []), ...f.sources.flatMap((s) => (s.place ? [s.place] : []))])];
}

/** The text of each field but `names`, which is tokenised per entity (see the constructor). */
function fieldsOf(f: Fact): Record<Field, string> {
  // Dates are not indexed as words: date questions go to the date index, and a year in a
  // question is matched against the fact's date itself (see rankFacts).
  return {
    statement: f.statement,
    quotes: f.sources.map((s) => s.quote).join(' '),
    names: '',
    extra: [...f.tags, f.kind, f.status ?? '', f.relation?.replace(/-/g, ' ') ?? '', f.value ?? ''].join(' '),
  };
}

/** The best `limit` hits in order, without sorting them all: questions with common words touch most facts. */
function topByScore(hits: FactHit[], limit?: number): FactHit[] {
  if (!limit || hits.length <= limit * 4) {
    hits.sort((a, b) => b.score - a.score);
    return limit ? hits.slice(0, limit) : hits;
  }
  // The limit-th best score as a threshold (by sampling every score once), then a sort of the few above it.
  const scores = Float64Array.from(hits, (h) => h.score).sort();
  const threshold = scores[scores.length - limit]!;
  return hits
    .filter((h) => h.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
