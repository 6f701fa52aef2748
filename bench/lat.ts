/**
 * Latency and top-1 of the bot at one size, with the queries it gets wrong (development aid):
 * node dist-bench/bench/lat.js 100000|real [kind]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { Knowledge } from '../src/knowledge.js';
import { join } from 'node:path';
import { loadFactBase } from '../src/facts/load.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { timedFactBase } from './generate.js';
import { agrees, measure, ours } from './measure.js';
import { benchQueries, type Kind } from './queries.js';

const n = process.argv[2] === 'real' ? 'real' : Number(process.argv[2] ?? 100_000);
const only = process.argv[3];
let t = performance.now();
const base = n === 'real' ? loadFactBase(join(PACKAGE_ROOT, 'facts')).base : timedFactBase(n, 7).base;
const gen = performance.now() - t;
t = performance.now();
const k = await Knowledge.build(base);
console.log(`generated ${n} in ${Math.round(gen)} ms, indexed in ${Math.round(performance.now() - t)} ms`);
t = performance.now();
const queries = benchQueries(k, 300, 11);
const warmup = benchQueries(k, 30, 12);
console.log(`queries in ${Math.round(performance.now() - t)} ms`);
if (only) for (const kind of Object.keys(queries)) if (kind !== only) queries[kind as Kind] = [];
// PROFILE=file.cpuprofile: a CPU profile of the timed queries alone.
const session = process.env.PROFILE ? new Session() : undefined;
const post = (method: string) => new Promise<unknown>((resolve, reject) => session!.post(method, (err, res) => (err ? reject(err) : resolve(res))));
if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.start');
}
// SLOW=n: the n slowest queries of each kind.
const slow: { kind: Kind; text: string; ms: number }[] = [];
const r = measure(ours(k), queries, warmup, { judges: true, onSample: (kind, q, ms) => slow.push({ kind, text: q.text, ms }) });
if (session) writeFileSync(process.env.PROFILE!, JSON.stringify(((await post('Profiler.stop')) as { profile: unknown }).profile));
for (const [kind, x] of Object.entries(r)) {
  console.log(kind.padEnd(16), `p50 ${x.p50} p99 ${x.p99} max ${x.max} n ${x.n} top1 ${x.top1}%`);
  for (const q of slow.filter((s) => s.kind === kind).sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.SLOW ?? 0))) console.log(`  slow ${q.ms.toFixed(2)} ms: ${q.text}`);
}
const s = ours(k);
for (const [kind, qs] of Object.entries(queries) as [Kind, typeof queries[Kind]][]) {
  const misses = qs.filter((q) => !agrees(kind, q, s.first(kind, q), true)).slice(0, Number(process.env.MISSES ?? 6));
  for (const q of misses) {
    const got = s.first(kind, q);
    console.log(`  miss ${kind}: ${q.text}${q.intended ? ` [${q.intended}]` : ''}${q.verdict ? ` (want ${q.verdict})` : ''} → ${got.verdict ?? ''} ${got.name ?? got.fact?.statement.slice(0, 90) ?? 'nothing'}`);
  }
}
