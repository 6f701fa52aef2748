/** `factbot ask`: one question, or a batch file of them, answered as text or JSON. */
import { readFileSync } from 'node:fs';
import { ask, parseToday } from '../../src/ask.js';
import { toJson } from '../../src/answer/json.js';
import { renderText } from '../../src/answer/text.js';
import type { Today } from '../../src/commands/context.js';
import type { Knowledge } from '../../src/knowledge.js';

export function askOnce(k: Knowledge, question: string, json: boolean, today?: Today): string {
  const answer = ask(k, question, today ? { today } : {});
  return json ? JSON.stringify(toJson(answer)) : renderText(answer);
}

/** One answer line per input line, same order; a bad line gets an error line, never a gap. */
export function askBatch(k: Knowledge, file: string, today?: Today): string[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((line, i) => {
    let item: { q?: unknown; today?: unknown };
    try {
      item = JSON.parse(line);
    } catch {
      return JSON.stringify({ error: `${file}:${i + 1}: not JSON` });
    }
    if (typeof item.q !== 'string') return JSON.stringify({ error: `${file}:${i + 1}: "q" must be a string` });
    const day = typeof item.today === 'string' ? parseToday(item.today) : today;
    if (typeof item.today === 'string' && !day) return JSON.stringify({ error: `${file}:${i + 1}: "today" must be YYYY-MM-DD` });
    return askOnce(k, item.q, true, day);
  });
}
