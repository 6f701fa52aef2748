import { describe, expect, it } from 'vitest';
import { commandOf, ROUTING_RULES, route } from '../../src/understand/route.js';
import { correctCueWords, oneEdit } from '../../src/understand/spelling.js';
import { realKnowledge } from '../helpers.js';

const lexicon = () => realKnowledge().lexicon;
const routeReal = (text: string) => route(text, lexicon());

/**
 * One example per rule of the table: the rule decides it, and without the rule the text goes
 * elsewhere. So each rule is needed, and each test fails if its rule is dropped or broken.
 */
const BY_RULE: Record<string, { text: string; intent: string }> = {
  empty: { text: '   ', intent: 'help' },
  'sco-command': { text: '/sco help me please', intent: 'help' },
  'command-word': { text: 'member kyrgyzstan', intent: 'member' },
  'check-asked': { text: 'is it true that Tajikistan hosted the 2014 summit', intent: 'check' },
  'on-this-day': { text: 'any anniversaries today?', intent: 'onthisday' },
  'check-tag': { text: 'Mongolia got observer status in 2004, didn\'t it?', intent: 'check' },
  'yes-no-claim': { text: 'was RATS set up in Tashkent?', intent: 'check' },
  statement: { text: 'Uzbekistan joined the organisation in 2001', intent: 'check' },
  'members-question': { text: 'which states are observers now', intent: 'members' },
  'members-phrase': { text: "the SCO's full members", intent: 'members' },
  'date-question': { text: 'key moments of 2009?', intent: 'date' },
  'country-standing': { text: 'what standing does iran have', intent: 'member' },
  'treaty-question': { text: 'when did the anti-terrorism convention come into force', intent: 'treaty' },
};

describe('routing as a table', () => {
  it('has one example for every rule but the fallback, and every rule gives a reason', () => {
    const named = ROUTING_RULES.map((r) => r.name).filter((n) => n !== 'lookup');
    expect(Object.keys(BY_RULE).sort()).toEqual([...named].sort());
    for (const r of ROUTING_RULES) expect(r.reason.length).toBeGreaterThan(20);
  });

  it.each(Object.entries(BY_RULE))('rule %s decides its example, and without it the text goes elsewhere', (name, { text, intent }) => {
    const r = routeReal(text);
    expect(r.rule).toBe(name);
    expect(r.intent).toBe(intent);
    const without = route(text, lexicon(), ROUTING_RULES.filter((rule) => rule.name !== name));
    expect(without.rule).not.toBe(name);
    expect(`${without.intent}/${without.query}`).not.toBe(`${r.intent}/${r.query}`);
  });

  it.each([
    ['Council of Heads of Government', 'lookup'],
    ['thanks, that was useful', 'lookup'],
    ['members of the RATS council', 'lookup'],
    ['date of the Bishkek summit', 'lookup'],
    ['which city hosted the 2007 summit', 'lookup'],
    ['what happened in 2004', 'date'],
    ['sco timeline 2015', 'date'],
    ['what happened on today\'s date', 'onthisday'],
    ['observers 2010', 'members'],
    ['/sco member kazakhstan', 'member'],
    ['date 2003-05-29', 'date'],
    ['sources', 'sources'],
    ['what is RATS?', 'lookup'],
  ])('"%s" → %s', (text, intent) => {
    expect(routeReal(text).intent).toBe(intent);
  });

  it('keeps the claim without its cue words', () => {
    expect(routeReal('the charter was signed in Petersburg in 2002, right?').query).toBe('the charter was signed in Petersburg in 2002');
    expect(routeReal('check: RATS is based in Bishkek').query).toBe('RATS is based in Bishkek');
  });

  it('a claim needs a name the fact base knows or a value: the same words with neither are not checked', () => {
    expect(routeReal('Kyrgyzstan was a founder').intent).toBe('check');
    expect(routeReal('that was a founder').intent).not.toBe('check');
  });

  it('typed requests from adapters skip routing: the words are the arguments', () => {
    expect(commandOf('member', 'India')).toMatchObject({ intent: 'member', query: 'India', explicit: true });
    expect(commandOf('check', 'date 2002 was a good year')).toMatchObject({ intent: 'check', query: 'date 2002 was a good year' });
  });
});

describe('typos in question and command words', () => {
  it.each([
    ['wen did kyrgyzstn join', 'member'],
    ['wich countries are obsevers', 'members'],
    ['memebrs 2012', 'members'],
    ['tretay charter', 'treaty'],
  ])('"%s" → %s', (text, intent) => {
    expect(routeReal(text).intent).toBe(intent);
  });

  it('corrects only words the fact base does not use, and only to one cue', () => {
    const known = (w: string) => lexicon().isWord(w);
    expect(correctCueWords('wen did india jion', known)).toBe('when did india join');
    // "Wen Jiabao" is a name the facts use: not a typo outside the question position.
    expect(correctCueWords('what did Wen Jiabao say', known)).toBe('what did Wen Jiabao say');
    // "hwo" is one swap from both "who" and "how": no guess.
    expect(correctCueWords('hwo did it start', known)).toBe('hwo did it start');
  });

  it('counts one edit as a letter added, dropped, changed or two neighbours swapped', () => {
    expect(oneEdit('jion', 'join')).toBe(true);
    expect(oneEdit('wen', 'when')).toBe(true);
    expect(oneEdit('membr', 'member')).toBe(true);
    expect(oneEdit('mmebr', 'member')).toBe(false);
  });
});
