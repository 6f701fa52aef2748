import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../src/answer/model.js';
import { ask } from '../../src/ask.js';
import { loadFactBase } from '../../src/facts/load.js';
import { Knowledge } from '../../src/knowledge.js';
import { silentLogger } from '../../src/log.js';
import type { ChannelSchedule } from '../../src/schedule/config.js';
import { DailyPoster, type DailyOptions, type Poster, type PostTag } from '../../src/schedule/daily.js';
import { onThisDayPost } from '../../src/schedule/post.js';
import { FileStateStore, MemoryStateStore } from '../../src/schedule/state.js';
import { createLogger } from '../../src/log.js';
import { Writable } from 'node:stream';
import { dirname } from 'node:path';
import { MINI_FACTS, realKnowledge } from '../helpers.js';
import { readdirSync } from 'node:fs';

interface Posted {
  channel: string;
  at: string;
  title: string;
  day?: string;
}

/** A platform as the poster sees it: posts land in a channel, where find() can see them again. */
function platform(name: string, posted: Posted[]): Poster {
  return {
    post: async (channel: string, answer: Answer, tag: PostTag) => {
      posted.push({ channel: `${name}:${channel}`, at: new Date().toISOString(), title: answer.title, day: tag.day });
      return `m${posted.length}`;
    },
    find: async (channel: string, tag: PostTag) => {
      const i = posted.findIndex((p) => p.channel === `${name}:${channel}` && p.day === tag.day);
      return i < 0 ? undefined : `m${i + 1}`;
    },
  };
}

function harness(channels: ChannelSchedule[], extra: Partial<DailyOptions> = {}, statePath = join(mkdtempSync(join(tmpdir(), 'otd-')), 'state.json')) {
  const posted: Posted[] = [];
  const poster = (name: string) => platform(name, posted);
  const make = () =>
    new DailyPoster({
      channels,
      posters: { slack: poster('slack'), discord: poster('discord') },
      knowledge: realKnowledge,
      empty: 'skip',
      store: new FileStateStore(statePath),
      log: silentLogger(),
      retryMs: 60_000,
      ...extra,
    });
  return { posted, make, statePath };
}

const berlin: ChannelSchedule = { platform: 'slack', id: 'C1', time: '09:00', timezone: 'Europe/Berlin' };
const almaty: ChannelSchedule = { platform: 'discord', id: '42', time: '09:00', timezone: 'Asia/Almaty' };

