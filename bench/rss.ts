/** RSS of one fact base built in a fresh process: `node --import tsx bench/rss.ts 100000`. */
import { Knowledge } from '../src/knowledge.js';
import { generateFactBase } from './generate.js';

const n = Number(process.argv[2] ?? 100_000);
const base = generateFactBase(n, 7);
global.gc?.(); // the generator's garbage is not the index's
// The facts alone, before any index: how much of the total is the data itself.
const before = process.memoryUsage();
const t = performance.now();
const k = new Knowledge(base);
const indexMs = performance.now() - t;
global.gc?.();
const m = process.memoryUsage();
process.stdout.write(JSON.stringify({ facts: k.base.facts.length, indexMs: Math.round(indexMs), heapMB: Math.round(m.heapUsed / 1e6), rssMB: Math.round(m.rss / 1e6), factsHeapMB: Math.round(before.heapUsed / 1e6), factsRssMB: Math.round(before.rss / 1e6) }));
