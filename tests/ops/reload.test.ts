import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/ask.js';
import { renderText } from '../../src/answer/text.js';
import { loadKnowledge } from '../../src/knowledge.js';
import { createLogger } from '../../src/log.js';
import { LiveKnowledge } from '../../src/reload.js';
import { LogCapture, MINI_FACTS } from '../helpers.js';


async function setup() {
  const dir = join(mkdtempSync(join(tmpdir(), 'reload-')), 'facts');
  cpSync(MINI_FACTS, dir, { recursive: true });
  process.env.FACTBOT_CACHE_DIR = join(dir, '..', 'cache');
  const logs = new LogCapture();
  const results: string[] = [];
  const live = new LiveKnowledge(dir, await loadKnowledge(dir), createLogger({ destination: logs }), (r) => results.push(r), 50);
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
});