describe('daily "On this day" posts, on a controlled clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('posts at the local time in two time zones, once a day each', async () => {
    vi.setSystemTime(new Date('2026-06-14T22:30:00Z')); // 00:30 in Berlin, 03:30 in Almaty
    const { posted, make } = harness([berlin, almaty]);
    const poster = make();
    poster.start();
    await vi.advanceTimersByTimeAsync(48 * 3600_000);
    poster.stop();
    expect(posted.map((p) => `${p.channel} ${p.at}`)).toEqual([
      'discord:42 2026-06-15T04:00:00.000Z',
      'slack:C1 2026-06-15T07:00:00.000Z',
      'discord:42 2026-06-16T04:00:00.000Z',
      'slack:C1 2026-06-16T07:00:00.000Z',
    ]);
    expect(posted[0]!.title).toBe('On this day in SCO history: 15 June');
  });

  it('follows daylight saving: 09:00 in Berlin is 08:00 UTC before the change and 07:00 after', async () => {
    vi.setSystemTime(new Date('2026-03-27T23:30:00Z')); // 00:30 on the 28th in Berlin
    const { posted, make } = harness([berlin], { empty: 'nearest' });
    const poster = make();
    poster.start();
    await vi.advanceTimersByTimeAsync(3 * 24 * 3600_000);
    poster.stop();
    expect(posted.map((p) => p.at)).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('a restart before post time posts once at post time', async () => {
    vi.setSystemTime(new Date('2026-06-15T06:00:00Z')); // 08:00 in Berlin
    const { posted, make } = harness([berlin]);
    const first = make();
    first.start();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    first.stop();
    const second = make();
    second.start();
    await vi.advanceTimersByTimeAsync(3 * 3600_000);
    second.stop();
    expect(posted.map((p) => p.at)).toEqual(['2026-06-15T07:00:00.000Z']);
  });

  it('a restart at or after post time does not post again the same day', async () => {
    vi.setSystemTime(new Date('2026-06-15T06:59:00Z'));
    const { posted, make, statePath } = harness([berlin]);
    const first = make();
    first.start();
    await vi.advanceTimersByTimeAsync(60_000); // 09:00: posts
    first.stop();
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toMatchObject({ records: { 'slack:C1': { day: '2026-06-15', state: 'posted', messageId: 'm1' } } });
    for (const minutes of [0, 1, 120]) {
      await vi.advanceTimersByTimeAsync(minutes * 60_000);
      const again = make();
      again.start();
      await vi.advanceTimersByTimeAsync(1000);
      again.stop();
    }
    expect(posted).toHaveLength(1);
  });

  it('a bot that was down at post time posts when it comes back that day', async () => {
    vi.setSystemTime(new Date('2026-06-15T11:30:00Z')); // 13:30 in Berlin
    const { posted, make } = harness([berlin]);
    const poster = make();
    poster.start();
    await vi.advanceTimersByTimeAsync(1000);
    poster.stop();
    expect(posted.map((p) => p.at)).toEqual(['2026-06-15T11:30:00.000Z']);
  });

  it('a day the bot was down for is not posted late', async () => {
    vi.setSystemTime(new Date('2026-06-13T07:00:00Z'));
    const { posted, make } = harness([berlin], { empty: 'nearest' });
    const first = make();
    first.start();
    await vi.advanceTimersByTimeAsync(1000);
    first.stop();
    // Down all of 14 June; back at 08:00 on the 15th.
    vi.setSystemTime(new Date('2026-06-15T06:00:00Z'));
    const second = make();
    second.start();
    await vi.advanceTimersByTimeAsync(2 * 3600_000);
    second.stop();
    expect(posted.map((p) => p.at)).toEqual(['2026-06-13T07:00:00.000Z', '2026-06-15T07:00:00.000Z']);
  });

  it('one channel failing is retried with backoff and does not hold up the other', async () => {
    vi.setSystemTime(new Date('2026-06-15T03:59:00Z'));
    const attempts: string[] = [];
    const posted: Posted[] = [];
    const { make } = harness([berlin, almaty], {
      posters: {
        slack: {
          post: async () => {
            attempts.push(new Date().toISOString());
            throw new Error('channel_not_found');
          },
          find: async () => undefined,
        },
        discord: platform('discord', posted),
      },
    });
    const poster = make();
    poster.start();
    await vi.advanceTimersByTimeAsync(4 * 3600_000);
    poster.stop();
    expect(posted.map((p) => p.at)).toEqual(['2026-06-15T04:00:00.000Z']);
    expect(attempts.slice(0, 4)).toEqual(['2026-06-15T07:00:00.000Z', '2026-06-15T07:01:00.000Z', '2026-06-15T07:03:00.000Z', '2026-06-15T07:07:00.000Z']);
    expect(attempts.length).toBeGreaterThan(5);
  });
});

describe('claimed, then posted: no channel-day twice across stops, crashes and ambiguous failures', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const claimed = (statePath: string, day = '2026-06-15') =>
    writeFileSync(statePath, JSON.stringify({ records: { 'slack:C1': { day, state: 'claimed', at: `${day}T07:00:00.000Z` } } }));

  it('a claim left by a crash after the post was sent is settled from the channel: no second post', async () => {
    vi.setSystemTime(new Date('2026-06-15T07:30:00Z'));
    const { posted, make, statePath } = harness([berlin]);
    claimed(statePath);
    posted.push({ channel: 'slack:C1', at: '2026-06-15T07:00:01.000Z', title: 'x', day: '2026-06-15' });
    const poster = make();
    poster.start();
    await vi.advanceTimersByTimeAsync(1000);
    poster.stop();
    expect(posted).toHaveLength(1);
    expect(JSON.parse(readFileSync(statePath, 'utf8')).records['slack:C1']).toMatchObject({ state: 'posted', messageId: 'm1' });
  });

  it('a claim left by a crash before the post was sent is posted once', async () => {
    vi.setSystemTime(new Date('2026-06-15T07:30:00Z'));
    const { posted, make, statePath } = harness([berlin]);
    claimed(statePath);
    const poster = make();
    poster.start();
    await vi.advanceTimersByTimeAsync(1000);
    poster.stop();
    expect(posted).toHaveLength(1);
  });

  it('"sent, but reported failed": the retry finds the post in the channel and does not send it again', async () => {
    vi.setSystemTime(new Date('2026-06-15T06:59:00Z'));
    const posted: Posted[] = [];
    const real = platform('slack', posted);
    const { make } = harness([berlin], { posters: { slack: { ...real, post: async (c, a, t) => (await real.post(c, a, t), Promise.reject(new Error('timeout'))) } } });
    const poster = make();
    poster.start();
    await vi.advanceTimersByTimeAsync(3 * 3600_000);
    poster.stop();
    expect(posted).toHaveLength(1);
  });

  it('a corrupt state file is kept aside and reported, and today\'s post is checked against the channel', async () => {
    vi.setSystemTime(new Date('2026-06-15T07:30:00Z'));
    const lines: string[] = [];
    const log = createLogger({ destination: new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }) });
    const { posted, make, statePath } = harness([berlin], { log });
    writeFileSync(statePath, '{"records": {"slack:C1": {"day": "2026-06-15", "sta');
    posted.push({ channel: 'slack:C1', at: '2026-06-15T07:00:01.000Z', title: 'x', day: '2026-06-15' });
    const poster = make();
    poster.start();
    await vi.advanceTimersByTimeAsync(1000);
    poster.stop();
    const dir = dirname(statePath);
    expect(readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true);
    expect(lines.join('')).toMatch(/could not be read.*kept as/);
    // Without the record, the channel is asked first: the post already there is not sent again.
    expect(posted).toHaveLength(1);
  });

  it('leaves no temporary file behind, and removes those a kill left', async () => {
    vi.setSystemTime(new Date('2026-06-15T06:59:00Z'));
    const { make, statePath } = harness([berlin, almaty]);
    writeFileSync(`${statePath}.4242.tmp`, 'half');
    writeFileSync(`${statePath}.tmp`, 'half');
    const poster = make();
    poster.start();
    await vi.advanceTimersByTimeAsync(3600_000);
    poster.stop();
    expect(readdirSync(dirname(statePath)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a claim that cannot be written means no post (it could not be settled later)', async () => {
    vi.setSystemTime(new Date('2026-06-15T06:59:00Z'));
    const store = new MemoryStateStore();
    store.failWrites = true;
    const { posted, make } = harness([berlin], { store });
    const poster = make();
    await expect(poster.ensureWritable()).rejects.toThrow(/not writable/);
    poster.start();
    await vi.advanceTimersByTimeAsync(3600_000);
    poster.stop();
    expect(posted).toEqual([]);
  });

  it('a stop lets a post in flight finish and be recorded', async () => {
    vi.setSystemTime(new Date('2026-06-15T06:59:00Z'));
    const posted: Posted[] = [];
    const real = platform('slack', posted);
    const { make, statePath } = harness([berlin], { posters: { slack: { ...real, post: async (c, a, t) => (await new Promise((r) => setTimeout(r, 2000)), real.post(c, a, t)) } } });
    const poster = make();
    poster.start();
    await vi.advanceTimersByTimeAsync(60_500);
    poster.stop();
    const idle = poster.idle();
    await vi.advanceTimersByTimeAsync(2000);
    await idle;
    expect(posted).toHaveLength(1);
    expect(JSON.parse(readFileSync(statePath, 'utf8')).records['slack:C1'].state).toBe('posted');
  });
});

