/**
 * Ranking facts for a question or a claim: full-text search, gated so that only facts that
 * cover most of the question come back, and a year in the question must be the fact's.
 */
import { coversYear } from '../facts/dates.js';
import type { Fact } from '../facts/model.js';
import type { Knowledge } from '../knowledge.js';
import type { EntityMention } from './entities.js';
import type { FactHit } from './facts.js';
import type { QueryDate } from '../understand/dates.js';

/** A fact must match at least this share of the question's weight to be shown at all. */
export const MIN_COVERAGE = 0.5;
/** And score at least this share of the best hit's score. */
const MIN_RELATIVE = 0.4;
export interface RankOptions {
  filter?: (fact: Fact) => boolean;
  heavy?: string[];
  limit?: number;
  minCoverage?: number;
  /** Rank only these facts. */
  within?: readonly Fact[];
}

/** Facts that answer the question, best first; empty when nothing answers enough of it. */
export function rankFacts(k: Knowledge, text: string, dates: QueryDate[], mentions: EntityMention[], options: RankOptions = {}): FactHit[] {
  const years = dates.filter((d) => !d.monthDayOnly).map((d) => d.start.year);
  const minCoverage = options.minCoverage ?? MIN_COVERAGE;
  // A year in the question must be the fact's year (or at least in its text): no 2010 answer to a 2027 question.
  const inYear = (f: Fact) => !years.length || years.some((y) => mentionsYear(f, y));
  const filter = options.filter ? (f: Fact) => inYear(f) && options.filter!(f) : inYear;
  // Only the best few are shown, so the index ranks just those.
  let hits = k.facts.search(text, { entities: mentions.map((m) => m.entity.id), minCoverage, limit: 50, filter, ...(options.heavy ? { heavy: options.heavy } : {}), ...(options.within ? { within: options.within } : {}) });
  const top = hits[0]?.score ?? 0;
  hits = hits.filter((h) => h.score >= top * MIN_RELATIVE);
  return hits.slice(0, options.limit ?? 5);
}

function mentionsYear(fact: Fact, year: number): boolean {
  if (fact.date && coversYear(fact.date, year)) return true;
  if (fact.sources.some((s) => s.date && coversYear(s.date, year))) return true;
  const y = String(year);
  return fact.statement.includes(y) || fact.sources.some((s) => s.quote.includes(y));
}

