/**
 * Shared state on a real redis-server: claims taken once across replicas, a dead holder's claim
 * taken over, daily posts over simulated days with replicas killed between claim and post and
 * Redis restarted mid-day, Slack events answered once across two Bolt apps, a shared rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../adapters/slack/app.js';
import { RedisState } from '../../adapters/state/redis.js';
import { silentLogger } from '../../src/log.js';
import type { ChannelSchedule } from '../../src/schedule/config.js';
import { DailyPoster, type Poster } from '../../src/schedule/daily.js';
import { FakeSlack } from '../fakes/slack.js';
import { realKnowledge } from '../helpers.js';
import { HAVE_REDIS, RedisServer } from '../redis.js';

const server = new RedisServer();
const states: RedisState[] = [];
async function replica(options: Partial<ConstructorParameters<typeof RedisState>[0]> = {}): Promise<RedisState> {
  const s = new RedisState({ url: server.url, log: silentLogger(), prefix: `t${states.length}-${Date.now()}:`, ...options });
  await s.connect();
  states.push(s);
  return s;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!HAVE_REDIS)('shared state in Redis', () => {
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    for (const s of states) await s.close();
    await server.stop();
  });

  it('one replica wins a claim taken at the same moment; the others see it held, then posted', async () => {
    const prefix = `same-${Date.now()}:`;
    const replicas = await Promise.all([1, 2, 3, 4].map((n) => replica({ prefix, replica: `r${n}` })));
    const results = await Promise.all(replicas.map((r) => r.claims.claim('slack:C1', '2026-12-02')));
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'held')).toHaveLength(3);
    await replicas[results.indexOf('won')]!.claims.posted('slack:C1', '2026-12-02', 'm1');
    expect(await Promise.all(replicas.map((r) => r.claims.claim('slack:C1', '2026-12-02')))).toEqual(['posted', 'posted', 'posted', 'posted']);
  });

  it('a claim whose holder died is taken over after the claim timeout, as unsure (look in the channel first)', async () => {
    const prefix = `dead-${Date.now()}:`;
    const dead = await replica({ prefix, replica: 'dead', claimTimeoutMs: 200 });
    const alive = await replica({ prefix, replica: 'alive', claimTimeoutMs: 200 });
    expect(await dead.claims.claim('discord:42', '2026-12-02')).toBe('won');
    expect(await alive.claims.claim('discord:42', '2026-12-02')).toBe('held');
    await sleep(250);
    expect(await alive.claims.claim('discord:42', '2026-12-02')).toBe('unsure');
  });

  it('simulated days with two replicas: replicas killed between claim and post, posts refused and retried, Redis restarted mid-day: each channel-day posted once', async () => {
    const prefix = `days-${Date.now()}:`;
    const channels: ChannelSchedule[] = [
      { platform: 'slack', id: 'C1', time: '09:00', timezone: 'Europe/Berlin' },
      { platform: 'discord', id: '41', time: '09:00', timezone: 'Asia/Almaty' },
    ];
    const delivered = new Map<string, number>();
    let kills = 0;
    let refused = 0;
    /** The replica whose next post is cut short by a kill -9. */
    let dying = '';
    /** The next post is refused by the platform (nothing sent): it is retried with backoff. */
    let refuseNext = false;
    const deliver = (k: string) => delivered.set(k, (delivered.get(k) ?? 0) + 1);
    const poster = (platform: string, name: string): Poster => ({
      post: async (channel, _a, tag) => {
        if (refuseNext) {
          refuseNext = false;
          refused++;
          throw new Error('rate_limited');
        }
        if (dying === name) {
          // kill -9 between claim and post: the platform may or may not have the message; nothing after runs.
          dying = '';
          kills++;
          if (kills % 2) deliver(`${platform}:${channel} ${tag.day}`);
          return new Promise<string>(() => {});
        }
        deliver(`${platform}:${channel} ${tag.day}`);
        return `m-${tag.day}`;
      },
      find: async (channel, tag) => ((delivered.get(`${platform}:${channel} ${tag.day}`) ?? 0) ? `m-${tag.day}` : undefined),
    });
    // The simulated day's clock: retries ask it too (with the real clock, a retry after 04:00 UTC
    // found Almaty's real post time come and posted today's date).
    let now = new Date(0);
    const make = async (name: string) => {
      const state = await replica({ prefix, replica: name, claimTimeoutMs: 150 });
      return new DailyPoster({ channels, posters: { slack: poster('slack', name), discord: poster('discord', name) }, knowledge: realKnowledge, empty: 'nearest', claims: state.claims, log: silentLogger(), retryMs: 30, maxRetryMs: 200, claimTimeoutMs: 150, clock: () => now });
    };
    let aName = 'a0';
    let a = await make(aName);
    const b = await make('b');
    const days = 12;
    for (let d = 0; d < days; d++) {
      now = new Date(Date.UTC(2026, 2, 1 + d, 12, 0));
      const killDay = d % 3 === 1;
      if (killDay) dying = aName;
      if (d % 4 === 3) refuseNext = true;
      if (d === 6) await server.restart(); // Redis restarted: claims and records survive (append-only file)
      const first = a.runDue(now); // a first, so it wins the claims on a kill day
      await sleep(20);
      await b.runDue(now);
      if (killDay) {
        await sleep(50);
        a.stop(); // the replica that hung is killed (its run never ends); a new one takes its place
        aName = `a${d}`;
        a = await make(aName);
      } else await first;
      // The survivors pick up a dead replica's claim after the claim timeout.
      await sleep(400);
      await Promise.all([a.runDue(now), b.runDue(now)]);
      await Promise.all([a.idle(), b.idle()]);
    }
    a.stop();
    b.stop();
    const counts = [...delivered.values()];
    expect(delivered.size).toBe(days * channels.length);
    expect(counts.every((n) => n === 1)).toBe(true);
    expect(kills).toBeGreaterThanOrEqual(2);
    expect(refused).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('a shared limit: a user over it on one replica is over it on the other', async () => {
    const prefix = `rl-${Date.now()}:`;
    const one = await replica({ prefix, limits: { burst: 4, perMinute: 8 } });
    const two = await replica({ prefix, limits: { burst: 4, perMinute: 8 } });
    const waits = [];
    for (let i = 0; i < 6; i++) waits.push(await (i % 2 ? one : two).limiter.take('slack:U1'));
    expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(waits[4]).toBeGreaterThan(0);
    expect(waits[5]).toBeGreaterThan(0);
    expect(await one.limiter.take('slack:U2')).toBe(0);
  });

  it('a Slack event redelivered to another replica is acknowledged and not answered again', async () => {
    const fake = await new FakeSlack().start();
    const prefix = `ev-${Date.now()}:`;
    const apps = await Promise.all(
      [1, 2].map(async () => {
        const state = await replica({ prefix });
        const app = createSlackApp({ config: { botToken: 'xoxb-t', signingSecret: fake.signingSecret, port: 0, apiUrl: fake.apiUrl }, knowledge: realKnowledge, log: silentLogger(), firstSeen: (k, ttl) => state.first(k, ttl) });
        const srv = (await app.start(0)) as import('node:http').Server;
        return { app, url: `http://127.0.0.1:${(srv.address() as { port: number }).port}/slack/events` };
      }),
    );
    try {
      const event = { type: 'app_mention', user: 'U6', text: '<@UBOT> what is RATS?', ts: '1700000000.000900', channel: 'C7', event_ts: '1700000000.000900' };
      const id = `Ev-redeliver-${Date.now()}`;
      expect((await fake.redeliver(apps[0]!.url, event, id, 0)).status).toBe(200);
      expect((await fake.redeliver(apps[1]!.url, event, id, 1)).status).toBe(200);
      expect((await fake.redeliver(apps[1]!.url, event, id, 2)).status).toBe(200);
      await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postMessage'));
      await sleep(300);
      expect(fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    } finally {
      for (const a of apps) await a.app.stop();
      await fake.stop();
    }
  });

  it('while Redis is down the bot still answers: once-only checks let events through, readiness says why', async () => {
    const lonely = new RedisServer();
    await lonely.start();
    const s = new RedisState({ url: lonely.url, log: silentLogger() });
    await s.connect();
    await lonely.stop();
    await sleep(100);
    expect(await s.first('x', 1000)).toBe(true);
    expect(await s.first('x', 1000)).toBe(true);
    expect(await s.problem()).toMatch(/^redis: /);
    expect(await s.limiter.take('slack:U9')).toBe(0); // the in-memory insurance limiter
    await s.close();
  });
});