describe('the post itself', () => {
  const withLeapDay = () => {
    const files = new Map(readdirSync(MINI_FACTS).map((n) => [n, readFileSync(join(MINI_FACTS, n), 'utf8')]));
    files.set('leap.yaml', `facts:\n  - id: leap-day-event\n    kind: event\n    about: [sco]\n    date: 2008-02-29\n    statement: Something happened on a leap day.\n    sources:\n      - doc: mini-2020\n        quote: "In 2017 India and Pakistan became full members"\n        where: p\n`);
    return new Knowledge(loadFactBase('', files).base);
  };

  it('29 February: posted on the day in a leap year, and with 28 February in other years', () => {
    const k = withLeapDay();
    expect(onThisDayPost(k, { year: 2028, month: 2, day: 29 }, 'skip')!.facts.map((f) => f.id)).toEqual(['leap-day-event']);
    expect(onThisDayPost(k, { year: 2027, month: 2, day: 28 }, 'skip')!.title).toBe('On this day in SCO history: 28 February (and 29 February)');
    expect(onThisDayPost(k, { year: 2028, month: 2, day: 28 }, 'skip')).toBeUndefined();
    // The preview of today's post shows what the post will.
    const preview = ask(k, 'onthisday', { today: { year: 2027, month: 2, day: 28 } });
    expect(preview.title).toBe('On this day in SCO history: 28 February (and 29 February)');
    expect(preview.facts.map((f) => f.id)).toEqual(['leap-day-event']);
  });

  it('an empty day is skipped by default, or points to the nearest day when asked to', () => {
    const k = withLeapDay();
    expect(onThisDayPost(k, { year: 2026, month: 6, day: 9 }, 'skip')).toBeUndefined();
    const nearest = onThisDayPost(k, { year: 2026, month: 6, day: 9 }, 'nearest')!;
    expect(nearest.title).toBe('Nothing on 9 June in SCO history; the nearest: 7 June');
    expect(nearest.facts.map((f) => f.id)).toEqual(['charter-signed']);
  });

  it('lists every event of the day, oldest first, each with its quote', () => {
    const a = onThisDayPost(realKnowledge(), { year: 2026, month: 6, day: 15 }, 'skip')!;
    const years = a.facts.map((f) => Number(f.date!.slice(0, 4)));
    expect(years).toEqual([...years].sort((x, y) => x - y));
    for (const f of a.facts) expect(f.quotes.length).toBeGreaterThan(0);
  });
});
