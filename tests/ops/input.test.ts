import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerToDiscord, embedSize } from '../../adapters/discord/embeds.js';
import { DISCORD_LIMITS } from '../../adapters/discord/limits.js';
import { RateLimiter } from '../../adapters/shared/ratelimit.js';
import { answerToSlack } from '../../adapters/slack/blocks.js';
import { SLACK_LIMITS } from '../../adapters/slack/limits.js';
import { ask } from '../../src/ask.js';
import { toJson } from '../../src/answer/json.js';
import { cleanQuery, MAX_QUERY_LENGTH } from '../../src/text/input.js';
import { echo } from '../../src/text/echo.js';
import { realKnowledge } from '../helpers.js';

describe('limits on input', () => {
  it('cuts long queries, removes control characters and normalises Unicode', () => {
    expect(cleanQuery('ｍｅｍｂｅｒ\u0000 ｉｎｄｉａ\u202e')).toBe('member india');
    expect(cleanQuery('x'.repeat(5000))).toHaveLength(MAX_QUERY_LENGTH);
    expect(askText('member\u0007 india')).toMatch(/^India in the SCO/);
  });

  it('drops every bidi control and lone surrogates, keeps whole emoji', () => {
    const text = 'a\u2066b\u2067c\u2068d\u2069e\u061cf\u202eg \ud83d h\ude00 \ud83d\ude00';
    expect(cleanQuery(text)).toBe('abcdefg h \ud83d\ude00');
  });

  it('echoes no link a user typed: URLs and bare domains are defanged, numbers and abbreviations kept', () => {
    expect(echo('see [here](https://evil.example/x) or www.evil.example, 2.2 tonnes, e.g. the U.S.')).toBe(
      'see [here](hxxps[:]//evil[.]example/x) or www[.]evil[.]example, 2.2 tonnes, e.g. the U.S.',
    );
  });

  it('no input crashes the router or any renderer, and every rendering stays within its platform limits', () => {
    const k = realKnowledge();
    const words = fc.constantFrom('member', 'members', 'check', 'treaty', 'date', 'onthisday', 'india', 'kazakstan', '2005', '15 June', 'joined', 'in', '<!channel>', '@everyone', '*', '>', 'Ω', '\u0000', '🙂', 'the', 'summit', 'RATS', '1,300');
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(words, { maxLength: 25 }).map((w) => w.join(' ')));
    fc.assert(
      fc.property(text, (q) => {
        const answer = ask(k, q, { today: { year: 2026, month: 2, day: 29 } });
        const json = toJson(answer);
        expect(typeof json.text).toBe('string');
        const slack = answerToSlack(answer, { share: { q, today: '2026-02-28' } });
        expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
        for (const b of slack.blocks as { text?: { text: string } }[]) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        const discord = answerToDiscord(answer, { share: true });
        expect(discord.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.total);
        for (const f of json.facts) expect(f.quotes.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });
});

function askText(q: string) {
  return toJson(ask(realKnowledge(), q)).text;
}

describe('the per-user rate limit', () => {
  it('allows a burst, then asks the user to slow down, then allows again as time passes', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 3, perMinute: 6, now: () => now });
    expect([limiter.take('u'), limiter.take('u'), limiter.take('u')]).toEqual([0, 0, 0]);
    expect(limiter.take('u')).toBe(10);
    expect(limiter.take('someone else')).toBe(0);
    now += 10_000;
    expect(limiter.take('u')).toBe(0);
  });
});

describe('answering with the limits in place', () => {
  it('drops the buckets of users who went quiet, reading only those it drops', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 10, perMinute: 20, now: () => now });
    for (let i = 0; i < 10_001; i++) limiter.take(`quiet${i}`);
    now = 31_000; // a full bucket refills in 30 s
    limiter.take('late');
    limiter.take('later');
    expect(limiter.size).toBeLessThanOrEqual(2);
    expect(limiter.take('late')).toBe(0);
  });

  it('a user over the limit gets the friendly reply, counted, and the log line has a request id', async () => {
    const { answerSafely } = await import('../../adapters/shared/answering.js');
    const { Metrics } = await import('../../adapters/ops/metrics.js');
    const { createLogger } = await import('../../src/log.js');
    const { Writable } = await import('node:stream');
    const lines: string[] = [];
    const sink = new Writable({ write(c, _e, done) { lines.push(...String(c).split('\n').filter(Boolean)); done(); } });
    const metrics = new Metrics();
    const ops = { metrics, limiter: new RateLimiter({ burst: 1, perMinute: 1 }) };
    const origin = { platform: 'slack' as const, kind: 'command', user: 'U1' };
    const first = await answerSafely(realKnowledge, 'member india', origin, createLogger({ destination: sink }), undefined, ops);
    const second = await answerSafely(realKnowledge, 'member india', origin, createLogger({ destination: sink }), undefined, ops);
    expect(first.ok).toBe(true);
    expect(second).toEqual({ ok: false, limited: expect.stringMatching(/^You're asking faster than I can keep up\. Try again in \d+ seconds?\.$/) });
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'answered', request: expect.stringMatching(/^[0-9a-f]{8}$/), intent: 'member' });
    expect(await metrics.registry.getSingleMetricAsString('sco_rate_limited_total')).toMatch(/sco_rate_limited_total\{platform="slack"\} 1/);
  });
});
