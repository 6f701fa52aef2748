/** Quick latency check at one size (development aid): node --import tsx bench/lat.ts 100000 */
import { ask } from '../src/ask.js';
import { Knowledge } from '../src/knowledge.js';
import { complete } from '../src/search/complete.js';
import { generateFactBase } from './generate.js';

const k = new Knowledge(generateFactBase(Number(process.argv[2] ?? 100_000), 7));
const c = [...k.base.entities.values()].filter((e) => e.type === 'country').slice(0, 5);
const treaty = [...k.base.entities.values()].find((e) => e.type === 'treaty')!;
const kinds: Record<string, () => unknown> = {
  free: () => ask(k, `what did ${c[0]!.name} sign on energy transit`),
  check: () => ask(k, `check ${c[1]!.name} signed the ${treaty.name} in 2005`),
  complete: () => complete(k, c[2]!.name.slice(0, 3), ['country', 'treaty']),
};
for (const [name, fn] of Object.entries(kinds)) {
  fn();
  const t = performance.now();
  for (let i = 0; i < 20; i++) fn();
  console.log(name, ((performance.now() - t) / 20).toFixed(2), 'ms');
}
