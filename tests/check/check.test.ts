import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { askReal } from '../helpers.js';

const verdictOf = (claim: string) => askReal(`check ${claim}`);

describe('fact checks: one test per relation', () => {
  it.each([
    ['joined', 'India joined the SCO in 2017', 'supported'],
    ['became observer', 'Mongolia became an observer in 2004', 'supported'],
    ['became dialogue partner', 'Turkey became a dialogue partner in 2012', 'supported'],
    ['signed', 'The Shanghai Convention was signed in 2002', 'contradicted'],
    ['adopted', 'The Astana Declaration was adopted in August 2005', 'disputed'],
    ['founded', 'The SCO was founded in 1996', 'contradicted'],
    ['established', 'The SCO Business Council was established in 2006', 'supported'],
    ['held', 'The 2007 SCO summit was held in Dushanbe', 'contradicted'],
    ['hosted', 'The 2008 SCO summit was hosted by Dushanbe', 'supported'],
    ['entered into force', 'The SCO Charter entered into force in 2003', 'supported'],
    ['located in', 'The SCO Secretariat is based in Moscow', 'contradicted'],
    ['number of members', 'In 2010 the SCO had six members', 'supported'],
    ['meets (frequency)', 'The SCO Council of National Coordinators meets once a year', 'contradicted'],
    ['proposed', 'Kazakhstan proposed creating an SCO information security center', 'supported'],
  ])('%s: "%s" is %s', (_relation, claim, verdict) => {
    const a = verdictOf(claim);
    expect(a.intent).toBe('check');
    expect(a.verdict).toBe(verdict);
  });
});

describe('verdicts', () => {
  it('supported: the verdict first, one sentence of why, then the deciding quote', () => {
    const a = verdictOf('the SCO Interbank Association was created in 2005');
    expect(a.verdict).toBe('supported');
    expect(a.text.split('\n')[0]).toMatch(/^\[Supported\] “the SCO Interbank Association was created in 2005”$/);
    expect(a.text.split('\n')[1]).toMatch(/2005/);
    expect(a.facts[0]!.quotes[0]!.quote).toMatch(/2005/);
  });

  it('contradicted: says what the sources state instead, with the quote', () => {
    const a = verdictOf('India joined the SCO in 2015');
    expect(a.verdict).toBe('contradicted');
    expect(a.text).toMatch(/India became a member of the SCO on 9 June 2017 in Astana, not 2015/);
    expect(a.facts[0]!.quotes.some((q) => q.quote.includes('2017'))).toBe(true);
  });

  it('disputed: shows each version with its source', () => {
    const a = verdictOf('SCO heads of government met in Astana on 31 October 2008');
    expect(a.verdict).toBe('disputed');
    expect(a.text).toMatch(/The sources differ: .*30 October 2008.* vs .*31 October 2008/);
  });

  it('unknown: says the sources do not settle it, and labels the closest facts as such', () => {
    const a = verdictOf('The SCO introduced a common currency in 2012');
    expect(a.verdict).toBe('unknown');
    expect(a.text).toMatch(/^\[Not in the sources\]/);
    if (a.facts.length) expect(a.text).toContain('Closest facts in the sources (they do not settle the claim):');
  });

  it('never supported or contradicted without a quote that states the deciding fact', () => {
    for (const claim of ['Iran became an observer in 2005', 'RATS is headquartered in Tashkent', 'The Tianshan-2-2011 drills were held in Tashkent']) {
      const a = verdictOf(claim);
      expect(['supported', 'contradicted', 'disputed']).toContain(a.verdict);
      expect(a.facts.length).toBeGreaterThan(0);
      expect(a.facts[0]!.quotes[0]!.quote.length).toBeGreaterThan(15);
    }
  });

  it('time matters: a status held once but not any more is contradicted, saying when it held', () => {
    const a = verdictOf('India is an SCO observer');
    expect(a.verdict).toBe('contradicted');
    expect(a.text).toMatch(/India was an observer from 5 July 2005, but as of the latest sources \(\d{4}\) it is a member/);
  });
});

