/** The relation frames as the fact base's contract: only declared relations, places inside countries, names without places. */
import { describe, expect, it } from 'vitest';
import { FAMILY_CUES, FRAMES, RELATIONS } from '../../src/check/frames.js';
import { miniIssues, realKnowledge } from '../helpers.js';


describe('relation frames', () => {
  it('rejects a relation no frame declares, naming file, line and field', () => {
    const fact = `facts:
  - id: odd-relation
    kind: event
    about: [sco]
    relation: celebrated
    statement: Something happened.
    sources:
      - doc: mini-2020
        quote: "In 2017 India and Pakistan became full members"
        where: "Paragraph 2"
`;
    const [issue] = miniIssues({ 'extra.yaml': fact });
    expect(issue).toMatch(/^extra\.yaml:5: odd-relation\.relation: is not a declared relation; declare it in src\/check\/frames\.ts/);
  });

  it('rejects a place said to lie in something that is not a country, and an alias that ends with a place', () => {
    const entities = `entities:
  - id: odd-place
    type: place
    name: Odd Place
    in: sco
  - id: odd-body
    type: body
    name: Odd Body
    aliases: [Odd Body in Moscow]
  - id: moscow
    type: place
    name: Moscow
`;
    const issues = miniIssues({ 'extra.yaml': entities });
    expect(issues.some((i) => /odd-place\.in: "sco" is not a country/.test(i))).toBe(true);
    expect(issues.some((i) => /odd-body\.aliases: "Odd Body in Moscow" ends with a place/.test(i))).toBe(true);
  });

  it('every relation the real fact base uses is declared, and every frame has a reason', () => {
    const used = new Set(realKnowledge().base.facts.flatMap((f) => (f.relation ? [f.relation] : [])));
    for (const r of used) expect(RELATIONS).toContain(r);
    for (const f of FRAMES) expect(f.reason.length).toBeGreaterThan(10);
  });

  it('reads each family from its own words, in any form', () => {
    const family = (text: string) => FAMILY_CUES.filter((c) => c.re.test(text)).map((c) => c.family);
    expect(family('the treaty was inked in 2007')).toContain('document');
    expect(family('Pakistan acceded in 2017')).toContain('status');
    expect(family('RATS is headquartered in Tashkent')).toContain('location');
    expect(family('the exercise took place in Kazakhstan')).toContain('occurrence');
    expect(family('Belarus applied in 2024')).toContain('application');
  });
});
