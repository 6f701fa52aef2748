/**
 * A real redis-server for the tests (Debian's package; `.ci/run` installs it when missing), one per
 * test file on a free port, with append-only persistence in a temporary folder so that a restart
 * keeps what was written. No mock of Redis.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { freePort } from './processes.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HAVE_REDIS = spawnSync('redis-server', ['--version']).status === 0;


const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = createConnection(port, '127.0.0.1');
    c.once('connect', () => {
      c.write('PING\r\n');
      c.once('data', (d) => {
        resolve(String(d).startsWith('+PONG'));
        c.end();
      });
    });
    c.once('error', () => resolve(false));
  });

export class RedisServer {
  private child?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'redis-'));
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.port ||= await freePort();
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(await answers(this.port)); i++) await new Promise((r) => setTimeout(r, 50));
    return this;
  }

  /** Stops the server (SIGTERM: it flushes its append-only file first). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}
