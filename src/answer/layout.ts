/**
 * The one layout decision every platform shares: the line that answers, then a page of at most
 * ANSWER_LIMITS.factsPerPage facts with their best quote each, then how many more there are.
 * The terminal, Block Kit and Discord embeds only map this; none decides what to show itself.
 */
import { ANSWER_LIMITS } from './limits.js';
import type { Answer, AnswerFact, AnswerQuote } from './model.js';

export interface ShownFact {
  fact: AnswerFact;
  /** 1-based, counted over every page: the second page starts at 4. */
  number: number;
  quotes: AnswerQuote[];
  /** Quotes of this fact not shown here ("More sources"). */
  hiddenQuotes: number;
}

export interface Page {
  facts: ShownFact[];
  /** Facts after this page. */
  more: number;
  /** This page's number, from 0. */
  page: number;
}

/** A lead-in ("It has the following bodies:") or a fragment says little alone. */
function quoteRank(q: AnswerQuote): number {
  return (/[:;,]\s*$/.test(q.quote) ? 2 : 0) + (q.quote.length < ANSWER_LIMITS.shortQuote ? 1 : 0);
}

/** The quotes worth showing: each version where sources differ, else the best one. */
export function shownQuotes(fact: AnswerFact): AnswerQuote[] {
  const ranked = fact.quotes.map((q, i) => ({ q, i })).sort((a, b) => quoteRank(a.q) - quoteRank(b.q) || a.i - b.i).map((x) => x.q);
  if (!fact.differ) return ranked.slice(0, ANSWER_LIMITS.quotesPerFact);
  // One quote per version: the fact's own, then each source that gives another.
  const seen = new Set<string>();
  return ranked.filter((q) => {
    const v = q.version ?? '';
    if (seen.has(v)) return false;
    seen.add(v);
    return true;
  }).slice(0, ANSWER_LIMITS.versionsPerFact);
}

export function pageOf(answer: Answer, page = 0): Page {
  const per = ANSWER_LIMITS.factsPerPage;
  const pages = Math.max(1, Math.ceil(answer.facts.length / per));
  const p = Math.min(Math.max(0, page), pages - 1);
  const slice = answer.facts.slice(p * per, (p + 1) * per);
  return {
    page: p,
    more: Math.max(0, answer.facts.length - (p + 1) * per),
    facts: slice.map((fact, i) => {
      const quotes = shownQuotes(fact).map((q) => ({ ...q, quote: cutAtWord(q.quote, ANSWER_LIMITS.quoteChars) }));
      const note = fact.note ? { note: cutAtWord(fact.note, ANSWER_LIMITS.noteChars) } : {};
      return { fact: { ...fact, ...note }, number: p * per + i + 1, quotes, hiddenQuotes: fact.quotes.length - quotes.length };
    }),
  };
}

/** A text cut at a word end, with "…" when cut. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  return `${head.slice(0, Math.max(head.lastIndexOf(' '), Math.floor(max / 2))).replace(/[\s,;:]+$/, '')}…`;
}

/** "3 more facts" */
export function moreText(more: number): string {
  return `${more} more fact${more === 1 ? '' : 's'}`;
}
