/**
 * Search terms: folded words without stop words, stemmed, so "meets" finds "meet"
 * and "approves" finds "approve". The index and the queries use the same function.
 */
import { stemmer } from 'stemmer';
import { fold } from './normalize.js';

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

const ASCII = /^[\x00-\x7f]*$/;
const NON_WORD = /[^a-z0-9]+/;

/**
 * The search terms of a text: stemmed content words, in order, duplicates kept. Words are
 * what `key()` would split (possessive "'s" becomes the stop word "s"), in one pass: this
 * runs over every fact when an index is built.
 */
export function terms(text: string): string[] {
  const folded = ASCII.test(text) ? text.toLowerCase() : fold(text);
  const out: string[] = [];
  for (const w of folded.split(NON_WORD)) if (w && !STOP_WORDS.has(w)) out.push(stem(w));
  return out;
}
