import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadFactBase, loadFactBaseStrict, FactBaseInvalid } from '../../src/facts/load.js';
import { MINI_FACTS, miniFiles, miniIssues } from '../helpers.js';


describe('fact base loader', () => {
  it('loads a valid fact base with no issues', () => {
    const { base, issues } = loadFactBase(MINI_FACTS);
    expect(issues).toEqual([]);
    expect(base.facts.map((f) => f.id)).toContain('charter-signed');
    expect(base.fact('charter-signed')?.date).toEqual({ start: { year: 2002, month: 6, day: 7 } });
  });

  it('names file, line and field of a bad date, and keeps every other fact', () => {
    const bad = `facts:
  - id: bad-date
    kind: event
    about: [sco]
    date: 2005-13-01
    statement: Something happened.
    sources:
      - doc: mini-2020
        quote: "In 2017 India and Pakistan became full members"
        where: "Paragraph 2"
`;
    const { base, issues } = loadFactBase('', miniFiles({ 'extra.yaml': bad }));
    expect(issues.map(formatIssue)).toEqual(['extra.yaml:5: bad-date.date: "2005-13-01" has no month 13']);
    expect(base.facts).toHaveLength(4);
  });

  it('reports every error in every file at once', () => {
    const a = `facts:
  - id: one
    kind: treaty
    about: [nowhere]
    statement: x
    sources:
      - doc: mini-2020
        quote: ""
        where: p
  - id: two
    kind: membership
    about: [india]
    statement: India is something.
    sources:
      - doc: unknown-doc
        quote: "some words here"
        where: p
`;
    const b = `entities:
  - id: india
    type: country
    name: India again
facts:
  - id: charter-signed
    kind: wrongkind
    about: [sco]
    statement: duplicate
    sources: []
`;
    const out = miniIssues({ 'a.yaml': a, 'b.yaml': b });
    expect(out).toEqual(
      expect.arrayContaining([
        'a.yaml:8: one.sources[0].quote: must not be empty',
        'a.yaml:10: two.status: a membership fact needs a status (member, observer, dialogue-partner, applicant, guest)',
        expect.stringMatching(/^b\.yaml:2: india\.id: duplicate entity id; first defined at entities\.yaml:\d+$/),
        expect.stringMatching(/^b\.yaml:7: charter-signed\.kind: Invalid option/),
        'b.yaml:10: charter-signed.sources: every fact needs at least one source quote',
      ]),
    );
  });

  it('reports unknown entity and document references', () => {
    const a = `facts:
  - id: lost
    kind: event
    about: [atlantis]
    place: nowhere
    statement: Something happened.
    sources:
      - doc: secret-2030
        quote: "some quoted words"
        where: p
`;
    expect(miniIssues({ 'a.yaml': a })).toEqual([
      'a.yaml:2: lost.about[0]: unknown entity "atlantis"',
      'a.yaml:2: lost.place: unknown entity "nowhere"',
      expect.stringMatching(/^a\.yaml:9: lost\.sources\[0\]\.doc: unknown document "secret-2030"; known: mini-2020$/),
    ]);
  });

  it('reports a duplicate fact id with where it was first defined', () => {
    const dup = readFileSync(join(MINI_FACTS, 'facts.yaml'), 'utf8');
    const out = miniIssues({ 'copy.yaml': dup });
    expect(out).toContain('copy.yaml:2: charter-signed.id: duplicate fact id; first defined at facts.yaml:2');
  });

  it('reports YAML syntax errors with their line, without losing the other files', () => {
    const { base, issues } = loadFactBase('', miniFiles({ 'broken.yaml': 'facts:\n  - id: x\n    about: [a\n  - nope: {' }));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.file).toBe('broken.yaml');
    expect(issues[0]!.field).toBe('(yaml)');
    expect(base.facts).toHaveLength(4);
  });

  it('reports an alias that names two entities', () => {
    const e = `entities:
  - id: india-2
    type: country
    name: Bharat
    aliases: [India]
`;
    expect(miniIssues({ 'e.yaml': e })).toEqual([expect.stringMatching(/^e\.yaml:2: india-2\.aliases: "india" also names india/)]);
  });

  it('rejects unknown fields and sections, naming them', () => {
    const out = miniIssues({ 'x.yaml': 'fact:\n  - id: a\n' , 'y.yaml': 'facts:\n  - id: typo-field\n    kind: event\n    about: [sco]\n    statment: x\n    statement: y\n    sources:\n      - doc: mini-2020\n        quote: "In 2017 India"\n        where: p\n' });
    expect(out).toContain('x.yaml:1: fact: unknown section; expected entities or facts');
    expect(out).toContain('y.yaml:2: typo-field: unknown field(s): statment');
  });

  it('the strict loader throws every problem at once', () => {
    expect(() => loadFactBaseStrict(MINI_FACTS)).not.toThrow();
    try {
      const bad = new Map([['sources.yaml', 'documents: []\n']]);
      const { issues } = loadFactBase('', bad);
      throw new FactBaseInvalid(issues);
    } catch (err) {
      expect(err).toBeInstanceOf(FactBaseInvalid);
      expect((err as Error).message).toContain('sources.yaml');
    }
  });
});
