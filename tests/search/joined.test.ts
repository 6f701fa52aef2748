/** "Which names hold this text", against the plain filter over every name: the trigram map may skip a search, never a name. */
import { describe, expect, it } from 'vitest';
import { JoinedTexts } from '../../src/search/joined.js';
import { key } from '../../src/text/normalize.js';
import { realKnowledge } from '../helpers.js';
import { seeded } from '../seeded.js';
import { typo } from '../typos.js';

const names = [...realKnowledge().base.entities.values()].flatMap((e) => [e.name, ...e.aliases].map(key));

describe('JoinedTexts.holding', () => {
  it('finds exactly the names that hold a piece of a name, or of a mistyped one', () => {
    const joined = new JoinedTexts(names);
    const rnd = seeded(9);
    for (let n = 0; n < 400; n++) {
      const name = names[Math.floor(rnd() * names.length)]!;
      const from = Math.floor(rnd() * name.length);
      let piece = name.slice(from, from + 3 + Math.floor(rnd() * 8));
      if (n % 2 && /[a-z]/.test(piece)) piece = key(typo(piece, rnd));
      const found: number[] = [];
      joined.holding(piece, (i) => found.push(i));
      expect(found, piece).toEqual(names.flatMap((t, i) => (t.includes(piece) ? [i] : [])));
    }
  });
});
