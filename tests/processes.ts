/** Real bot processes for the tests: `factbot start` spawned with its settings, a free port, and waiting for a log line. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';

export const CLI = join(PACKAGE_ROOT, 'dist', 'adapters', 'cli', 'main.js');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** `factbot start` with these settings (no platform token unless given); its stderr is collected. */
export function startBot(env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, 'start'], { env: { ...process.env, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return { child, log: () => log };
}

export async function until(probe: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
