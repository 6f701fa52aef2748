import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { askReal } from '../helpers.js';

const verdictOf = (claim: string) => askReal(`check ${claim}`);

describe('fact checks: one test per relation', () => {
  it.each([
    ['joined', 'Pakistan acceded to the SCO in 2017', 'supported'],
    ['became observer', 'Iran became an observer of the SCO in 2005', 'supported'],
    ['became dialogue partner', 'Turkey became a dialogue partner in 2012', 'supported'],
    ['signed', 'The Shanghai Convention was inked in 2003', 'contradicted'],
    ['adopted', 'The Astana Declaration was passed in August 2005', 'disputed'],
    ['founded', 'The SCO was set up in 1998', 'contradicted'],
    ['established', 'The SCO Business Council was launched in 2006', 'supported'],
    ['held', 'The 2007 SCO summit took place in Astana', 'contradicted'],
    ['hosted', 'Tajikistan hosted the 2008 SCO summit', 'supported'],
    ['entered into force', 'The SCO Charter took effect in September 2003', 'supported'],
    ['located in', 'The SCO Secretariat is headquartered in Almaty', 'contradicted'],
    ['number of members', 'The SCO had six member states in 2012', 'supported'],
    ['meets (frequency)', 'the Council of National Coordinators convenes once a year', 'contradicted'],
    ['proposed', 'Kazakhstan suggested setting up an SCO information security center', 'supported'],
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
    const a = verdictOf('India joined the SCO in 2016');
    expect(a.verdict).toBe('contradicted');
    expect(a.text).toMatch(/India became a member of the SCO on 9 June 2017 in Astana, not 2016/);
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
    for (const claim of ['Iran became an observer in 2005', 'RATS is located in Bishkek', 'The Tianshan-2-2011 drills were held in Tashkent']) {
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
    ['Pakistan did not become an observer in 2005', 'contradicted'],
    ['Sri Lanka is not an SCO member', 'supported'],
    ['The SCO wasn\'t established in 1999', 'supported'],
    // Negation is scoped to its clause: these deny nothing.
    ['Not only India but also Pakistan joined in 2017', 'supported'],
    ['India joined in 2017, not 2015', 'supported'],
  ])('negation: "%s" is %s', (claim, verdict) => {
    expect(verdictOf(claim).verdict).toBe(verdict);
  });

  it.each([
    ['Pakistn joined on 9 June 2017', 'supported'],
    ['Tadjikistan was one of the SCO founders', 'supported'],
    ['the shanghai convension was signed on 15/06/2001', 'supported'],
  ])('typos: "%s" is %s', (claim, verdict) => {
    expect(verdictOf(claim).verdict).toBe(verdict);
  });

  it.each([
    ['Mongolia gained observer status on June 17, 2004', 'supported'],
    ['Mongolia became an observer in June 2004', 'supported'],
    ['Mongolia became an observer in summer 2004', 'supported'],
    ['Mongolia became an observer in 2006', 'contradicted'],
    ['Mongolia was admitted as an observer at the 2004 Tashkent summit', 'supported'],
  ])('date forms: "%s" is %s', (claim, verdict) => {
    expect(verdictOf(claim).verdict).toBe(verdict);
  });

  it.each([
    ['Interaction-2003 involved around 1,300 troops', 'supported'],
    ['Interaction-2003 had 4,000 troops', 'contradicted'],
    ['the SCO has seven member states', 'contradicted'],
    ['The Shanghai Five had five members', 'supported'],
  ])('numbers: "%s" is %s', (claim, verdict) => {
    expect(verdictOf(claim).verdict).toBe(verdict);
  });

  it('two facts in one sentence are judged each, and a half-wrong claim is not supported', () => {
    const mixed = verdictOf('Kyrgyzstan joined in 2001 and Pakistan joined in 2016');
    expect(mixed.verdict).toBe('contradicted');
    expect(mixed.text).toMatch(/Mixed: “Kyrgyzstan joined in 2001”: supported\..*\n“Pakistan joined in 2016”: contradicted\./s);
    const both = verdictOf('Iran became an observer in 2005 and Sri Lanka became a dialogue partner in 2009');
    expect(both.verdict).toBe('supported');
  });

  it.each([
    // A part that leaves out its verb takes the first part's.
    ['Tajikistan joined in 2001 and Pakistan in 2015', 'contradicted', /“Tajikistan joined in 2001”: supported\..*\n“Pakistan joined in 2015”: contradicted\./s],
    ['India joined in 2017 and Iran in 2023', 'contradicted', /“India joined in 2017”: supported\..*\n“Iran joined in 2023”: contradicted\./s],
    ['India became an observer in 2005 and a member in 2017', 'supported', /“India became a member in 2017”: supported/],
    ['Kazakhstan joined in 2001, and India and Pakistan in 2017', 'supported', /“India and Pakistan joined in 2017”: supported/],
    ['India became an observer in 2005 and a member in 2015', 'contradicted', /“India became a member in 2015”: contradicted/],
    // "member state" after "is" claims a status.
    ['Afghanistan is a member state', 'contradicted', /Afghanistan as observer \(June 2012\), never as a member/],
    ['Sri Lanka is an SCO member state', 'contradicted', /never as a member/],
    ['Afghanistan is not a member state', 'supported', /never as a member/],
    ['India is not a member state', 'contradicted', /India became a member of the SCO on 9 June 2017/],
    // Founders are counted as founders, not as today's members.
    ['the SCO was founded by 5 countries', 'contradicted', /The SCO was founded in 2001 by 6 countries: China, Kazakhstan, Kyrgyzstan, Russia, Tajikistan, Uzbekistan\./],
    ['the SCO was founded by six countries', 'supported', /The SCO was founded in 2001 by 6 countries/],
    ['the Shanghai Five was founded by five countries', 'supported', /The Shanghai Five was founded in 1996 by 5 countries/],
    ['the Shanghai Five had five members', 'supported', /The Shanghai Five had 5 members before it became the SCO in 2001/],
    // Places: the subject's own, and "Shanghai" alone is the city.
    // A contradiction names both values: the sources' and the claim's.
    ['the SCO Secretariat is in Moscow', 'contradicted', /^SCO Secretariat: in Beijing, not in Moscow\./m],
    ['the SCO Secretariat is in Beijing', 'supported', /^The sources state it: .*located in Beijing/m],
    ['RATS is based in Beijing', 'contradicted', /^Regional Anti-Terrorist Structure: in Tashkent, not in Beijing\./m],
    ['the SCO Charter was signed in Astana', 'contradicted', /^SCO Charter: in Saint Petersburg, not in Astana\./m],
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

  it.each(['Pakistan joined the SCO in 2014, right?', 'fact check: Pakistan joined the SCO in 2014', 'Pakistan joined the SCO in 2014', 'is it true Pakistan joined in 2014', 'Pakistan joined in 2014, yeah?', 'did Pakistan join the SCO in 2014?'])('"%s" is read as a claim', (text) => {
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

describe('the rules of a verdict (frames.ts, judge.ts): each fails without its rule', () => {
  it.each([
    // A country after "in" or before "hosted" is a place; one that only took part is named as such.
    ['Kyrgyzstan hosted Peace Mission-2012', 'contradicted', /in Tajikistan, not in Kyrgyzstan; Kyrgyzstan took part/],
    // A namesake does not decide: Peace Mission-2010 is judged by its own fact, not 2012's.
    ['Peace Mission-2010 was held in June 2012', 'contradicted', /Peace Mission-2010: September 2010, not June 2012/],
    // A different year of a many-valued relation (a proposal made again) is not a contradiction.
    ['Kazakhstan proposed an SCO interbank reserve bank in 2014', 'unknown', /happens more than once/],
    // Joining another organisation is not joining the SCO.
    ['Kazakhstan joined the WTO in 2016', 'unknown', /do not state this/],
    ['China joined the WTO in 2001', 'supported', /World Trade Organization on 11 December 2001/],
    // "inked" is a verb of signing; a place by another spelling is the same place.
    ['the Charter was inked in St Petersburg', 'supported', /St Petersburg summit on 7 June 2002/],
    // A span of years in a claim is one date: "between 2001 and 2011".
    ['trade between China and the other SCO members grew almost tenfold between 2001 and 2011', 'supported', /from 12\.1 billion/],
    // Counts agree within TUNING.approximateCount when either is approximate.
    ['Interaction-2003 involved some 1,250 troops', 'supported', /1,300/],
    ['Interaction-2003 involved 1,000 troops', 'contradicted', /1,300, not 1,000/],
    // A summit the base cannot date or place leaves the claim unchecked, never supported.
    ['India became a member at the Ufa summit', 'unknown', /do not give the date or place/],
    // "did not … until 2018" claims it happened in 2018.
    ['Pakistan didn\'t join until 2018', 'contradicted', /9 June 2017 in Astana, not 2018/],
    // "has been … since" claims the status still holds.
    ['India has been an observer since 2005', 'contradicted', /as of the latest sources \(\d{4}\) it is a member/],
    // A summit named by its city alone, where the city hosted several, is the one of the claimed year, or none.
    ['the Astana summit was held in 2013', 'unknown', /do not state this/],
    ['the Almaty summit was held in 1996', 'contradicted', /3 July 1998, not 1996/],
    // A summit named by its year is that year's summit.
    ['the SCO summit of 2006 was held in Astana', 'contradicted', /in Shanghai, not in Astana/],
    // Applying is not having a status, and other statuses do not rule an application out.
    ['Iran applied for full membership in 2008', 'unknown', /do not say that Iran was ever an applicant/],
    // A figure claim ("had") is judged on the count, never on a date it happens to share with another fact.
    ['Peace Mission-2010 had about 6,000 soldiers', 'supported', /6,000 soldiers/],
  ])('"%s" is %s', (claim, verdict, why) => {
    const a = verdictOf(claim);
    expect(a.verdict).toBe(verdict);
    expect(a.text).toMatch(why);
  });

  it('a denial is reported as one, and a bare correction is not a denial', () => {
    expect(verdictOf('Sri Lanka is not an SCO member').text).toMatch(/The sources bear out the denial/);
    expect(verdictOf('India joined in 2017, not 2015').text).not.toMatch(/denial|denies/);
  });
});

