import { describe, expect, it } from 'vitest';
import { askReal, seen } from '../helpers.js';

describe('names people type: aliases, transliterations and typos', () => {
  it.each([
    ['kazakstan', 'Kazakhstan'],
    ['Qazaqstan', 'Kazakhstan'],
    ['member Kirgizia', 'Kyrgyzstan'],
    ['kyrgyz republic', 'Kyrgyzstan'],
    ['member kazakhtan', 'Kazakhstan'],
    ['uzbekistn sco status', 'Uzbekistan'],
    ['member mongolai', 'Mongolia'],
  ])('"%s" answers about %s with its status history', (q, name) => {
    const a = askReal(q);
    expect(a.intent).toBe('member');
    expect(a.title).toBe(`${name} in the SCO`);
    expect(a.facts.length).toBeGreaterThan(0);
  });

  it.each([
    ['what happened in Alma-Ata', 'almaty'],
    ['Nur-Sultan', 'astana'],
    ['Ekaterinburg summit', 'yekaterinburg'],
  ])('"%s" finds facts about %s', (q, place) => {
    const a = askReal(q);
    expect(a.facts.length).toBeGreaterThan(0);
    expect(seen(a)).toMatch(new RegExp(place === 'almaty' ? 'almaty|alma-ata' : place === 'astana' ? 'astana' : 'yekaterinburg|ekaterinburg'));
  });
});

describe('member', () => {
  it('gives the status history in order, with dates and quotes', () => {
    const a = askReal('member india');
    expect(a.intent).toBe('member');
    expect(a.text).toMatch(/India: observer \(.*2005\).*member \(9 June 2017\)/);
    expect(a.facts[0]!.date).toMatch(/^2005/);
    for (const f of a.facts) expect(f.quotes.length).toBeGreaterThan(0);
  });

  it('puts the status asked about first', () => {
    const a = askReal('When did Belarus become an SCO observer?');
    expect(a.facts[0]!.date).toMatch(/^2015/);
    expect(a.facts[0]!.statement).toMatch(/observer/i);
  });

  it('says when a country was never a member, observer or partner', () => {
    const a = askReal('member usa');
    expect(a.text).toContain('do not name United States as a member, observer or dialogue partner');
  });
});

describe('members as of a year, from dated status history', () => {
  it('2005: six members, and India, Pakistan, Iran and Mongolia observing', () => {
    const a = askReal('members 2005');
    expect(a.intent).toBe('members');
    const [membersLine, observersLine] = a.text.split('\n').slice(1, 3);
    expect(membersLine).toMatch(/^Members \(6\): China .*Uzbekistan/);
    expect(observersLine).toMatch(/^Observers \(4\): India .*Iran .*Mongolia .*Pakistan/);
    expect(a.text).not.toMatch(/Dialogue partners/);
  });

  it('2018: eight members, India and Pakistan among them', () => {
    const a = askReal('members 2018');
    expect(a.text).toMatch(/Members \(8\): .*India.*Pakistan/);
    expect(a.text).not.toMatch(/Observers \([0-9]+\): [^\n]*India/);
  });

  it('before 2001 it answers for the Shanghai Five', () => {
    const a = askReal('members 1998');
    expect(a.title).toMatch(/Shanghai Five, as of 1998/);
    expect(a.text).toMatch(/Members \(5\)/);
    expect(a.text).not.toContain('Uzbekistan');
  });

  it('one group when asked for one', () => {
    const a = askReal('dialogue partners 2010');
    expect(a.text).toMatch(/Dialogue partners \(2\): Belarus .*Sri Lanka/);
    expect(a.text).not.toMatch(/^Members/m);
  });

  it('every country listed has the fact that gave it its status, with a quote', () => {
    const a = askReal('members 2016');
    expect(a.facts.length).toBeGreaterThan(3);
    for (const f of a.facts) expect(f.quotes[0]!.quote.length).toBeGreaterThan(10);
  });
});

