import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord.js';
import { FakeSlack } from '../fakes/slack.js';
import { freePort, startBot, until } from '../processes.js';




describe('a running bot', () => {
  it('serves /healthz, /readyz and /metrics on the Slack server, counting answers', async () => {
    const fake = await new FakeSlack().start();
    const port = await freePort();
    const bot = startBot({ SLACK_BOT_TOKEN: 'xoxb-ops', SLACK_SIGNING_SECRET: fake.signingSecret, PORT: String(port), SLACK_API_URL: fake.apiUrl, METRICS_TOKEN: 'metrics-secret-1' });
    try {
      await until(() => bot.log().includes('"msg":"started"'));
      const base = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      await fake.command(`${base}/slack/events`, 'member india');
      await fake.waitFor(() => fake.responses[0]);
      // Slack's port is public: no token, no metrics.
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const metrics = await (await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer metrics-secret-1' } })).text();
      expect(metrics).toMatch(/sco_commands_total\{intent="member",platform="slack"\} 1/);
      expect(metrics).toContain('sco_answer_seconds_bucket');
    } finally {
      bot.child.kill('SIGTERM');
      await fake.stop();
    }
  });

  it('stops on SIGTERM within a few seconds, exiting 0', async () => {
    const fake = await new FakeDiscord().start();
    const port = await freePort();
    const bot = startBot({ DISCORD_TOKEN: 'd-ops', DISCORD_API_URL: fake.apiUrl, PORT: String(port) });
    try {
      await until(() => bot.log().includes('"platform":"discord"') && bot.log().includes('"msg":"started"'));
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      const t = Date.now();
      const exited = new Promise<number | null>((resolve) => bot.child.once('exit', (code) => resolve(code)));
      bot.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - t).toBeLessThan(5000);
      expect(bot.log()).toContain('"msg":"stopped"');
    } finally {
      await fake.stop();
    }
  });

  // A token pasted into the wrong setting: the "cannot start" line names the setting, never the token.
  const SLACK = 'xoxb-1234567890-abcdefghijkl';
  const DISCORD = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz012345';
  const SIGNING = '0123456789abcdef0123456789abcdef';
  it.each([
    ['DISCORD_APP_ID', { DISCORD_TOKEN: DISCORD, DISCORD_APP_ID: SLACK }, SLACK],
    ['DISCORD_GUILD_ID', { DISCORD_TOKEN: DISCORD, DISCORD_GUILD_ID: DISCORD }, DISCORD],
    ['SLACK_API_URL', { SLACK_BOT_TOKEN: SLACK, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: SIGNING }, SIGNING],
    ['PORT', { SLACK_BOT_TOKEN: 'xoxb-other-token-1', SLACK_SIGNING_SECRET: 'other-secret-1', PORT: SIGNING }, SIGNING],
    ['ONTHISDAY_CONFIG', { DISCORD_TOKEN: 'd-ops', ONTHISDAY_CONFIG: DISCORD }, DISCORD],
  ])('a secret pasted into %s is not printed: the line names the setting', async (setting, env, secret) => {
    const bot = startBot(env as Record<string, string>);
    const code = await new Promise<number | null>((resolve) => bot.child.once('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(bot.log()).toContain(setting);
    expect(bot.log()).not.toContain(secret);
    expect(bot.log()).toContain('[REDACTED]');
  });

  const exitOf = (bot: ReturnType<typeof startBot>) => new Promise<number | null>((resolve) => bot.child.once('exit', (c) => resolve(c)));
  const cannotStart = (log: string) => log.split('\n').filter((l) => l.startsWith('cannot start:'));

  it('a port already in use stops start-up with one line, exit 1', async () => {
    const fake = await new FakeDiscord().start();
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => taken.once('listening', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const bot = startBot({ DISCORD_TOKEN: 'd-ops', DISCORD_API_URL: fake.apiUrl, PORT: String(port) });
      expect(await exitOf(bot)).toBe(1);
      expect(cannotStart(bot.log())).toEqual([`cannot start: PORT ${port}: the port is already in use`]);
    } finally {
      taken.close();
      await fake.stop();
    }
  });

  it('a refused Slack token stops start-up with one line before "started", no stack trace', async () => {
    const fake = await new FakeSlack().start();
    fake.fail('auth.test', 'invalid_auth');
    try {
      const bot = startBot({ SLACK_BOT_TOKEN: 'xoxb-refused-1', SLACK_SIGNING_SECRET: fake.signingSecret, PORT: String(await freePort()), SLACK_API_URL: fake.apiUrl });
      expect(await exitOf(bot)).toBe(1);
      expect(cannotStart(bot.log())).toHaveLength(1);
      expect(cannotStart(bot.log())[0]).toMatch(/^cannot start: Slack \(SLACK_BOT_TOKEN .*\): Slack answered "invalid_auth"$/);
      expect(bot.log()).not.toContain('"msg":"started"');
      expect(bot.log()).not.toMatch(/\n\s+at /);
    } finally {
      await fake.stop();
    }
  });

  it('a refused Discord token, or Discord unreachable, stops start-up with one line, exit 1', async () => {
    const fake = await new FakeDiscord().start();
    fake.refuseToken = true;
    try {
      const refused = startBot({ DISCORD_TOKEN: 'd-refused', DISCORD_API_URL: fake.apiUrl, PORT: String(await freePort()) });
      expect(await exitOf(refused)).toBe(1);
      expect(cannotStart(refused.log())[0]).toMatch(/^cannot start: Discord \(DISCORD_TOKEN .*\): /);
    } finally {
      await fake.stop();
    }
    const closed = await freePort();
    const unreachable = startBot({ DISCORD_TOKEN: 'd-ops', DISCORD_API_URL: `http://127.0.0.1:${closed}/api`, PORT: String(await freePort()), FACTBOT_STARTUP_TIMEOUT_MS: '3000' });
    expect(await exitOf(unreachable)).toBe(1);
    expect(cannotStart(unreachable.log())).toHaveLength(1);
    expect(cannotStart(unreachable.log())[0]).toMatch(/^cannot start: Discord /);
  }, 20_000);

  it('an unwritable daily-post state folder stops start-up with one line naming ONTHISDAY_STATE', async () => {
    const fake = await new FakeDiscord().start();
    // A folder that cannot be made (its parent is a file): unwritable even for root, as in CI.
    const file = join(mkdtempSync(join(tmpdir(), 'state-')), 'a-file');
    writeFileSync(file, '');
    const statePath = join(file, 'state.json');
    try {
      const bot = startBot({ DISCORD_TOKEN: 'd-ops', DISCORD_API_URL: fake.apiUrl, PORT: String(await freePort()), ONTHISDAY_DISCORD_CHANNELS: '999999999999999999', ONTHISDAY_STATE: statePath });
      expect(await exitOf(bot)).toBe(1);
      expect(cannotStart(bot.log())).toHaveLength(1);
      expect(cannotStart(bot.log())[0]).toContain(`cannot start: ONTHISDAY_STATE (${statePath}): the daily-post state is not writable`);
      // Checked before any platform: Discord was never called.
      expect(fake.calls).toHaveLength(0);
    } finally {
      await fake.stop();
    }
  });

  it('on SIGTERM every acknowledged request still gets its answer, a second SIGTERM does not cut the stop short, and keep-alive connections do not hold it', async () => {
    const fake = await new FakeSlack().start();
    fake.responseDelayMs = 800; // a slow Slack: answers are still in flight when the stop begins
    const port = await freePort();
    const bot = startBot({ SLACK_BOT_TOKEN: 'xoxb-ops', SLACK_SIGNING_SECRET: fake.signingSecret, PORT: String(port), SLACK_API_URL: fake.apiUrl });
    try {
      await until(() => bot.log().includes('"msg":"started"'));
      const url = `http://127.0.0.1:${port}/slack/events`;
      const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => fake.command(url, i % 2 ? 'member india' : 'what is RATS?')));
      expect(acks.every((r) => r.status === 200)).toBe(true);
      const exited = exitOf(bot);
      const t = Date.now();
      bot.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      bot.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(fake.responses).toHaveLength(20);
      // The answers took 800 ms; open keep-alive connections did not hold the stop for long after.
      expect(Date.now() - t).toBeLessThan(4000);
      expect(bot.log()).toContain('already stopping');
    } finally {
      await fake.stop();
    }
  }, 20_000);
});
