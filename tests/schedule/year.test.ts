/**
 * A simulated year of daily posts on a controlled clock, with the faults a real deployment sees:
 * the process killed at random (often in the middle of a post, after or before the platform got
 * it), posts refused, and posts that reached the channel but were reported failed. The state file
 * is the real one on disk; a kill loses everything else. Counted: posts per channel-day (never two)
 * and channel-days missed although the bot was up for hours after post time (none).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { ChannelSchedule } from '../../src/schedule/config.js';
import { DailyPoster, localTime, type Poster } from '../../src/schedule/daily.js';
import { FileStateStore } from '../../src/schedule/state.js';
import { realKnowledge } from '../helpers.js';
import { seeded } from '../seeded.js';

const CHANNELS: ChannelSchedule[] = [
  { platform: 'slack', id: 'C1', time: '09:00', timezone: 'Europe/Berlin' },
  { platform: 'slack', id: 'C2', time: '23:30', timezone: 'America/New_York' },
  { platform: 'discord', id: '41', time: '00:05', timezone: 'Asia/Almaty' },
  { platform: 'discord', id: '42', time: '12:00', timezone: 'Australia/Sydney' },
];
const HOUR = 3600_000;
const DAYS = Number(process.env.YEAR_DAYS ?? 365);

describe('a simulated year of daily posts with kills and failures', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('posts each channel-day at most once, and none is missed while the bot is up', async () => {
    const rand = seeded(20261202);
    const statePath = join(mkdtempSync(join(tmpdir(), 'year-')), 'state.json');
    const start = Date.parse('2026-01-01T00:00:00Z');
    vi.setSystemTime(start);
    /** What reached each channel: "platform:id day" → count. */
    const delivered = new Map<string, number>();
    const figures = { kills: 0, killsInPost: 0, refused: 0, sentButFailed: 0 };
    let current: DailyPoster | undefined;
    let killRequested = false;

    const poster = (platform: 'slack' | 'discord'): Poster => ({
      post: async (channel, _answer, tag) => {
        const r = rand();
        const deliver = () => delivered.set(`${platform}:${channel} ${tag.day}`, (delivered.get(`${platform}:${channel} ${tag.day}`) ?? 0) + 1);
        if (r < 0.05) {
          figures.refused++;
          throw new Error('rate_limited');
        }
        if (r < 0.1) {
          figures.sentButFailed++;
          deliver();
          throw new Error('socket hang up');
        }
        if (r < 0.15) {
          // Killed in the middle of the call: maybe after the platform got it. Nothing after runs.
          figures.killsInPost++;
          if (rand() < 0.5) deliver();
          killRequested = true;
          return new Promise<string>(() => {});
        }
        deliver();
        return `m-${tag.day}`;
      },
      find: async (channel, tag) => ((delivered.get(`${platform}:${channel} ${tag.day}`) ?? 0) > 0 ? `m-${tag.day}` : undefined),
    });

    const boot = () => {
      current = new DailyPoster({
        channels: CHANNELS,
        posters: { slack: poster('slack'), discord: poster('discord') },
        knowledge: realKnowledge,
        empty: 'nearest',
        store: new FileStateStore(statePath),
        log: silentLogger(),
        retryMs: 60_000,
        maxRetryMs: 20 * 60_000,
      });
      // The scheduler's wake-ups are tested elsewhere (croner re-arms every 30 s, too slow for a
      // year on a fake clock); here the poster is asked what is due every quarter hour, as croner
      // would at post time, and its retries run on the fake clock.
    };
    const kill = () => {
      figures.kills++;
      current?.stop(); // a kill: timers gone, nothing in flight ever continues
      current = undefined;
    };

    /** For each channel-day: hours the bot was up after post time that day. */
    const upAfterPostTime = new Map<string, number>();
    boot();
    let downUntil = 0;
    for (let t = start; t < start + DAYS * 24 * HOUR; t += HOUR) {
      if (!current && t >= downUntil) boot();
      for (let q = 0; q < 4; q++) {
        if (current) void current.runDue(new Date());
        await vi.advanceTimersByTimeAsync(HOUR / 4);
      }
      const now = new Date(t + HOUR);
      if (current) {
        for (const c of CHANNELS) {
          const local = localTime(now, c.timezone);
          const [hh, mm] = c.time.split(':').map(Number) as [number, number];
          if (local.minutes >= hh * 60 + mm + 60) upAfterPostTime.set(`${c.platform}:${c.id} ${local.iso}`, (upAfterPostTime.get(`${c.platform}:${c.id} ${local.iso}`) ?? 0) + 1);
        }
      }
      if (current && (killRequested || rand() < 0.01)) {
        killRequested = false;
        kill();
        downUntil = t + HOUR + Math.floor(rand() * 4) * HOUR;
      }
    }
    current?.stop();

    const twice = [...delivered].filter(([, n]) => n > 1).map(([k]) => k);
    const missed = [...upAfterPostTime].filter(([k, hours]) => hours >= 3 && !delivered.has(k)).map(([k]) => k);
    console.log(
      `simulated year: ${delivered.size} channel-days posted; ${figures.kills} kills (${figures.killsInPost} in the middle of a post), ` +
        `${figures.refused} refused, ${figures.sentButFailed} sent but reported failed; posted twice: ${twice.length}; missed while up: ${missed.length}`,
    );
    expect(twice).toEqual([]);
    expect(missed).toEqual([]);
    expect(delivered.size).toBeGreaterThan(CHANNELS.length * 300);
    expect(figures.killsInPost).toBeGreaterThan(20);
  }, 120_000);
});
