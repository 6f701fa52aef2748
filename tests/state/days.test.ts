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

  it('posts each channel-day once: a normal day, a claimant killed mid-post, Redis restarted', async () => {
    // Day 1: both replicas up at post time.
    let a = await replica('2026-03-02 08:59:57');
    let b = await replica('2026-03-02 08:59:57');
    await sleep(6000);
    expect(postsOn('2026-03-02')).toEqual(['C1', 'C2']);
    a.child.kill('SIGKILL');
    b.child.kill('SIGKILL');
    await Promise.all([a.exited, b.exited]);

    // Day 2: A claims and Slack takes its posts slowly; A is killed before they are answered.
    fake.apiDelayMs.set('chat.postMessage', 3000);
    a = await replica('2026-03-03 08:59:58');
    const sent = () => postsOn('2026-03-03').length;
    for (let i = 0; i < 200 && sent() < 2; i++) await sleep(50);
    a.child.kill('SIGKILL');
    await a.exited;
    fake.apiDelayMs.delete('chat.postMessage');
    // B comes up: the claims are A's until they expire, then B finds A's posts in the channel.
    b = await replica('2026-03-03 09:00:05');
    for (let i = 0; i < 200 && !(b.log().match(/already posted/g)?.length === 2); i++) await sleep(50);
    expect(b.log().match(/already posted \(found in the channel\)/g)).toHaveLength(2);
    expect(postsOn('2026-03-03')).toEqual(['C1', 'C2']);
    b.child.kill('SIGKILL');
    await b.exited;

    // Day 3: Redis restarted shortly before post time while both replicas run.
    a = await replica('2026-03-04 08:59:52');
    b = await replica('2026-03-04 08:59:52');
    await sleep(2000);
    await redis.restart();
    await sleep(8000);
    expect(postsOn('2026-03-04')).toEqual(['C1', 'C2']);
    a.child.kill('SIGKILL');
    b.child.kill('SIGKILL');
    await Promise.all([a.exited, b.exited]);
  }, 60_000);
});
