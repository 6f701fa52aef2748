#!/usr/bin/env node
// npm run lengths [-- FILE...]: how long answers are in the terminal renderer, over every
// question of the evaluation sets: median, 90th percentile and longest, in characters and lines.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { loadKnowledge } = await import(join(root, 'dist', 'src', 'knowledge.js'));
const { defaultFactsDir } = await import(join(root, 'dist', 'src', 'paths.js'));
const { ask, parseToday } = await import(join(root, 'dist', 'src', 'ask.js'));
const { renderText } = await import(join(root, 'dist', 'src', 'answer', 'text.js'));
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const sets = files.length ? files : ['public.jsonl', 'dev.jsonl'].map((f) => join(root, '..', 'shared', 'eval', f)).filter(existsSync);
const k = await loadKnowledge(defaultFactsDir());
const rows = [];
for (const file of sets) {
  for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())) {
    const item = JSON.parse(line);
    const today = item.today ? parseToday(item.today) : undefined;
    const text = renderText(ask(k, item.q, today ? { today } : {}));
    rows.push({ q: item.q, chars: text.length, lines: text.split('\n').length });
  }
}
const pick = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const chars = rows.map((r) => r.chars).sort((a, b) => a - b);
const lines = rows.map((r) => r.lines).sort((a, b) => a - b);
console.log(`${rows.length} questions from ${sets.length} sets`);
console.log(`characters: median ${pick(chars, 0.5)}, p90 ${pick(chars, 0.9)}, max ${chars.at(-1)}`);
console.log(`lines: median ${pick(lines, 0.5)}, p90 ${pick(lines, 0.9)}, max ${lines.at(-1)}`);
const over = rows.filter((r) => r.chars > 3000).sort((a, b) => b.chars - a.chars);
console.log(`over 3,000 characters: ${over.length}`);
if (process.argv.includes('--verbose')) for (const r of over) console.log(`  ${r.chars}  ${r.q}`);
