import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { ask } from '../src/ask.js';
import { toJson, type JsonAnswer } from '../src/answer/json.js';
import { formatIssue, loadFactBase, loadFactBaseStrict } from '../src/facts/load.js';
import { Knowledge } from '../src/knowledge.js';
import { defaultSourcesDir, PACKAGE_ROOT } from '../src/paths.js';

export const FIXTURES = join(PACKAGE_ROOT, 'tests', 'fixtures');
export const MINI_FACTS = join(FIXTURES, 'mini');
export const MINI_SOURCES = join(FIXTURES, 'sources');
export const REAL_FACTS = join(PACKAGE_ROOT, 'facts');
export const SHARED_SOURCES = defaultSourcesDir();
export const HAVE_SHARED_SOURCES = existsSync(SHARED_SOURCES);

let real: Knowledge | undefined;
/** The bundled fact base, loaded once per test file. */
export function realKnowledge(): Knowledge {
  real ??= new Knowledge(loadFactBaseStrict(REAL_FACTS));
  return real;
}

/** Asks the bundled fact base and returns the JSON answer a user of `--json` would get. */
export function askReal(q: string, today = { year: 2026, month: 11, day: 24 }): JsonAnswer {
  return toJson(ask(realKnowledge(), q, { today }));
}

/** The folded text of an answer, for "the user sees X" assertions. */
export function seen(a: JsonAnswer): string {
  return a.text.toLowerCase();
}

/** A log destination that keeps each JSON line, for asserting what the bot logged. */
export class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  }

  get records(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

/** The mini fact base as files in memory, with some replaced or added. */
export function miniFiles(changes: Record<string, string> = {}): Map<string, string> {
  const m = new Map(readdirSync(MINI_FACTS).map((n) => [n, readFileSync(join(MINI_FACTS, n), 'utf8')]));
  for (const [name, text] of Object.entries(changes)) m.set(name, text);
  return m;
}

/** The problems `validate` reports for the mini fact base with these files changed, as `file:line: field: problem`. */
export const miniIssues = (changes: Record<string, string>) => loadFactBase('', miniFiles(changes)).issues.map(formatIssue);

