import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { FakeSlack } from '../fakes/slack.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'adapters', 'cli', 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

// The README's "Add to Slack" steps, as a new user runs them: environment variables, then `npm start`.
describe('npm start with Slack settings in the environment', () => {
  const fake = new FakeSlack('readme-signing-secret');
  let child: ReturnType<typeof spawn>;
  let stderr = '';
  let port = 0;

  beforeAll(async () => {
    await fake.start();
    port = await freePort();
    child = spawn(process.execPath, [CLI, 'start'], {
      env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-readme-secret-token', SLACK_SIGNING_SECRET: fake.signingSecret, PORT: String(port), SLACK_API_URL: fake.apiUrl, DISCORD_TOKEN: '', FACTBOT_CACHE_DIR: join(PACKAGE_ROOT, 'node_modules', '.cache', 'sco-factbot-test') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await fake.waitFor(() => (stderr.includes('"msg":"started"') ? true : undefined), 15_000);
  });
  afterAll(async () => {
    child.kill('SIGTERM');
    await fake.stop();
  });

  it('serves /sco at /slack/events on PORT and answers through SLACK_API_URL', async () => {
    const res = await fake.command(`http://127.0.0.1:${port}/slack/events`, 'when did india join?');
    expect(res.status).toBe(200);
    const post = await fake.waitFor(() => fake.responses[0]);
    expect(JSON.stringify(post.body)).toContain('India in the SCO');
    expect(fake.calls.find((c) => c.method === 'auth.test')?.token).toBe('xoxb-readme-secret-token');
  });

  it('logs that it started, and never the tokens or the signing secret', () => {
    expect(stderr).toMatch(/"platform":"slack","mode":"http"/);
    expect(stderr).not.toContain('xoxb-readme-secret-token');
    expect(stderr).not.toContain('readme-signing-secret');
  });
});

describe('start-up settings', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [CLI, 'start'], { encoding: 'utf8', input: '', env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', DISCORD_TOKEN: '', ...env } });

  it('a missing signing secret stops start-up with one line naming it', () => {
    const out = run({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(out.status).toBe(1);
    expect(out.stderr.trim()).toBe('cannot start: SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify requests (or set SLACK_APP_TOKEN for Socket Mode)');
  });

  it('daily-post settings are checked at start-up', () => {
    expect(run({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', ONTHISDAY_SLACK_CHANNELS: 'C1', ONTHISDAY_TZ: 'Mars/Olympus' }).stderr.trim()).toBe(
      'cannot start: ONTHISDAY_TZ: timezone: is not an IANA time zone (like "Europe/Berlin" or "Asia/Almaty")',
    );
    expect(run({ ONTHISDAY_DISCORD_CHANNELS: '123' }).stderr.trim()).toBe('cannot start: daily posts name Discord channels, but DISCORD_TOKEN is not set');
  });

  it('a malformed Discord setting is named too', () => {
    expect(run({ DISCORD_TOKEN: 'x', DISCORD_GUILD_ID: 'my-server' }).stderr).toContain('DISCORD_GUILD_ID must be a numeric server id, not "my-server"');
  });

  it('a malformed PORT or app token is named', () => {
    expect(run({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' }).stderr).toContain('PORT must be a port number, not "eighty"');
    expect(run({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-wrong' }).stderr).toContain('SLACK_APP_TOKEN must be an app-level token starting with "xapp-"');
  });
});
