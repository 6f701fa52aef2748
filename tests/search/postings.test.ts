import { describe, expect, it } from 'vitest';
import { FactBase, type Fact } from '../../src/facts/model.js';
import { buildPostings, FIELDS, TF_SCALE } from '../../src/search/postings.js';
import { terms } from '../../src/text/terms.js';
import { realKnowledge } from '../helpers.js';

/** Each fact's terms and weighted frequencies, read back from the postings. */
function perFact(base: FactBase): Map<string, number>[] {
  const p = buildPostings(base);
  const out = base.facts.map(() => new Map<string, number>());
  p.vocab.forEach((term, t) => {
    for (let j = p.offsets[t]!; j < p.offsets[t + 1]!; j++) out[p.docs[j]!]!.set(term, p.tfs[j]! / TF_SCALE);
  });
  return out;
}

/** The same, the slow and obvious way: terms() over each field, as a query is read. */
function expected(base: FactBase, f: Fact): Map<string, number> {
  const m = new Map<string, number>();
  const add = (text: string, boost: number) => {
    for (const t of terms(text)) m.set(t, Math.fround((m.get(t) ?? 0) + boost));
  };
  add(f.statement, FIELDS.statement);
  for (const s of f.sources) add(s.quote, FIELDS.quotes);
  add([...f.tags, f.kind, f.status ?? '', f.relation ?? '', f.value ?? ''].join(' '), FIELDS.extra);
  const ids = new Set([...f.about, ...(f.place ? [f.place] : []), ...f.sources.flatMap((s) => (s.place ? [s.place] : []))]);
  for (const id of ids) {
    const e = base.entity(id);
    if (e) add([e.name, ...e.aliases].join(' '), FIELDS.names);
  }
  return m;
}

describe('the inverted index', () => {
  it('reads every fact of the real base into the same terms a question is read into', () => {
    const base = realKnowledge().base;
    const got = perFact(base);
    base.facts.forEach((f, doc) => {
      const want = expected(base, f);
      expect([...got[doc]!.keys()].sort(), f.id).toEqual([...want.keys()].sort());
      for (const [t, tf] of want) expect(got[doc]!.get(t), `${f.id} ${t}`).toBeCloseTo(tf, 4);
    });
  });

  it('folds accents, case and punctuation the way questions are folded', () => {
    const base = realKnowledge().base;
    const fact = { ...base.facts[0]!, statement: 'Qazaqstan’s ÉNERGY-Charter: Tashkent (Toshkent) 2001; Ürümqi', sources: [], tags: [], about: [] };
    const [terms_] = perFact(new FactBase([...base.documents.values()], [...base.entities.values()], [fact]));
    for (const t of terms('qazaqstan energy charter tashkent toshkent 2001 urumqi')) expect(terms_!.has(t), t).toBe(true);
    expect(terms_!.has('s')).toBe(false); // the possessive is a stop word
  });
});
