/**
 * Daily posts from two real bot processes sharing one real redis-server and the Slack stand-in,
 * each process started at a chosen time of a chosen day under libfaketime (Debian's `faketime`),
 * so the clock is controlled without any test hook in the bot: a normal day, a day on which the
 * replica that claimed the posts is killed with SIGKILL while Slack is taking them, and a day with
 * Redis restarted before post time. Each channel-day must be posted exactly once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/slack.js';
import { HAVE_REDIS, RedisServer } from '../redis.js';
import { CLI, freePort } from '../processes.js';

const HAVE_FAKETIME = spawnSync('faketime', ['2026-01-01 00:00:00', 'true']).status === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long a step may take on a busy CI machine (a start under load takes seconds), and how long to watch for a duplicate. */
const WAIT_MS = 30_000;
const SETTLE_MS = 1500;

const redis = new RedisServer();

describe.skipIf(!HAVE_REDIS || !HAVE_FAKETIME)('daily posts from two bot processes on one Redis, on a controlled clock', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    await redis.start();
    fake = await new FakeSlack().start();
  });
  afterAll(async () => {
    await fake.stop();
    await redis.stop();
  });

  async function replica(at: string) {
    const env = {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-days',
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      DISCORD_TOKEN: '',
      PORT: String(await freePort()),
      REDIS_URL: redis.url,
      ONTHISDAY_SLACK_CHANNELS: 'C1,C2',
      ONTHISDAY_TIME: '09:00',
      ONTHISDAY_TZ: 'UTC',
      ONTHISDAY_EMPTY: 'nearest',
      FACTBOT_CLAIM_TIMEOUT_MS: '2000',
    };
    const child = spawn('faketime', [at, process.execPath, CLI, 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    return { child, log: () => log, exited: new Promise((r) => child.once('exit', r)) };
  }

  const postsOn = (day: string) =>
    fake.calls.filter((c) => c.method === 'chat.postMessage' && JSON.stringify(c.args.metadata ?? '').includes(day)).map((c) => String(c.args.channel)).sort();

  /** Waits for a condition on real time; on timeout fails with what the replicas printed, since that says why. */
  async function until(what: string, cond: () => boolean, logs: (() => string)[], ms = WAIT_MS) {
    for (const end = Date.now() + ms; !cond(); await sleep(50)) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the replicas printed:\n${logs.map((l) => l()).join('\n---\n')}`);
    }
  }
  const scheduled = (r: { log: () => string }) => r.log().includes('daily posts scheduled');

  it('posts each channel-day once: a normal day, a claimant killed mid-post, Redis restarted', async () => {
    // Day 1: both replicas up at post time. Each is started some seconds before it, on its own clock.
    let a = await replica('2026-03-02 08:59:57');
    let b = await replica('2026-03-02 08:59:57');
    await until('day 1 posts', () => postsOn('2026-03-02').length >= 2, [a.log, b.log]);
    await sleep(SETTLE_MS); // a second post, were there one, would come now
    expect(postsOn('2026-03-02')).toEqual(['C1', 'C2']);
    a.child.kill('SIGKILL');
    b.child.kill('SIGKILL');
    await Promise.all([a.exited, b.exited]);

    // Day 2: A claims and Slack takes its posts slowly; A is killed before they are answered.
    fake.apiDelayMs.set('chat.postMessage', 3000);
    a = await replica('2026-03-03 08:59:58');
    await until('day 2 posts taken by Slack', () => postsOn('2026-03-03').length >= 2, [a.log]);
    a.child.kill('SIGKILL');
    await a.exited;
    fake.apiDelayMs.delete('chat.postMessage');
    // B comes up: the claims are A's until they expire, then B finds A's posts in the channel.
    b = await replica('2026-03-03 09:00:05');
    await until('B to settle both channels', () => b.log().match(/already posted/g)?.length === 2 || postsOn('2026-03-03').length > 2, [b.log]);
    await sleep(SETTLE_MS);
    expect(b.log().match(/already posted \(found in the channel\)/g)).toHaveLength(2);
    expect(postsOn('2026-03-03')).toEqual(['C1', 'C2']);
    b.child.kill('SIGKILL');
    await b.exited;

    // Day 3: Redis restarted while both replicas run, before post time (started well before it,
    // so that a slow start on a busy machine still leaves the restart before the post).
    a = await replica('2026-03-04 08:59:40');
    b = await replica('2026-03-04 08:59:40');
    await until('both replicas scheduled', () => scheduled(a) && scheduled(b), [a.log, b.log]);
    expect(postsOn('2026-03-04')).toEqual([]);
    await redis.restart();
    await until('day 3 posts', () => postsOn('2026-03-04').length >= 2, [a.log, b.log], 40_000);
    await sleep(SETTLE_MS);
    expect(postsOn('2026-03-04')).toEqual(['C1', 'C2']);
    a.child.kill('SIGKILL');
    b.child.kill('SIGKILL');
    await Promise.all([a.exited, b.exited]);
  }, 150_000);
});
