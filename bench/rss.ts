/** Build time and memory of one generated fact base in a fresh process: `node --expose-gc dist-bench/bench/rss.js 100000`. */
import { Knowledge } from '../src/knowledge.js';
import { timedFactBase } from './generate.js';

const n = Number(process.argv[2] ?? 100_000);
const { base, baseMs } = timedFactBase(n, 7);
global.gc?.(); // the input, dropped
// The facts alone, before any index: how much of the total is the data itself.
const before = process.memoryUsage();
const t = performance.now();
const k = await Knowledge.build(base);
const indexMs = performance.now() - t;
global.gc?.();
const m = process.memoryUsage();
process.stdout.write(
  JSON.stringify({ facts: k.base.facts.length, baseMs: Math.round(baseMs), indexMs: Math.round(indexMs), heapMB: Math.round(m.heapUsed / 1e6), arrayBuffersMB: Math.round(m.arrayBuffers / 1e6), rssMB: Math.round(m.rss / 1e6), factsHeapMB: Math.round(before.heapUsed / 1e6), factsRssMB: Math.round(before.rss / 1e6) }),
);
