import { describe, expect, it } from 'vitest';
import { FactBase, type Fact } from '../../src/facts/model.js';
import { realKnowledge } from '../helpers.js';

/** What a fact names, read plainly off the fact: the ids it is about, then its place, each once. */
const namedIds = (f: Fact) => [...new Set([...f.about, ...(f.place ? [f.place] : [])])];

describe('the fact base', () => {
  const base = realKnowledge().base;

  it("gives every entity's facts in fact order, each once: those about it and those placed there", () => {
    for (const id of base.entities.keys()) {
      expect(base.factsAbout(id).map((f) => f.id), id).toEqual(base.facts.filter((f) => namedIds(f).includes(id)).map((f) => f.id));
    }
    expect(base.factsAbout('no-such-entity')).toEqual([]);
  });

  it("numbers each fact's named entities as the ids it names", () => {
    base.facts.forEach((fact, n) => {
      const ids: string[] = [];
      base.forEachNamed(n, (e) => ids.push(base.entityIdOf(e)));
      expect(ids, fact.id).toEqual(namedIds(fact));
    });
  });

  it('keeps an id a fact names but no entity has, with its facts, and copies facts rather than holding the given ones', () => {
    const real = base.facts[0]!;
    const given: Fact[] = [
      { ...real, id: 'a', about: ['ghost', real.about[0]!, 'ghost'], place: 'ghost' },
      { ...real, id: 'b', about: [real.about[0]!], place: undefined },
    ];
    const small = new FactBase([...base.documents.values()], [...base.entities.values()], given);
    expect(small.factsAbout('ghost').map((f) => f.id)).toEqual(['a']);
    expect(small.factsAbout(real.about[0]!).map((f) => f.id)).toEqual(['a', 'b']);
    expect(small.entityNumberOf('ghost')).toBeDefined();
    expect(small.entity('ghost')).toBeUndefined();
    expect(small.fact('a')).not.toBe(given[0]);
    expect(small.fact('a')).toEqual({ ...given[0], note: given[0]!.note });
    expect(small.numberOf(given[0]!)).toBeUndefined(); // the caller's object is not the base's
  });
});
