import { describe, expect, it } from 'vitest';
import { findDates, withoutDates } from '../../src/understand/dates.js';

const first = (t: string) => {
  const d = findDates(t)[0];
  return d && { start: d.start, end: d.end, monthDayOnly: d.monthDayOnly ?? false };
};

describe('dates in questions', () => {
  it.each([
    ['what happened on 7 june 2002', { year: 2002, month: 6, day: 7 }],
    ['June 7, 2002', { year: 2002, month: 6, day: 7 }],
    ['the 7th of June 2002', { year: 2002, month: 6, day: 7 }],
    ['date 2003-05-29', { year: 2003, month: 5, day: 29 }],
    ['on 07.06.2002', { year: 2002, month: 6, day: 7 }],
    ['in Sept. 2005', { year: 2005, month: 9 }],
    ['June 2002', { year: 2002, month: 6 }],
    ['2002-06', { year: 2002, month: 6 }],
    ['members 2010', { year: 2010 }],
  ])('reads "%s"', (text, start) => {
    expect(first(text)?.start).toEqual(start);
  });

  it('keeps a month and day without a year as such', () => {
    expect(first('onthisday 15 June')).toEqual({ start: { year: 0, month: 6, day: 15 }, end: undefined, monthDayOnly: true });
    expect(first('June 15')?.monthDayOnly).toBe(true);
  });

  it('reads a season as a span of months', () => {
    expect(first('in the summer of 2005')).toMatchObject({ start: { year: 2005, month: 6 }, end: { year: 2005, month: 8 } });
  });

  it('rejects impossible dates rather than guessing', () => {
    expect(findDates('30 February 2005')).toEqual([]);
    expect(findDates('2005-13-01')).toEqual([]);
  });

  it('finds several dates in reading order and can take them out', () => {
    const text = 'India became an observer in 2005 and a member on 9 June 2017';
    const dates = findDates(text);
    expect(dates.map((d) => d.text)).toEqual(['2005', '9 June 2017']);
    expect(withoutDates(text, dates)).toBe('India became an observer in and a member on');
  });

  it('does not read numbers that are not years as dates', () => {
    expect(findDates('How many troops took part in Interaction-2003? 1,300')).toHaveLength(1);
    expect(findDates('the SCO has 8 members')).toEqual([]);
  });
});
