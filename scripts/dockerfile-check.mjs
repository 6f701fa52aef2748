#!/usr/bin/env node
// No Docker engine runs here, so this executes the Dockerfile's own steps in a clean temporary
// folder: each stage's WORKDIR, COPY, ENV and RUN, then the final stage's CMD with a Slack
// stand-in, and its HEALTHCHECK command, which must pass. Run by .ci/run.
import { execSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'dockerfile-'));
const lines = readFileSync(join(root, 'Dockerfile'), 'utf8').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

const stages = new Map();
let stage;
let env = {};
let cmd;
let healthcheck;
for (const line of lines) {
  const [op, ...rest] = line.trim().split(/\s+/);
  const args = rest.join(' ');
  if (op === 'FROM') {
    const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage${stages.size}`;
    stage = { name, dir: join(work, name), workdir: '/' };
    stages.set(name, stage);
    env = {};
  } else if (op === 'WORKDIR') {
    stage.workdir = args;
    mkdirSync(join(stage.dir, args), { recursive: true });
  } else if (op === 'ENV') {
    for (const m of args.matchAll(/(\w+)=(\S+)/g)) env[m[1]] = m[2];
  } else if (op === 'COPY') {
    const from = /--from=(\S+)/.exec(args)?.[1];
    const parts = args.replace(/--from=\S+\s*/, '').split(/\s+/);
    const dest = join(stage.dir, stage.workdir, parts.pop());
    for (const src of parts) {
      const source = from ? join(stages.get(from).dir, src) : join(root, src);
      const target = parts.length > 1 || dest.endsWith('/') ? join(dest, src.split('/').pop()) : dest;
      cpSync(source, target, { recursive: true });
    }
  } else if (op === 'RUN') {
    console.log(`[${stage.name}] RUN ${args}`);
    execSync(args, { cwd: join(stage.dir, stage.workdir), stdio: 'inherit', env: { ...process.env, ...env } });
  } else if (op === 'CMD' && !line.includes('HEALTHCHECK')) {
    cmd = JSON.parse(args);
  }
  if (op === 'HEALTHCHECK') healthcheck = args.replace(/^.*?\bCMD\s+/, '');
}

// The final stage: start it as the container would, with a stand-in for Slack's Web API.
const final = [...stages.values()].at(-1);
const api = createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ ok: true, user_id: 'U', bot_id: 'B', team_id: 'T' }));
}).listen(0, '127.0.0.1');
await new Promise((r) => api.once('listening', r));
const port = 34000 + Math.floor(Math.random() * 1000);
const runEnv = { PATH: process.env.PATH, HOME: tmpdir(), ...env, PORT: String(port), SLACK_BOT_TOKEN: 'xoxb-dockerfile-check', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: `http://127.0.0.1:${api.address().port}/api/` };
console.log(`[${final.name}] CMD ${cmd.join(' ')}`);
const app = spawn(cmd[0], cmd.slice(1), { cwd: join(final.dir, final.workdir), env: runEnv, stdio: ['ignore', 'inherit', 'pipe'] });
let log = '';
app.stderr.on('data', (d) => (log += d));
const deadline = Date.now() + 30_000;
let healthy = false;
while (Date.now() < deadline && !healthy) {
  await new Promise((r) => setTimeout(r, 500));
  try {
    execSync(healthcheck, { env: runEnv, stdio: 'ignore', shell: '/bin/sh' });
    healthy = true;
  } catch {
    // not up yet
  }
}
app.kill('SIGTERM');
api.close();
if (!healthy) {
  console.error(`HEALTHCHECK never passed. The app's log:\n${log}`);
  process.exit(1);
}
console.log('Dockerfile steps: build, start and HEALTHCHECK passed');
