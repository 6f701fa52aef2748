import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { complete } from '../../src/search/complete.js';
import { realKnowledge } from '../helpers.js';

const questions = readFileSync(join(PACKAGE_ROOT, 'eval', 'claims.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q)
  .concat(['who approves the sco budget', 'what is rats', 'energy cooperation agreement', 'kazakhstan china russia border 1996', 'mount everest']);

describe('full-text search', () => {
  it('skips facts that cannot cover enough of the question without losing any that can', () => {
    const k = realKnowledge();
    for (const q of questions) {
      for (const minCoverage of [0.5, 0.7]) {
        const everything = k.facts.search(q).filter((h) => h.coverage >= minCoverage);
        const gated = k.facts.search(q, { minCoverage, limit: 50 });
        expect(gated.map((h) => h.fact.id), q).toEqual(everything.slice(0, 50).map((h) => h.fact.id));
        gated.forEach((h, i) => expect(h.score, q).toBeCloseTo(everything[i]!.score, 9));
      }
    }
  });
});

describe('autocomplete', () => {
  const names = (q: string, types: Parameters<typeof complete>[2] = ['country']) => complete(realKnowledge(), q, types).map((c) => c.name);

  it('puts the exact name first, then names that start with the text, then names that contain it', () => {
    expect(names('india')[0]).toBe('India');
    expect(names('kirg')[0]).toBe('Kyrgyzstan'); // by its alias Kirgizia
    // "Iran" starts with "ira"; "Emirates" (in "United Arab Emirates") only contains it.
    const ira = names('ira');
    expect(ira[0]).toBe('Iran');
    expect(ira).toContain('United Arab Emirates');
    expect(names('stan')).toEqual(expect.arrayContaining(['Kazakhstan', 'Uzbekistan', 'Pakistan']));
  });

  it('offers close spellings when nothing starts with or contains the text', () => {
    expect(names('kazakstn')).toContain('Kazakhstan');
  });

  it('lists names in order for an empty box, only of the kinds asked for, at most the limit', () => {
    const all = names('');
    expect(all.length).toBeGreaterThan(10);
    expect(all.length).toBeLessThanOrEqual(25);
    expect([...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(all);
    expect(names('charter', ['country'])).not.toContain('Charter of the Shanghai Cooperation Organisation');
    expect(names('charter', ['treaty']).join(' ')).toMatch(/Charter/);
  });
});
