/**
 * "When is the next summit?": the sources are a few documents up to a year; they cannot know what
 * comes next. Rather than a fact that only shares the word "summit", say so, with no fact (there
 * is no quote about the future), and name the latest summit they record, and how to ask for it.
 */
import type { Answer } from '../answer/model.js';
import { compareStart, formatDate } from '../facts/dates.js';
import type { Knowledge } from '../knowledge.js';

const ASKS_AHEAD = /\b(next|upcoming|forthcoming|future|coming)\s+(sco\s+)?(summit|summits|meeting of heads of state)\b|\b(when|where) will\b.*\bsummit\b/i;

export function asksAboutNextSummit(text: string): boolean {
  return ASKS_AHEAD.test(text);
}

export function nextSummit(k: Knowledge): Answer {
  const summits = k.base.facts.filter((f) => f.kind === 'summit' && f.relation === 'held' && f.date);
  const latest = summits.sort((a, b) => compareStart(b.date!.start, a.date!.start))[0];
  const title = 'Nothing in the sources on summits still to come.';
  const summary = 'The five source documents behind this bot were written before it, so there is no quote to give.';
  if (!latest?.date) return { intent: 'lookup', title, summary, facts: [] };
  const where = latest.place ? ` in ${k.base.entityName(latest.place)}` : '';
  const when = formatDate(latest.date);
  return { intent: 'lookup', title, summary: `${summary} The latest summit they record was held${where} on ${when}: ask \`date ${when}\` for it.`, facts: [] };
}
