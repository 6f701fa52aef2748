/**
 * Names as people mistype them, on the real fact base: every name of a thing people ask about,
 * with a seeded typo of the kinds people make (tests/typos.ts), asked as it is. Nothing here lists
 * a name: the names come from the fact base, the typos from the seed.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/ask.js';
import { key } from '../../src/text/normalize.js';
import { allowedEdits } from '../../src/text/near.js';
import { realKnowledge } from '../helpers.js';
import { seeded } from '../seeded.js';
import { typo } from '../typos.js';

const k = realKnowledge();
const aliasKeys = new Set([...k.base.entities.values()].flatMap((e) => [e.name, ...e.aliases].map(key)));
const asked = [...k.base.entities.values()].filter((e) => ['country', 'treaty', 'body', 'person'].includes(e.type) && k.base.factsAbout(e.id).length > 0);

describe('a misspelt name', () => {
  const rnd = seeded(5);
  const cases = asked.flatMap((e) => {
    // A name short enough to allow no typo (near.ts) is not found misspelt, by design.
    if (allowedEdits(key(e.name).replace(/ /g, '').length) === 0) return [];
    const text = typo(e.name, rnd);
    return aliasKeys.has(key(text)) ? [] : [{ e, text }];
  });

  it('gets facts about the thing it names, for nine in ten of the real names at least', () => {
    const misses = cases.filter(({ e, text }) => {
      const first = ask(k, text).facts[0];
      return !first || !k.base.factsAbout(e.id).some((f) => f.id === first.id);
    });
    expect(cases.length).toBeGreaterThan(100);
    expect(misses.length / cases.length, misses.map((m) => `${m.text} (${m.e.name})`).join('; ')).toBeLessThan(0.1);
  });

  it('is never a month: "November" is a date, not a misspelt name', () => {
    for (const month of ['January', 'February', 'March', 'April', 'August', 'September', 'October', 'November', 'December']) {
      expect(k.entities.mentions(`what happened in ${month} 2005`).map((m) => m.entity.name)).toEqual([]);
    }
  });
});

describe('a command word that begins a name', () => {
  it('is read as part of the name: "Agreement on …" asked alone is that agreement', () => {
    // Names longer than the longest read as one (MAX_NGRAM, 14 words) are not read whole: a known limit.
    const treaties = asked.filter((e) => e.type === 'treaty' && /^agreement\b/i.test(e.name) && key(e.name).split(' ').length <= 14);
    expect(treaties.length).toBeGreaterThan(3);
    for (const t of treaties) {
      const a = ask(k, t.name);
      expect(a.intent, t.name).toBe('treaty');
      expect(k.base.factsById.get(a.facts[0]!.id)!.about, t.name).toContain(t.id);
    }
  });
});
