import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { FakeDiscord } from '../fakes/discord.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'adapters', 'cli', 'main.js');

// The README's "Add to Discord" steps as a new user runs them: the register step, then `npm start`.
describe('npm run discord:register and npm start with Discord settings', () => {
  const fake = new FakeDiscord();
  let child: ReturnType<typeof spawn>;
  let stderr = '';
  const env = () => ({ ...process.env, DISCORD_TOKEN: 'readme-discord-token', DISCORD_APP_ID: fake.appId, DISCORD_GUILD_ID: '555555555555555555', DISCORD_API_URL: fake.apiUrl, SLACK_BOT_TOKEN: '' });

  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    child?.kill('SIGTERM');
    await fake.stop();
  });

  it('registers the commands in the development server', async () => {
    // Asynchronously: the stand-in runs in this process and must stay free to answer.
    const out = await promisify(execFile)(process.execPath, [CLI, 'discord-register'], { encoding: 'utf8', env: env() });
    expect(out.stdout.trim()).toBe('registered sco, Fact-check in server 555555555555555555 (available at once)');
  });

  it('starts, logs in through DISCORD_API_URL, and answers /sco', async () => {
    child = spawn(process.execPath, [CLI, 'start'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await fake.waitFor(() => (stderr.includes('"platform":"discord"') && stderr.includes('"msg":"started"') ? true : undefined), 15_000);
    const payload = fake.chatInput('members', { year: 2005 });
    fake.dispatchInteraction(payload);
    const [call] = await fake.waitFor(() => (fake.callbacksFor(payload).length ? fake.callbacksFor(payload) : undefined));
    expect(JSON.stringify(call!.body)).toMatch(/Members \(6\)/);
    expect(stderr).not.toContain('readme-discord-token');
  });
});
