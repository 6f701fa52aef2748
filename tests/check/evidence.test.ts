/** The evidence guard on its own: does a quote state the value a verdict turns on, in the forms documents write it? */
import { describe, expect, it } from 'vitest';
import { type Deciding, leadingQuotes, quoteStates } from '../../src/check/evidence.js';
import type { Fact, Quote } from '../../src/facts/model.js';
import { realKnowledge } from '../helpers.js';

const k = realKnowledge();
const origin = { file: 'test', line: 1 };
const quote = (text: string): Quote => ({ doc: 'rozanov-2013', quote: text, where: 'test', origin });
const fact = (...quotes: string[]): Fact => ({ id: 'test', kind: 'event', about: ['sco'], statement: 'test', tags: [], sources: quotes.map(quote), origin });
const F = fact('test');
const states = (text: string, d: Deciding, others: string[] = []) => quoteStates(k.base, quote(text), d, others);

describe('the evidence guard', () => {
  it.each([
    ['the Convention was signed on 15 June 2001', true],
    ['signed on June 15, 2001 in Shanghai', true],
    ['adopted 15.06.2001', true],
    ['in the period 8-16 June, 2001', true],
    ['in the period 8-14 June, 2001', false],
    ['from 6 to 19 June 2001', true],
    ['signed in June 2001', false],
    ['signed in 2001', false],
    ['signed on 16 June 2001', false],
  ])('a day: "%s" states 15 June 2001: %s', (text, expected) => {
    expect(states(text, { slot: 'date', fact: F, start: { year: 2001, month: 6, day: 15 } })).toBe(expected);
  });

  it('a year is stated by a year in the quote, never by a day whose year is elsewhere', () => {
    expect(states('in the period 2010-2011 Kazakhstan chaired', { slot: 'date', fact: F, start: { year: 2011 } })).toBe(true);
    expect(states('held in Astana on July 5.', { slot: 'date', fact: F, start: { year: 2005 } }, ['July 5, 2005'])).toBe(false);
    // A day may take its year from another quote of the same fact.
    expect(states('held in Astana on July 5.', { slot: 'date', fact: F, start: { year: 2005, month: 7, day: 5 } }, ['in 2005 the summit'])).toBe(true);
  });

  it('a place by any alias, or by a place that lies in it', () => {
    expect(states('the summit in Alma-Ata', { slot: 'place', fact: F, places: ['almaty'] })).toBe(true);
    expect(states('Training Ground “Matybulak” in Zhambyl region', { slot: 'place', fact: F, places: ['kazakhstan'] })).toBe(true);
    expect(states('held in Bishkek', { slot: 'place', fact: F, places: ['tashkent'] })).toBe(false);
  });

  it('a number in digits or words, within the approximate share', () => {
    expect(states('over two thousand soldiers and officers', { slot: 'count', fact: F, value: 2000 })).toBe(true);
    expect(states('1,300 troops from five countries', { slot: 'count', fact: F, value: 1300 })).toBe(true);
    expect(states('1,300 troops from five countries', { slot: 'count', fact: F, value: 5000 })).toBe(false);
  });

  it('leads with the quote that states every deciding value, or refuses when none does', () => {
    const f = fact('The exercise was a success.', 'It was held in Tajikistan in June 2012.');
    const lead = leadingQuotes(k.base, [
      { slot: 'date', fact: f, start: { year: 2012 } },
      { slot: 'place', fact: f, places: ['tajikistan'] },
    ]);
    expect(lead?.get(f)).toBe(1);
    expect(leadingQuotes(k.base, [{ slot: 'date', fact: f, start: { year: 2010 } }])).toBeUndefined();
  });
});
