/**
 * Full-text search over facts: statements, quotes, the names of what they are about,
 * tags and dates, ranked by MiniSearch (BM25+) with typo tolerance. Each hit also says
 * how much of the question it covers, weighted by how rare each word is, so a question
 * about something the sources never mention ("Mount Everest") finds nothing rather
 * than something unrelated.
 */
import MiniSearch, { type Options } from 'minisearch';
import { formatDate } from '../facts/dates.js';
import type { Fact, FactBase } from '../facts/model.js';
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
  /** Terms that weigh as much as the rarest: names the question gives that are not known entities. */
  heavy?: string[];
}

interface Row {
  id: string;
  statement: string;
  quotes: string;
  names: string;
  extra: string;
}

/** What a built index saves to disk so that a cold process need not build it again. */
export interface FactIndexSnapshot {
  search: ReturnType<MiniSearch<Row>['toJSON']>;
  df: [string, number][];
}

const OPTIONS: Options<Row> = {
  fields: ['statement', 'quotes', 'names', 'extra'],
  storeFields: [],
  tokenize: (text: string) => terms(text),
  processTerm: (term: string) => term,
  searchOptions: {
    boost: { statement: 2, names: 1.5, extra: 1.2, quotes: 1 },
    // Typos: one edit in words of 5-7 letters, two in longer ones; prefixes for stems.
    fuzzy: (term: string) => (term.length >= 8 ? 0.25 : term.length >= 5 ? 0.2 : false),
    prefix: (term: string) => term.length >= 5,
    combineWith: 'OR',
  },
};

export class FactIndex {
  private readonly search_: MiniSearch<Row>;
  private readonly byId: Map<string, Fact>;
  private readonly df: Map<string, number>;
  private readonly total: number;

  constructor(base: FactBase, snapshot?: FactIndexSnapshot) {
    this.byId = new Map(base.facts.map((f) => [f.id, f]));
    this.total = base.facts.length;
    if (snapshot) {
      this.search_ = MiniSearch.loadJS<Row>(snapshot.search, OPTIONS);
      this.df = new Map(snapshot.df);
      return;
    }
    this.search_ = new MiniSearch<Row>(OPTIONS);
    this.df = new Map();
    const rows = base.facts.map((f) => toRow(f, base));
    this.search_.addAll(rows);
    for (const row of rows) {
      const seen = new Set<string>();
      for (const field of [row.statement, row.quotes, row.names, row.extra]) for (const t of terms(field)) seen.add(t);
      for (const t of seen) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
  }

  snapshot(): FactIndexSnapshot {
    return { search: this.search_.toJSON(), df: [...this.df] };
  }

  /** How much a query term tells apart: rare terms weigh most; a term no fact has weighs most of all. */
  weight(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.total + 1) / (df + 0.5));
  }

  search(text: string, options: FactSearchOptions = {}): FactHit[] {
    const queryTerms = terms(text);
    if (!queryTerms.length) return [];
    const unique = [...new Set(queryTerms)];
    const heavy = new Set(options.heavy ?? []);
    const weight = (t: string) => (heavy.has(t) ? this.weight('') : this.weight(t));
    const totalWeight = unique.reduce((sum, t) => sum + weight(t), 0);
    const boostIds = new Set(options.entities ?? []);
    const hits: FactHit[] = [];
    // MiniSearch tokenizes (and so stems) the raw text itself: stemming twice would lose words.
    for (const r of this.search_.search(text)) {
      const fact = this.byId.get(String(r.id));
      if (!fact || (options.filter && !options.filter(fact))) continue;
      // A name must be matched as written, not by a near word ("pari" is not "parti").
      const matched = unique.filter((t) => r.queryTerms.includes(t) && (!heavy.has(t) || r.terms.includes(t)));
      const coverage = matched.reduce((sum, t) => sum + weight(t), 0) / totalWeight;
      const about = fact.about.filter((id) => boostIds.has(id)).length + (fact.place && boostIds.has(fact.place) ? 0.5 : 0);
      hits.push({ fact, score: r.score * coverage * (1 + 0.6 * about), coverage, matched });
    }
    hits.sort((a, b) => b.score - a.score);
    return options.limit ? hits.slice(0, options.limit) : hits;
  }
}

function toRow(f: Fact, base: FactBase): Row {
  const ids = [...f.about, ...(f.place ? [f.place] : []), ...f.sources.flatMap((s) => (s.place ? [s.place] : []))];
  const names = ids.flatMap((id) => {
    const e = base.entity(id);
    return e ? [e.name, ...e.aliases] : [];
  });
  const dates = [f.date, ...f.sources.map((s) => s.date)].flatMap((d) => (d ? [formatDate(d)] : []));
  return {
    id: f.id,
    statement: f.statement,
    quotes: f.sources.map((s) => s.quote).join(' '),
    names: names.join(' '),
    extra: [...f.tags, ...dates, f.kind, f.status ?? '', f.relation?.replace(/-/g, ' ') ?? '', f.value ?? ''].join(' '),
  };
}
