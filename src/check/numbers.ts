/**
 * Counts in claims and facts: "six members", "1,300 troops", "once a year", "three times".
 * Each number keeps the word that follows it, so that only counts of the same thing are compared.
 */
import { stem } from '../text/terms.js';

export interface Count {
  value: number;
  /** The stemmed word the number counts: "member", "troop", "time". */
  unit: string;
}

// "one" is left out: in claims it is a determiner far more often than a count ("one China policy", "one of the founders").
const WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
const ADVERBS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };
const FILLER = new Set(['more', 'than', 'over', 'about', 'around', 'some', 'nearly', 'almost', 'full', 'of', 'the', 'its', 'new', 'sco']);
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Counts in a text. Years (1900-2099 standing alone) are dates, not counts. */
export function counts(text: string): Count[] {
  // "2,000" and "100 000" are one number, and never a year.
  const tokens = text.toLowerCase().match(/[a-z]+|\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?: \d{3})+(?![\d ]*\d)|\d+(?:\.\d+)?/g) ?? [];
  const out: Count[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let value: number | undefined;
    if (t in ADVERBS) {
      out.push({ value: ADVERBS[t]!, unit: 'time' });
      continue;
    }
    if (/^\d/.test(t)) {
      const grouped = /[, ]/.test(t);
      value = Number(t.replace(/[, ]/g, ''));
      // A bare 1900-2099 is a year, unless a plural noun follows and no "in"/"since" leads it ("2000 soldiers").
      const plural = /s$/.test(tokens[i + 1] ?? '') && !/^(in|on|since|by|of|from|until|till|to|after|before)$/.test(tokens[i - 1] ?? '');
      if (!grouped && !plural && Number.isInteger(value) && value >= 1900 && value <= 2099) continue;
    } else if (t in WORDS) value = WORDS[t];
    if (value === undefined) continue;
    let j = i + 1;
    const scale = SCALE[tokens[j] ?? ''];
    if (scale) {
      value *= scale;
      j++;
    }
    // "six full member states" counts members: skip filler to the counted word.
    let unit = '';
    for (; j < tokens.length && j <= i + 4; j++) {
      const w = tokens[j]!;
      if (FILLER.has(w)) continue;
      unit = stem(w);
      break;
    }
    if (unit === 'state' || unit === 'countri' || unit === 'nation') unit = 'member';
    out.push({ value, unit });
  }
  return out;
}
