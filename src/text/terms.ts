/**
 * Search terms: folded words without stop words, stemmed, so "meets" finds "meet"
 * and "approves" finds "approve". The index and the queries use the same function.
 */
import { stemmer } from 'stemmer';
import { words } from './normalize.js';

/** Words that say nothing about which fact is meant. */
export const STOP_WORDS = new Set(
  `a an the and or of in on at to for from by with about into as is are was were be been being it its
  this that these those there their they them he she his her we our you your i me my do does did done
  has have had having will would shall should can could may might must not no yes so than then too very
  what when where which who whom whose why how whether if also just only any some all each every
  tell show give please know want like get me us sco shos shanghai cooperation organisation organization
  s did didnt doesnt isnt right true really ever happen happened took take takes taking place`.split(/\s+/),
);

const stems = new Map<string, string>();

/** Stems a folded word; numbers and short words stay as they are. Memoised: texts reuse few words. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = word.length > 3 && /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}

/** The search terms of a text: stemmed content words, in order, duplicates kept. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}
