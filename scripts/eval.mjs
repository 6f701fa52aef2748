#!/usr/bin/env node
// npm run eval [-- FILE]: runs an evaluation set through `factbot ask --json --batch`
// and scores the answers with the set's own scorer (shared/eval/score.mjs), which
// prints each miss, the accuracy per tag, and "N passed, M failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const questions = resolve(process.argv[2] ?? join(root, '..', 'shared', 'eval', 'public.jsonl'));
const scorer = join(dirname(questions), 'score.mjs');
const fallbackScorer = join(root, '..', 'shared', 'eval', 'score.mjs');
if (!existsSync(questions)) {
  console.error(`eval: ${questions} is not here; give an evaluation file: npm run eval -- FILE`);
  process.exit(2);
}
const cli = join(root, 'dist', 'adapters', 'cli', 'main.js');
if (!existsSync(cli)) {
  console.error('eval: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const run = spawnSync(process.execPath, [cli, 'ask', '--json', '--batch', questions, ...(process.env.FACTBOT_FACTS ? ['--facts', process.env.FACTBOT_FACTS] : [])], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (run.status !== 0) process.exit(run.status ?? 1);
const answers = run.stdout;
const out = join(mkdtempSync(join(tmpdir(), 'factbot-eval-')), 'answers.jsonl');
writeFileSync(out, answers);
const score = existsSync(scorer) ? scorer : fallbackScorer;
execFileSync(process.execPath, [score, questions, out, ...process.argv.slice(3)], { stdio: 'inherit' });
