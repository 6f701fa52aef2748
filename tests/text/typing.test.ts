/**
 * The slip cost that ranks names equally many typos away: properties over seeded typos of the
 * fact base's own words, not a list of pairs.
 */
import { describe, expect, it } from 'vitest';
import typos from 'damerau-levenshtein';
import { KEY_NEIGHBOURS, slipCost } from '../../src/text/typing.js';
import { key } from '../../src/text/normalize.js';
import { realKnowledge } from '../helpers.js';
import { seeded } from '../seeded.js';
import { typo } from '../typos.js';

const words = [...new Set([...realKnowledge().base.entities.values()].flatMap((e) => key(e.name).split(' ')).filter((w) => /^[a-z]{4,}$/.test(w)))];

describe('slipCost', () => {
  const rnd = seeded(3);
  const pairs = words.map((w) => [w, typo(w, rnd)] as const);

  it('is 0 for the text itself and more for any typo, never more than the typos counted plainly', () => {
    expect(words.length).toBeGreaterThan(200);
    for (const w of words) expect(slipCost(w, w)).toBe(0);
    for (const [w, t] of pairs) {
      if (w === t) continue;
      const cost = slipCost(w, t);
      expect(cost, `${w} → ${t}`).toBeGreaterThan(0);
      expect(cost, `${w} → ${t}`).toBeLessThanOrEqual(typos(w, t).steps);
    }
  });

  it('costs less for a neighbouring key than for a key across the keyboard, at the same letter', () => {
    for (const w of words.slice(0, 300)) {
      const i = Math.floor(rnd() * w.length);
      const letter = w[i]!;
      const near = KEY_NEIGHBOURS[letter]![0]!;
      const far = [...'qwertyuiopasdfghjklzxcvbnm'].find((c) => c !== letter && !KEY_NEIGHBOURS[letter]!.includes(c) && !KEY_NEIGHBOURS[c]!.includes(letter))!;
      const at = (c: string) => w.slice(0, i) + c + w.slice(i + 1);
      expect(slipCost(w, at(near)), `${w}: ${near} for ${letter}`).toBeLessThan(slipCost(w, at(far)));
    }
  });

  it('costs less for a doubled letter than for a stray one', () => {
    for (const w of words.slice(0, 300)) {
      const i = 1 + Math.floor(rnd() * (w.length - 1));
      const stray = [...'qxzjv'].find((c) => c !== w[i] && c !== w[i - 1])!;
      expect(slipCost(w, w.slice(0, i) + w[i - 1] + w.slice(i)), w).toBeLessThan(slipCost(w, w.slice(0, i) + stray + w.slice(i)));
    }
  });
});
