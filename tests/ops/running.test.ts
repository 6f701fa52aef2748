import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { FakeDiscord } from '../fakes/discord.js';
import { FakeSlack } from '../fakes/slack.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'adapters', 'cli', 'main.js');
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

function startBot(env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, 'start'], { env: { ...process.env, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return { child, log: () => log };
}

async function until(probe: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a running bot', () => {
  it('serves /healthz, /readyz and /metrics on the Slack server, counting answers', async () => {
    const fake = await new FakeSlack().start();
    const port = await freePort();
    const bot = startBot({ SLACK_BOT_TOKEN: 'xoxb-ops', SLACK_SIGNING_SECRET: fake.signingSecret, PORT: String(port), SLACK_API_URL: fake.apiUrl });
    try {
      await until(() => bot.log().includes('"msg":"started"'));
      const base = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      await fake.command(`${base}/slack/events`, 'member india');
      await fake.waitFor(() => fake.responses[0]);
      const metrics = await (await fetch(`${base}/metrics`)).text();
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
});