describe('how people write claims', () => {
  it.each([
    ['India did not join in 2017', 'contradicted'],
    ['India did not become an observer in 2005', 'contradicted'],
    ['Turkey is not a member of the SCO', 'supported'],
    ['The SCO was not founded in 1996', 'supported'],
  ])('negation: "%s" is %s', (claim, verdict) => {
    expect(verdictOf(claim).verdict).toBe(verdict);
  });

  it.each([
    ['Pakistn became a member on June 9, 2017', 'supported'],
    ['Kirgizia was one of the founding members of the SCO', 'supported'],
    ['the shanghai convension was signed 15.06.2001', 'supported'],
  ])('typos: "%s" is %s', (claim, verdict) => {
    expect(verdictOf(claim).verdict).toBe(verdict);
  });

  it.each([
    ['Mongolia got observer status on 17 June 2004', 'supported'],
    ['Mongolia became an observer in June 2004', 'supported'],
    ['Mongolia became an observer in the summer of 2004', 'supported'],
    ['Mongolia became an observer in 2006', 'contradicted'],
    ['Mongolia became an observer at the Tashkent summit', 'supported'],
  ])('date forms: "%s" is %s', (claim, verdict) => {
    expect(verdictOf(claim).verdict).toBe(verdict);
  });

  it.each([
    ['1,300 troops took part in Interaction-2003', 'supported'],
    ['Interaction-2003 involved 5000 troops', 'contradicted'],
    ['the SCO has six members', 'contradicted'],
    ['The Shanghai Five had five members', 'supported'],
  ])('numbers: "%s" is %s', (claim, verdict) => {
    expect(verdictOf(claim).verdict).toBe(verdict);
  });

  it('two facts in one sentence are judged each, and a half-wrong claim is not supported', () => {
    const mixed = verdictOf('Kazakstan joined in 2001 and India joined in 2015');
    expect(mixed.verdict).toBe('contradicted');
    expect(mixed.text).toMatch(/Mixed: “Kazakstan joined in 2001”: supported\..*\n“India joined in 2015”: contradicted\./s);
    const both = verdictOf('Mongolia became an observer in 2004 and Turkey became a dialogue partner in 2012');
    expect(both.verdict).toBe('supported');
  });

  it.each([
    // A part that leaves out its verb takes the first part's.
    ['Kazakhstan joined in 2001 and India in 2015', 'contradicted', /“Kazakhstan joined in 2001”: supported\..*\n“India joined in 2015”: contradicted\./s],
    ['India joined in 2017 and Iran in 2023', 'contradicted', /“India joined in 2017”: supported\..*\n“Iran joined in 2023”: contradicted\./s],
    ['India became an observer in 2005 and a member in 2017', 'supported', /“India became a member in 2017”: supported/],
    ['Kazakhstan joined in 2001, and India and Pakistan in 2017', 'supported', /“India and Pakistan joined in 2017”: supported/],
    ['India became an observer in 2005 and a member in 2015', 'contradicted', /“India became a member in 2015”: contradicted/],
    // "member state" after "is" claims a status.
    ['Mongolia is a member state', 'contradicted', /Mongolia as observer \(17 June 2004\), never as a member/],
    ['Mongolia is an SCO member state', 'contradicted', /never as a member/],
    ['Mongolia is not a member state', 'supported', /never as a member/],
    ['India is not a member state', 'contradicted', /India became a member of the SCO on 9 June 2017/],
    // Founders are counted as founders, not as today's members.
    ['the SCO was founded by 5 countries', 'contradicted', /The SCO was founded in 2001 by 6 countries: China, Kazakhstan, Kyrgyzstan, Russia, Tajikistan, Uzbekistan\./],
    ['the SCO was founded by six countries', 'supported', /The SCO was founded in 2001 by 6 countries/],
    ['the Shanghai Five was founded by five countries', 'supported', /The Shanghai Five was founded in 1996 by 5 countries/],
    ['the Shanghai Five had five members', 'supported', /The Shanghai Five had 5 members before it became the SCO in 2001/],
    // Places: the subject's own, and "Shanghai" alone is the city.
    // A contradiction names both values: the sources' and the claim's.
    ['the SCO Secretariat is in Tashkent', 'contradicted', /^SCO Secretariat: in Beijing, not in Tashkent\./m],
    ['the SCO Secretariat is in Beijing', 'supported', /^The sources state it: .*located in Beijing/m],
    ['RATS is based in Beijing', 'contradicted', /^Regional Anti-Terrorist Structure: in Tashkent, not in Beijing\./m],
    ['the Charter was signed in Shanghai', 'contradicted', /^SCO Charter: in Saint Petersburg, not in Shanghai\./m],
    ['the SCO was founded in Shanghai', 'supported', /^The sources state it: .*15 June 2001 in Shanghai/m],
  ])('"%s" is %s, and says why', (claim, verdict, why) => {
    const a = verdictOf(claim);
    expect(a.verdict).toBe(verdict);
    expect(a.text).toMatch(why);
  });

  it('names each step of a history once', () => {
    expect(verdictOf('Uzbekistan joined the Shanghai Five in 1996').text.split('\n')[1]).toBe(
      'The sources give Uzbekistan as observer (5 July 2000), then member (15 June 2001), never as a member of the Shanghai Five.',
    );
  });

  it('a number inside a name is not a count of members ("Tianshan-2-2011 involved 2 countries")', () => {
    expect(verdictOf('Tianshan-2-2011 involved 2 countries').text).not.toMatch(/The SCO had \d+ members/);
  });

  it('names joined by "and" with one verb stay one claim about each of them', () => {
    const a = verdictOf('India and Pakistan joined in 2017');
    expect(a.verdict).toBe('supported');
    expect(a.text).not.toMatch(/Mixed/);
    expect(a.text).toMatch(/India became a member of the SCO on 9 June 2017\. Pakistan became a member of the SCO on 9 June 2017\./);
  });

  it.each(['India joined the SCO in 2015, right?', 'fact check: India joined the SCO in 2015', 'India joined the SCO in 2015'])('"%s" is read as a claim', (text) => {
    const a = askReal(text);
    expect(a.intent).toBe('check');
    expect(a.verdict).toBe('contradicted');
  });
});

describe('the claims set (eval/claims.jsonl)', () => {
  const lines = readFileSync(join(PACKAGE_ROOT, 'eval', 'claims.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const results = lines.map((l) => ({ ...l, got: askReal(l.q).verdict as string | undefined }));

  it('has at least 60 claims of every kind of verdict', () => {
    expect(lines.length).toBeGreaterThanOrEqual(60);
    const verdicts = new Set(lines.map((l) => l.expect.verdict));
    expect([...verdicts].sort()).toEqual(['contradicted', 'disputed', 'supported', 'unknown']);
  });

  it('gets at least 90% right', () => {
    const right = results.filter((r) => r.got === r.expect.verdict).length;
    expect(right / results.length).toBeGreaterThanOrEqual(0.9);
  });

  it('never marks a false or unsupported claim as supported', () => {
    const wrong = results.filter((r) => r.expect.verdict !== 'supported' && r.got === 'supported').map((r) => r.q);
    expect(wrong).toEqual([]);
  });
});
