/**
 * One platform-free answer. Every adapter renders this: plain text for the terminal,
 * JSON for batch mode, Block Kit for Slack, embeds for Discord.
 */

export const INTENTS = ['member', 'members', 'treaty', 'date', 'onthisday', 'check', 'sources', 'help', 'lookup'] as const;
export type Intent = (typeof INTENTS)[number];

export type Verdict = 'supported' | 'contradicted' | 'disputed' | 'unknown';

export interface AnswerQuote {
  doc: string;
  quote: string;
  where: string;
  /** "Janibekov 2018, Chapter 2": who says it and where to find it. */
  citation: string;
  /** Set when this source gives its own date, place or value for the fact. */
  version?: string;
}

export interface AnswerFact {
  id: string;
  kind: string;
  statement: string;
  /** ISO date ("2002-06-07", "2005", "2005/2007"), when the fact has one. */
  date?: string;
  /** The same date for people: "7 June 2002". */
  dateText?: string;
  place?: string;
  quotes: AnswerQuote[];
  /** "The sources differ on the date: …", when they do. */
  differ?: string;
  note?: string;
}

export interface Answer {
  intent: Intent;
  /** A one-line heading: "Kazakhstan in the SCO". */
  title: string;
  /** One or two sentences that answer before the evidence: the verdict's reason, a summary. */
  summary?: string;
  /** In rank order; each carries at least one quote. */
  facts: AnswerFact[];
  verdict?: Verdict;
  /** The claim a verdict judges, as checked (for its verdict page). */
  claim?: string;
  /** Closest names when nothing matched: "did you mean …". */
  suggestions?: string[];
  /** Lines shown after the facts: usage, a hint to narrow the question. */
  footer?: string[];
  /** Labels the facts as context, not as proof (an unknown verdict's closest facts). */
  factsLabel?: string;
}
