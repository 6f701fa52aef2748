/**
 * The generated claim suite (suite.ts) through the whole bot, as a user's `check …` would go:
 * no false claim supported, at least 97% of verdicts as the frames imply, and every supported or
 * contradicted verdict led by a quote that states what it turns on.
 */
import { describe, expect, it } from 'vitest';
import { key } from '../../src/text/normalize.js';
import { askReal, realKnowledge } from '../helpers.js';
import { generateClaims } from './suite.js';

describe('the generated claim suite', () => {
  const { claims, skipped, gaps } = generateClaims(realKnowledge());
  const results = claims.map((c) => ({ c, a: askReal(c.text) }));
  const wrong = results.filter((r) => r.a.verdict !== r.c.expect);
  const falseSupports = results.filter((r) => r.c.false && r.a.verdict === 'supported');

  it('makes claims from every kind of fact, in six phrasings', () => {
    console.log(
      `generated claims: ${claims.length} from ${new Set(claims.map((c) => c.fact)).size} facts; ` +
        `${claims.length - wrong.length} right (${((100 * (claims.length - wrong.length)) / claims.length).toFixed(1)}%); ` +
        `${falseSupports.length} false supported; skipped: ${JSON.stringify(skipped)}; ` +
        `facts whose quotes do not state their own value (so the guard says unknown): ${gaps.size}`,
    );
    for (const w of wrong.filter((_, i) => i % Math.ceil(wrong.length / 60) === 0)) console.log(`  ${w.c.expect} ≠ ${w.a.verdict}: ${w.c.text}  [${w.c.fact}, ${w.c.change}]`);
    expect(claims.length).toBeGreaterThan(500);
    for (const change of ['none', 'year', 'day', 'place', 'participant-as-place', 'count', 'agent'] as const) expect(claims.some((c) => c.change === change)).toBe(true);
  });

  it('supports no false claim', () => {
    expect(falseSupports.map((r) => r.c.text)).toEqual([]);
  });

  it('gives the verdict the frames imply for at least 97% of claims', () => {
    expect((claims.length - wrong.length) / claims.length).toBeGreaterThanOrEqual(0.97);
  });

  it('leads every supported or contradicted verdict with a quote that states the deciding value', () => {
    const decided = results.filter((r) => (r.a.verdict === 'supported' || r.a.verdict === 'contradicted') && r.c.mustShow?.length);
    const unstated = decided.filter((r) => {
      const top = r.a.facts[0];
      const first = ` ${key(top?.quotes[0]?.quote ?? '')} `;
      // The deciding value is the claimed fact's, or, when another fact decides (the exercise
      // held in Tajikistan contradicts one of its operations placed in Urumqi), that fact's own.
      const decider = top && top.id !== r.c.fact ? realKnowledge().base.fact(top.id) : undefined;
      const ownValues = decider ? [decider.place ? key(realKnowledge().base.entityName(decider.place)) : '', decider.date ? String(decider.date.start.year) : ''].filter(Boolean) : [];
      return ![...r.c.mustShow!, ...ownValues].some((v) => first.includes(` ${v} `));
    });
    expect(decided.length).toBeGreaterThan(1000);
    expect([...new Set(unstated.map((r) => `${r.c.fact} → ${r.a.facts[0]?.id}: ${r.a.verdict} (${r.c.change})`))]).toEqual([]);
  });

  it('every claim is routed to the fact check', () => {
    expect(results.filter((r) => r.a.intent !== 'check').map((r) => r.c.text)).toEqual([]);
  });
});
