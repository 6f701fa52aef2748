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

  const missed = (list: { e: { id: string; name: string }; text: string }[]) =>
    list.filter(({ e, text }) => {
      const first = ask(k, text).facts[0];
      return !first || !k.base.factsAbout(e.id).some((f) => f.id === first.id);
    });
  const share = (misses: { text: string; e: { name: string } }[], of: unknown[]) => [misses.length / of.length, misses.map((m) => `${m.text} (${m.e.name})`).join('; ')] as const;

  it('gets facts about the thing it names, for nineteen in twenty of the real names at least', () => {
    expect(cases.length).toBeGreaterThan(100);
    const [rate, list] = share(missed(cases), cases);
    expect(rate, list).toBeLessThan(0.05);
  });

  it('with two typos in one word, gets them when another word of the name is typed right and few names have it', () => {
    // "Janng Zemin", "Saudi Arbaaia": the exact word tells the name apart; the other may be garbled more.
    const twice = asked.flatMap((e) => {
      const words = e.name.split(' ');
      const distinctive = words.some((w) => w.length >= 4 && asked.filter((o) => o.name.split(' ').includes(w)).length === 1);
      const at = words.findIndex((w) => /^[a-z]{6,}$/i.test(w));
      if (words.length < 2 || !distinctive || at < 0) return [];
      const other = words.findIndex((w, i) => i !== at && w.length >= 4);
      if (other < 0) return [];
      words[at] = typo(typo(words[at]!, rnd), rnd);
      const text = words.join(' ');
      return aliasKeys.has(key(text)) ? [] : [{ e, text }];
    });
    expect(twice.length).toBeGreaterThan(40);
    const [rate, list] = share(missed(twice), twice);
    expect(rate, list).toBeLessThan(0.15);
  });

  it('a long name typed with a typo is that name, not a shorter name it holds ("Regulations on the Status of Dialogue Partner")', () => {
    const holding = asked.flatMap((e) => {
      const name = key(e.name);
      const inner = [...aliasKeys].find((a) => a !== name && a.split(' ').length >= 2 && ` ${name} `.includes(` ${a} `));
      if (!inner || name.split(' ').length < 2 * inner.split(' ').length) return [];
      // The typo goes in a word outside the name inside.
      const words = e.name.split(' ');
      const at = words.findIndex((w) => w.length >= 6 && !inner.split(' ').includes(key(w)));
      if (at < 0) return [];
      words[at] = typo(words[at]!, rnd);
      return [{ e, text: words.join(' ') }];
    });
    expect(holding.length).toBeGreaterThan(5);
    const [rate, list] = share(missed(holding), holding);
    expect(rate, list).toBeLessThan(0.1);
  });

  it('is never a month: "November" is a date, not a misspelt name', () => {
    for (const month of ['January', 'February', 'March', 'April', 'August', 'September', 'October', 'November', 'December']) {
      expect(k.entities.mentions(`what happened in ${month} 2005`).map((m) => m.entity.name)).toEqual([]);
    }
  });
});

describe('a command word that begins a name', () => {
  it('is read as part of the name: "Agreement on …" asked alone is that agreement', () => {
    const treaties = asked.filter((e) => e.type === 'treaty' && /^agreement\b/i.test(e.name));
    expect(treaties.length).toBeGreaterThan(3);
    for (const t of treaties) {
      const a = ask(k, t.name);
      expect(a.intent, t.name).toBe('treaty');
      expect(k.base.fact(a.facts[0]!.id)!.about, t.name).toContain(t.id);
    }
  });
});
