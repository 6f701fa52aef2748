import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../src/ask.js';
import { renderText } from '../src/answer/text.js';
import { loadKnowledge } from '../src/knowledge.js';
import { MINI_FACTS } from './helpers.js';

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'factbot-knowledge-'));
  const facts = join(root, 'facts');
  cpSync(MINI_FACTS, facts, { recursive: true });
  return { facts, cache: join(root, 'cache') };
}

describe('loading with a snapshot cache', () => {
  it('answers the same from a snapshot as from the YAML', async () => {
    const { facts, cache } = workspace();
    const fresh = await loadKnowledge(facts, { cacheDir: cache });
    expect(readdirSync(cache)).toHaveLength(1);
    const cached = await loadKnowledge(facts, { cacheDir: cache });
    for (const q of ['treaty charter', 'what is RATS?', 'members 2018', 'check RATS is based in Bishkek']) {
      expect(renderText(ask(cached, q))).toBe(renderText(ask(fresh, q)));
    }
  });

  it('never serves a stale snapshot: a changed file is read again', async () => {
    const { facts, cache } = workspace();
    await loadKnowledge(facts, { cacheDir: cache });
    const file = join(facts, 'facts.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('RATS has its seat in Tashkent.', 'RATS has its seat in Tashkent, Uzbekistan.'));
    const k = await loadKnowledge(facts, { cacheDir: cache });
    expect(renderText(ask(k, 'what is RATS?'))).toContain('Tashkent, Uzbekistan.');
    expect(readdirSync(cache)).toHaveLength(1); // the old snapshot is removed
  });

  it('refuses an invalid fact base with every problem, and caches nothing', async () => {
    const { facts, cache } = workspace();
    writeFileSync(join(facts, 'bad.yaml'), 'facts:\n  - id: x\n    kind: event\n');
    await expect(loadKnowledge(facts, { cacheDir: cache })).rejects.toThrow(/bad\.yaml:2: x\.about: is missing/);
    expect(() => readdirSync(cache)).toThrow();
  });
});