describe('treaty, date, onthisday, sources, help', () => {
  it('treaty: the Charter, when and where it was signed', () => {
    const a = askReal('treaty charter');
    expect(a.intent).toBe('treaty');
    expect(a.title).toMatch(/Charter/);
    expect(seen(a)).toMatch(/2002/);
    expect(seen(a)).toMatch(/petersburg/);
  });

  it('date: a day lists what happened on it', () => {
    const a = askReal('what happened on 15 June 2001');
    expect(a.intent).toBe('date');
    expect(a.facts.length).toBeGreaterThan(0);
    expect(a.facts.every((f) => f.date?.startsWith('2001') || f.quotes.length)).toBe(true);
    expect(seen(a)).toContain('shanghai');
  });

  it('date: nothing dated to a day says so, with no facts', () => {
    const a = askReal('date 3 January 1990');
    expect(a.facts).toEqual([]);
    expect(a.text).toMatch(/Nothing in the sources is dated to 3 January 1990/);
  });

  it('onthisday uses today, oldest first', () => {
    const a = askReal('on this day', { year: 2030, month: 6, day: 15 });
    expect(a.intent).toBe('onthisday');
    expect(a.title).toContain('15 June');
    const years = a.facts.map((f) => Number(f.date?.slice(0, 4)));
    expect(years.length).toBeGreaterThan(1);
    expect(years.includes(2001)).toBe(true);
  });

  it('onthisday with a date previews that day', () => {
    const a = askReal('onthisday 3 July');
    expect(a.title).toContain('3 July');
    expect(seen(a)).toContain('almaty');
  });

  it('sources lists the five documents as citations', () => {
    const a = askReal('sources');
    expect(a.intent).toBe('sources');
    for (const name of ['Igibayeva', 'Janibekov', 'Bayshulakova', 'Mansurov', 'Rozanov']) expect(a.text).toContain(name);
  });

  it('help gives usage with examples', () => {
    const a = askReal('help');
    expect(a.intent).toBe('help');
    expect(a.text).toContain('member india');
    expect(a.text).toContain('check');
  });
});

describe('lookups and no-match answers', () => {
  it('answers a question about a fact with the fact that answers it', () => {
    const a = askReal('Who approves the SCO budget?');
    expect(a.intent).toBe('lookup');
    expect(seen(a.facts[0] ? { ...a, text: a.facts[0].statement } : a)).toMatch(/heads of government/);
  });

  it.each(['Who is the president of France?', 'How tall is Mount Everest?'])(
    'says "%s" is not in the sources, with no unrelated fact',
    (q) => {
      const a = askReal(q);
      expect(a.facts).toEqual([]);
      expect(a.text).toMatch(/^Nothing in the sources/);
    },
  );

  it.each(['When is the next summit?', 'When will the SCO hold its 2027 summit?', 'where will the next SCO summit be held'])(
    '"%s": the sources cannot know, so it says so, with no fact, and names the latest summit they record',
    (q) => {
      const a = askReal(q);
      expect(a.facts).toEqual([]);
      expect(a.text).toMatch(/^Nothing in the sources on summits still to come\./);
      expect(a.text).toContain('The latest summit they record was held in Samarkand on 16 September 2022: ask `date 16 September 2022` for it.');
      expect(askReal('date 16 September 2022').facts.map((f) => f.statement).join(' ')).toMatch(/Samarkand/);
    },
  );

  it('suggests the closest names when a name is not known', () => {
    const a = askReal('member Kazakhstanistan');
    expect(a.facts).toEqual([]);
    expect(a.text).toMatch(/^Nothing in the sources on a country called "Kazakhstanistan"/);
    expect(a.suggestions?.[0]).toBe('Kazakhstan');
    expect(a.text).toContain('Did you mean: Kazakhstan');
  });

  it.each(['what languages does the sco use', 'what are the official languages'])('offers no far-fetched names for "%s"', (q) => {
    const a = askReal(q);
    expect(a.facts).toEqual([]);
    expect(a.suggestions ?? []).toEqual([]);
    expect(a.text).not.toContain('Did you mean');
  });
});

describe('the JSON answer', () => {
  it('has the documented shape, and every fact carries a quote with its citation', () => {
    const a = askReal('kazakstan');
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['intent', 'text', 'facts']));
    expect(a.facts.length).toBeGreaterThan(0);
    for (const f of a.facts) {
      expect(f).toEqual(expect.objectContaining({ id: expect.any(String), statement: expect.any(String) }));
      expect(f.quotes.length).toBeGreaterThan(0);
      for (const q of f.quotes) expect(q).toEqual(expect.objectContaining({ doc: expect.any(String), quote: expect.any(String), where: expect.any(String), citation: expect.stringMatching(/ (19|20)\d\d, /) }));
    }
    expect(a.text).toContain(a.facts[0]!.quotes[0]!.quote);
  });
});
