/** How much one answer shows before "N more", the same on every platform. */
export const ANSWER_LIMITS = {
  /** Facts on one page: the answer and two runners-up fit a chat screen; the rest are behind "more". */
  factsPerPage: 3,
  /** Quotes per fact: its best one; the others are behind "More sources" (where sources differ, each version). */
  quotesPerFact: 1,
  /** Versions shown where sources differ: enough to show the disagreement. */
  versionsPerFact: 2,
  /** Facts one answer carries at most, over all its pages. */
  factsCarried: 30,
  /** A date's answer lists its facts in one short line each, this many at most, cut to this length. */
  timelineLines: 6,
  timelineChars: 90,
  /** A shown quote longer than this is cut at a word end with "…"; "More sources" and JSON carry it whole. */
  quoteChars: 360,
  /** A curator's note on screen is cut here; JSON carries it whole. */
  noteChars: 160,
  /** A quote shorter than this rarely states a fact by itself: another quote of the fact is preferred. */
  shortQuote: 40,
} as const;
