import { generateFactBase } from './generate.js';
import { Knowledge } from '../src/knowledge.js';
import { ask } from '../src/ask.js';
import { complete } from '../src/search/complete.js';
for (const n of [10_000, 100_000]) {
  let t = performance.now();
  const base = generateFactBase(n);
  const gen = performance.now() - t;
  t = performance.now();
  const k = new Knowledge(base);
  const idx = performance.now() - t;
  const c = [...base.entities.values()].find((e) => e.type === 'country')!;
  const qs = [`member ${c.name}`, `member ${c.aliases[1]}`, `what did ${c.name} sign on energy transit`, `check ${c.name} signed the agreement in 2005`, 'onthisday 15 June'];
  const out: Record<string, number> = {};
  for (const q of qs) { const t0 = performance.now(); for (let i = 0; i < 5; i++) ask(k, q); out[q] = (performance.now() - t0) / 5; }
  const t1 = performance.now(); for (let i = 0; i < 20; i++) complete(k, c.name.slice(0, 3), ['country']); out.complete = (performance.now() - t1) / 20;
  console.log(n, { gen: Math.round(gen), index: Math.round(idx), rss: Math.round(process.memoryUsage().rss / 1e6) }, Object.fromEntries(Object.entries(out).map(([k, v]) => [k.slice(0, 40), v.toFixed(1)])));
}
