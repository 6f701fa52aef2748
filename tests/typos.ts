/** Typos as people make them, seeded: for the bench (bench/queries.ts) and the tests of near spellings. */
import { KEY_NEIGHBOURS as NEIGHBOURS } from '../src/text/typing.js';

/** One typo at a random letter: a neighbour typed instead, the letter dropped, doubled, or swapped with the next. */
export function typo(text: string, rnd: () => number): string {
  const letters = [...text].flatMap((c, i) => (/[a-z]/i.test(c) ? [i] : []));
  const i = letters[Math.floor(rnd() * letters.length)]!;
  const c = text[i]!.toLowerCase();
  const op = rnd();
  if (op < 0.35) {
    const n = NEIGHBOURS[c] ?? c;
    return text.slice(0, i) + n[Math.floor(rnd() * n.length)]! + text.slice(i + 1);
  }
  if (op < 0.6) return text.slice(0, i) + text.slice(i + 1);
  if (op < 0.8) return text.slice(0, i + 1) + c + text.slice(i + 1);
  const j = i + 1 < text.length && /[a-z]/i.test(text[i + 1]!) ? i + 1 : i - 1;
  const [a, b] = [Math.min(i, j), Math.max(i, j)];
  return text.slice(0, a) + text[b] + text[a] + text.slice(b + 1);
}
