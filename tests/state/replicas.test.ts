/**
 * Several bot processes sharing one real redis-server and the Slack and Discord stand-ins: a Slack
 * event redelivered to another replica is answered once; one replica holds the Discord gateway and
 * another takes over when the holder is killed with SIGKILL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord.js';
import { FakeSlack } from '../fakes/slack.js';
import { HAVE_REDIS, RedisServer } from '../redis.js';
import { freePort, startBot, until } from '../processes.js';




const redis = new RedisServer();

describe.skipIf(!HAVE_REDIS)('replicas sharing one Redis', () => {
  beforeAll(async () => {
    await redis.start();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('two Slack replicas: an event redelivered to the other replica is answered once, and /readyz reports Redis', async () => {
    const fake = await new FakeSlack().start();
    const ports = [await freePort(), await freePort()];
    const bots = ports.map((port) => startBot({ SLACK_BOT_TOKEN: 'xoxb-rep', SLACK_SIGNING_SECRET: fake.signingSecret, PORT: String(port), SLACK_API_URL: fake.apiUrl, REDIS_URL: redis.url }));
    try {
      await until(() => bots.every((b) => b.log().includes('"msg":"started"')));
      const event = { type: 'app_mention', user: 'U6', text: '<@UBOT> who are the observers?', ts: '1700000000.001000', channel: 'C7', event_ts: '1700000000.001000' };
      const id = `Ev-replicas-${Date.now()}`;
      await fake.redeliver(`http://127.0.0.1:${ports[0]}/slack/events`, event, id, 0);
      await fake.redeliver(`http://127.0.0.1:${ports[1]}/slack/events`, event, id, 1);
      await fake.redeliver(`http://127.0.0.1:${ports[1]}/slack/events`, event, id, 2);
      await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postMessage'));
      await new Promise((r) => setTimeout(r, 500));
      expect(fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
      expect(bots.map((b) => b.log()).join('')).toContain('redelivered event: answered already');

      await redis.stop();
      const degraded = await (await fetch(`http://127.0.0.1:${ports[0]}/readyz`)).json();
      expect(degraded).toMatchObject({ status: 'ready', degraded: expect.stringMatching(/^redis: /) });
      // Redis down: questions are still answered.
      const before = fake.responses.length;
      await fake.command(`http://127.0.0.1:${ports[0]}/slack/events`, 'member india');
      await fake.waitFor(() => fake.responses[before]);
      await redis.start();
    } finally {
      for (const b of bots) b.child.kill('SIGKILL');
      await fake.stop();
    }
  }, 30_000);

  it('one replica holds the Discord gateway; when it is killed, another takes over', async () => {
    const fake = await new FakeDiscord().start();
    const env = { DISCORD_TOKEN: 'd-rep', DISCORD_API_URL: fake.apiUrl, REDIS_URL: redis.url, FACTBOT_GATEWAY_LEASE_MS: '1500' };
    const first = startBot({ ...env, PORT: String(await freePort()) });
    try {
      await until(() => first.log().includes('holding the Discord gateway') && first.log().includes('"msg":"started"'));
      const second = startBot({ ...env, PORT: String(await freePort()) });
      try {
        await until(() => second.log().includes('standing by'));
        const logins = () => fake.calls.filter((c) => c.path === '/api/v10/gateway/bot').length;
        expect(logins()).toBe(1);
        first.child.kill('SIGKILL');
        await until(() => second.log().includes('holding the Discord gateway'), 10_000);
        await until(() => logins() === 2, 10_000);
      } finally {
        second.child.kill('SIGKILL');
      }
    } finally {
      first.child.kill('SIGKILL');
      await fake.stop();
    }
  }, 30_000);

  it('with two shards, each shard has one session across two replicas, and the survivor takes both when one is killed', async () => {
    const fake = await new FakeDiscord().start();
    const env = { DISCORD_TOKEN: 'd-shards', DISCORD_API_URL: fake.apiUrl, REDIS_URL: redis.url, FACTBOT_GATEWAY_LEASE_MS: '1500', DISCORD_SHARDS: '2' };
    const first = startBot({ ...env, PORT: String(await freePort()) });
    const second = startBot({ ...env, PORT: String(await freePort()) });
    const held = (log: string) => (log.match(/holding the Discord gateway/g) ?? []).length;
    try {
      await until(() => held(first.log()) + held(second.log()) === 2);
      await new Promise((r) => setTimeout(r, 1000));
      expect(held(first.log()) + held(second.log())).toBe(2);
      const [killed, survivor] = held(first.log()) ? [first, second] : [second, first];
      const before = held(survivor.log());
      killed.child.kill('SIGKILL');
      await until(() => held(survivor.log()) === 2, 10_000);
      expect(before).toBeLessThan(2);
    } finally {
      first.child.kill('SIGKILL');
      second.child.kill('SIGKILL');
      await fake.stop();
    }
  }, 30_000);
});
