/**
 * The fact check's tunable values, in one place, each with why. Each has a test in
 * tests/check/ that fails without it.
 */
export const TUNING = {
  /** Share of the claim's topic weight a fact must cover to be weighed at all: below it, a fact is about something else. */
  candidateCoverage: 0.35,
  /** Facts weighed per claim: enough for every namesake (seven Peace Missions), few enough to stay fast. */
  candidates: 12,
  /** A fact of another relation (a description, a statistic) supports only if it covers nearly every topic word. */
  looseSupportCoverage: 0.8,
  /** A claim with no date, place or count is supported by a fact of its relation that covers this much of its words. */
  bareSupportCoverage: 0.7,
  /** A theme named in words identifies one document when at least this many of its words are in the fact ("its law on energy"). */
  namedThemeWords: 2,
  /** Two counts agree within this share when either is approximate ("about 2,000" and "over two thousand"). */
  approximateCount: 0.1,
} as const;
