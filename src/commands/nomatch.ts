/** "Not in the sources": say so plainly, and offer the closest names instead of an unrelated fact. */
import type { Answer, Intent } from '../answer/model.js';
import type { Entity } from '../facts/model.js';
import type { Knowledge } from '../knowledge.js';
import { key } from '../text/normalize.js';
import { echo } from '../text/echo.js';
import { GENERIC_WORDS } from '../search/entities.js';

/** Entity names close to the words of the question, best first. */
export function suggestNames(k: Knowledge, text: string, filter?: (e: Entity) => boolean, limit = 3): string[] {
  // A word of three letters is a typo away from too many names ("use" from USA and UAE).
  const words = key(text).split(' ').filter((w) => w.length >= 4 && !GENERIC_WORDS.has(w) && !/^\d+$/.test(w));
  const scored = new Map<string, number>();
  const probes = [words.join(' '), ...words];
  for (const probe of probes) {
    if (!probe) continue;
    for (const { entity, score } of k.entities.fuzzy(probe, 3, filter, 1)) {
      // Only close misses are offered (a name is taken at 0.35); looser ones share only a few
      // letters with the word ("official" and "officers").
      if (score > 0.3) continue;
      scored.set(entity.name, Math.min(scored.get(entity.name) ?? 1, score));
    }
  }
  return [...scored].sort((a, b) => a[1] - b[1]).slice(0, limit).map(([name]) => name);
}

export function noMatch(k: Knowledge, intent: Intent, text: string, what = 'that', filter?: (e: Entity) => boolean): Answer {
  const suggestions = suggestNames(k, text, filter);
  return {
    intent,
    title: `Nothing in the sources on ${echo(what)}.`,
    summary: 'The five source documents behind this bot do not cover it, so there is no quote to give.',
    facts: [],
    ...(suggestions.length ? { suggestions } : {}),
    footer: ['Try `help` for examples, or `sources` for the documents.'],
  };
}
