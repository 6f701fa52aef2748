/**
 * What an answer shows: the line that answers first, one page of facts with their best quote,
 * "N more", quotes without conversion debris and each once, nothing off-topic, help per platform.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/ask.js';
import { displayQuote } from '../../src/answer/display.js';
import { pageOf } from '../../src/answer/layout.js';
import { ANSWER_LIMITS } from '../../src/answer/limits.js';
import { renderText } from '../../src/answer/text.js';
import { askReal, realKnowledge } from '../helpers.js';

const today = { year: 2026, month: 6, day: 15 };
const answer = (q: string, platform?: 'slack' | 'discord') => ask(realKnowledge(), q, { today, ...(platform ? { platform } : {}) });

describe('the answer first', () => {
  it.each([
    ['treaty shanghai convention', /^Shanghai Convention.*: signed 15 June 2001 in Shanghai$/],
    ['member mongolia', /^Mongolia: observer \(.*2004\)/],
    ['members 2005', /^Members \(6\): /],
    ['date 15 June 2001', /^\d+ facts? dated 15 June 2001\.$/],
    ['onthisday 7 June', /^\d+ events? on 7 June, oldest first\.$/],
    ['where was the 2008 summit held', /: held 28 August 2008 in Dushanbe$/],
  ])('"%s" opens with one line that answers', (q, line) => {
    const a = answer(q);
    expect(a.summary?.split('\n')[0]).toMatch(line);
  });

  it('a verdict opens with the verdict and its reason', () => {
    const a = answer('check Mongolia became an observer in 2010');
    expect(renderText(a).split('\n')[0]).toMatch(/^\[Contradicted\]/);
    expect(a.summary).toMatch(/2004/);
  });
});

describe('one page, then "more"', () => {
  it(`shows at most ${ANSWER_LIMITS.factsPerPage} facts with one quote each, and counts the rest`, () => {
    const a = answer('date 2008');
    const page = pageOf(a);
    expect(page.facts).toHaveLength(ANSWER_LIMITS.factsPerPage);
    expect(page.facts.every((f) => f.quotes.length === 1 || f.fact.differ)).toBe(true);
    expect(page.more).toBe(a.facts.length - ANSWER_LIMITS.factsPerPage);
    expect(renderText(a)).toMatch(new RegExp(`${page.more} more facts: type \`more\`\\.$`));
  });

  it('the next page continues the numbering and shows other facts', () => {
    const a = answer('date 2008');
    const second = renderText(a, 1);
    expect(second).toMatch(/\(continued\)/);
    expect(second).toMatch(/^4\. /m);
    expect(second).not.toMatch(/^1\. /m);
  });

  it('no answer to a question of the fact base is longer than 3,000 characters on screen', () => {
    const k = realKnowledge();
    const names = [...k.base.entities.values()].map((e) => e.name);
    const questions = names.flatMap((n) => [n, `what is ${n}?`, `when was ${n}?`]);
    const longest = Math.max(...questions.map((q) => renderText(ask(k, q, { today })).length));
    expect(longest).toBeLessThanOrEqual(3000);
  });

  it('the daily post does not ask the reader to narrow a question nobody asked', () => {
    expect(renderText(answer('onthisday 15 June'))).not.toMatch(/narrow/i);
  });
});

describe('quotes as shown', () => {
  it('drops conversion debris without changing a word', () => {
    expect(displayQuote('<li>**The Council of Heads of States** is the supreme body<sup>12</sup>, it costs \\$5</li>')).toBe('The Council of Heads of States is the supreme body, it costs $5');
  });

  it('no answer on screen shows HTML tags, bold markers or escape backslashes', () => {
    const k = realKnowledge();
    for (const body of ['heads-of-state-council', 'heads-of-government-council', 'rats']) {
      const text = renderText(ask(k, k.base.entityName(body), { today }));
      expect(text).not.toMatch(/<\/?(li|sup|br)>|\*\*|\\\$/);
    }
  });

  it('shows each quote once per answer', () => {
    for (const q of ['date 2002', 'what is RATS?', 'member india', 'date 15 June']) {
      const quotes = answer(q).facts.flatMap((f) => f.quotes.map((x) => x.quote));
      expect(new Set(quotes).size).toBe(quotes.length);
    }
  });

  it('facts that say the same thing (one relation, subject, date and place) are one fact with all their sources', () => {
    const a = answer('date 15 June 2001');
    const keys = a.facts.map((f) => `${f.statement.slice(0, 0)}${f.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const k = realKnowledge();
    const founded = k.base.facts.filter((f) => f.relation === 'founded' && f.about[0] === 'sco' && f.date?.start.day === 15 && f.date.start.month === 6);
    const shown = a.facts.filter((f) => founded.some((g) => g.id === f.id));
    expect(shown.length).toBeLessThanOrEqual(1);
  });
});

describe('nothing off-topic', () => {
  it.each([
    'who is the secretary general of nato',
    'what is the population of india',
    'who chairs the european union council',
    'how tall is the eiffel tower',
    'who leads brics',
  ])('"%s" gets no fact: the sources do not cover it', (q) => {
    const a = askReal(q);
    expect(a.facts).toEqual([]);
    expect(a.text).toMatch(/^Nothing in the sources/);
  });

  it('a named thing with an aspect its facts speak of is answered from its facts alone', () => {
    const a = askReal('how long is the border between kazakhstan and china');
    expect(a.facts.length).toBeGreaterThan(0);
    const k = realKnowledge();
    expect(a.facts.every((f) => k.base.fact(f.id)!.about.includes('kazakhstan') || k.base.fact(f.id)!.about.includes('china'))).toBe(true);
  });
});

describe('help per platform', () => {
  it('Discord writes options by name, Slack as words; both mention the Fact-check shortcut and Share', () => {
    const discord = answer('help', 'discord').summary!;
    const slack = answer('help', 'slack').summary!;
    expect(discord).toContain('`/sco member country:India`');
    expect(slack).toContain('`/sco member india`');
    for (const text of [discord, slack]) {
      expect(text).toMatch(/Fact-check/);
      expect(text).toMatch(/Share/);
    }
    expect(answer('help').summary).toContain('`member india`');
  });
});

describe('answers link to the fact pages when PUBLIC_URL is set', () => {
  const publicUrl = 'https://facts.example.org';
  it('Slack: each fact has "Open in context", a verdict links to its page', async () => {
    const { answerToSlack } = await import('../../adapters/slack/blocks.js');
    const a = answer('check India joined the SCO in 2015');
    const text = JSON.stringify(answerToSlack(a, { publicUrl }).blocks);
    expect(text).toContain(`<${publicUrl}/facts/${a.facts[0]!.id}|Open in context>`);
    expect(text).toContain(`<${publicUrl}/check?claim=${encodeURIComponent('India joined the SCO in 2015')}|Verdict page with every quote>`);
    expect(JSON.stringify(answerToSlack(a).blocks)).not.toContain('Open in context');
  });

  it('Discord: each fact field links to its page, a verdict\'s title to its verdict page', async () => {
    const { answerToDiscord } = await import('../../adapters/discord/embeds.js');
    const a = answer('check India joined the SCO in 2015');
    const embed = answerToDiscord(a, { publicUrl }).embeds[0]!;
    expect(embed.fields![0]!.value).toContain(`[Open in context](${publicUrl}/facts/${a.facts[0]!.id})`);
    expect(embed.url).toBe(`${publicUrl}/check?claim=${encodeURIComponent('India joined the SCO in 2015')}`);
  });
});
