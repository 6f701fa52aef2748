/**
 * How likely a typed text is a slip for a name: an edit distance whose steps cost less for the
 * slips people make most (a neighbouring key, a doubled letter, two letters swapped). It ranks
 * names that are the same number of typos away ("riost" is "Tiost", r beside t, rather than
 * "Raost"); whether a name is near enough at all is counted in plain steps (near.ts).
 */

/** Keys next to each other on a QWERTY keyboard: the letters a slipped finger types instead. */
export const KEY_NEIGHBOURS: Readonly<Record<string, string>> = {
  q: 'wa', w: 'qes', e: 'wrd', r: 'etf', t: 'ryg', y: 'tuh', u: 'yij', i: 'uok', o: 'ipl', p: 'ol',
  a: 'qsz', s: 'awdz', d: 'sefx', f: 'drgc', g: 'fthv', h: 'gyjb', j: 'hukn', k: 'jilm', l: 'kop',
  z: 'asx', x: 'zsdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
};

/** What each kind of slip costs; a step of any other kind costs 1. */
export const SLIP_COSTS = {
  /** A finger on the key beside the right one: the commonest substitution. */
  neighbourKey: 0.5,
  /** A letter typed twice ("Couuncil") or a double typed once ("Phillipines"). */
  doubledLetter: 0.5,
  /** Two letters in the wrong order: one slip of timing. */
  swap: 0.75,
  /** A letter left out. */
  dropped: 0.9,
} as const;

const neighbours = (a: string, b: string) => KEY_NEIGHBOURS[a]?.includes(b) ?? false;

/** The cost of typing `typed` for `name` (both folded), in slips weighted by SLIP_COSTS. */
export function slipCost(fullName: string, fullTyped: string): number {
  // What the two share at the start and end costs nothing: left out of the table (long titles with
  // one typo), but for a letter each side, which the costs of a doubled letter look at.
  let start = 0;
  while (start < fullName.length && start < fullTyped.length && fullName[start] === fullTyped[start]) start++;
  let end = 0;
  while (end < fullName.length - start && end < fullTyped.length - start && fullName[fullName.length - 1 - end] === fullTyped[fullTyped.length - 1 - end]) end++;
  const from = Math.max(0, start - 1);
  const tail = Math.max(0, end - 1);
  const name = fullName.slice(from, fullName.length - tail);
  const typed = fullTyped.slice(from, fullTyped.length - tail);
  const n = name.length;
  const m = typed.length;
  // Optimal string alignment over rows of name, columns of typed.
  const insertCost = (j: number, a: string | undefined) => {
    const b = typed[j - 1]!;
    return b === typed[j - 2] || b === typed[j] || b === a ? SLIP_COSTS.doubledLetter : 1;
  };
  const dropCost = (i: number) => {
    const a = name[i - 1]!;
    return a === name[i - 2] || a === name[i] ? SLIP_COSTS.doubledLetter : SLIP_COSTS.dropped;
  };
  let prev2 = new Float64Array(m + 1);
  let prev = new Float64Array(m + 1);
  let row = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + insertCost(j, undefined);
  for (let i = 1; i <= n; i++) {
    const a = name[i - 1]!;
    row[0] = prev[0]! + dropCost(i);
    for (let j = 1; j <= m; j++) {
      const b = typed[j - 1]!;
      const kept = prev[j - 1]! + (a === b ? 0 : neighbours(a, b) ? SLIP_COSTS.neighbourKey : 1);
      // An extra letter in what was typed: cheap when it repeats a letter beside it.
      const inserted = row[j - 1]! + insertCost(j, a);
      // A letter of the name left out: cheap when the name has it twice in a row.
      const dropped = prev[j]! + dropCost(i);
      let best = Math.min(kept, inserted, dropped);
      if (i > 1 && j > 1 && a === typed[j - 2] && name[i - 2] === b && a !== b) best = Math.min(best, prev2[j - 2]! + SLIP_COSTS.swap);
      row[j] = best;
    }
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[m]!;
}
