import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/ask.js';
import { renderText } from '../../src/answer/text.js';
import { loadKnowledge } from '../../src/knowledge.js';
import { createLogger } from '../../src/log.js';
import { LiveKnowledge, type ReloadOptions } from '../../src/reload.js';
import { LogCapture, MINI_FACTS, MINI_SOURCES } from '../helpers.js';


async function setup(options: ReloadOptions = {}) {
  const dir = join(mkdtempSync(join(tmpdir(), 'reload-')), 'facts');
  cpSync(MINI_FACTS, dir, { recursive: true });
  process.env.FACTBOT_CACHE_DIR = join(dir, '..', 'cache');
  const logs = new LogCapture();
  const results: string[] = [];
  const live = new LiveKnowledge(dir, await loadKnowledge(dir), createLogger({ destination: logs }), (r) => results.push(r), { debounceMs: 50, settleMs: 60, ...options });
  return { dir, live, logs, results, file: join(dir, 'facts.yaml') };
}

describe('hot reload of the facts folder', () => {
  it('swaps in a valid new fact base', async () => {
    const { live, file, results } = await setup();
    writeFileSync(file, readFileSync(file, 'utf8').replace('RATS has its seat in Tashkent.', 'RATS has its seat in Tashkent, as the documents say.'));
    await live.reload();
    expect(results).toEqual(['ok']);
    expect(renderText(ask(live.current(), 'what is RATS?'))).toContain('as the documents say');
  });

  it('keeps answering from the last good base when a change is invalid, and logs file:line', async () => {
    const { live, dir, logs, results } = await setup();
    const before = live.current();
    writeFileSync(join(dir, 'broken.yaml'), 'facts:\n  - id: broken\n    kind: event\n    about: [nobody]\n');
    await live.reload();
    expect(results).toEqual(['failed']);
    expect(live.current()).toBe(before);
    const logged = logs.records.find((l) => l.msg === 'fact base not reloaded: keeping the last good one')!;
    expect(logged.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^broken\.yaml:2: broken\.statement: is missing$/)]));
  });

  it('notices a changed file by itself', async () => {
    const { live, file, results } = await setup();
    live.watch();
    try {
      writeFileSync(file, readFileSync(file, 'utf8').replace('RATS has its seat in Tashkent.', 'RATS sits in Tashkent.'));
      for (let i = 0; i < 100 && !results.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(results).toEqual(['ok']);
      expect(renderText(ask(live.current(), 'what is RATS?'))).toContain('RATS sits in Tashkent.');
    } finally {
      live.stop();
    }
  });

  it('holds a reload to what validate checks: a quote not in its document is refused', async () => {
    const { live, file, logs, results } = await setup({ sourcesDir: MINI_SOURCES });
    const before = live.current();
    writeFileSync(file, readFileSync(file, 'utf8').replace('Structure has its seat in Tashkent.', 'Structure has its seat in Dushanbe.'));
    await live.reload();
    expect(results).toEqual(['failed']);
    expect(live.current()).toBe(before);
    const logged = logs.records.find((l) => l.msg === 'fact base not reloaded: keeping the last good one')!;
    expect(JSON.stringify(logged.problems)).toMatch(/quote not found/);
  });

  it('takes a file only once it is whole: a write in two steps is never read half-way', async () => {
    const { live, file, results } = await setup();
    const whole = readFileSync(file, 'utf8');
    const half = whole.slice(0, whole.indexOf('  - id:', whole.indexOf('  - id:') + 1)); // the first fact only: valid YAML
    writeFileSync(file, half);
    const reloading = live.reload();
    await new Promise((r) => setTimeout(r, 30));
    writeFileSync(file, whole.replace('RATS has its seat in Tashkent.', 'RATS has its seat in Tashkent (whole file).'));
    await reloading;
    expect(results).toEqual(['ok']);
    expect(live.current().base.facts.length).toBeGreaterThan(1);
    expect(renderText(ask(live.current(), 'what is RATS?'))).toContain('(whole file)');
  });

  it('reports a YAML syntax error at its line, not at line 1', async () => {
    const { live, dir, logs } = await setup();
    writeFileSync(join(dir, 'typo.yaml'), 'facts:\n  - id: a\n    kind: event\n    statement: "unclosed\n    about: [sco]\n  - id: b\n   kind: [\n');
    await live.reload();
    const logged = logs.records.find((l) => l.msg === 'fact base not reloaded: keeping the last good one')!;
    const lines = (logged.problems as string[]).filter((p) => p.startsWith('typo.yaml:'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((p) => !p.startsWith('typo.yaml:1:'))).toBe(true);
  });
});
