/**
 * Any other question about a fact ("what is RATS?", "who approves the SCO budget?"):
 * full-text search, gated so that only facts that answer most of the question come back.
 */
import { answerFact } from '../answer/cite.js';
import type { Answer, Intent } from '../answer/model.js';
import { rankFacts } from '../search/rank.js';
import { coversYear } from '../facts/dates.js';
import type { Entity, Fact } from '../facts/model.js';
import type { Knowledge } from '../knowledge.js';
import type { FactHit } from '../search/facts.js';
import type { EntityMention } from '../search/entities.js';
import { key } from '../text/normalize.js';
import { terms } from '../text/terms.js';
import type { QueryDate } from '../understand/dates.js';
import { type CommandContext, MAX_FACTS } from './context.js';
import { noMatch } from './nomatch.js';
import { asksAboutNextSummit, nextSummit } from './upcoming.js';

/** Facts that say what a thing is, for "what is X?" */
const DEFINING = new Set(['describes', 'established', 'founded', 'created', 'located-in', 'headed-by']);

/** True when the question names the entity and asks nothing else about it: "what is RATS?", "kazakstan". */
export function onlyNames(text: string, mentions: EntityMention[]): boolean {
  if (!mentions.length) return false;
  const tokens = key(text).split(' ');
  const rest = tokens.filter((_, i) => !mentions.some((m) => i >= m.start && i < m.end)).join(' ');
  return terms(rest).filter((t) => !['describ', 'mean', 'explain'].includes(t)).length === 0;
}

/** Facts about one entity, the ones that define it first. */
export function aboutEntity(k: Knowledge, entity: Entity): Fact[] {
  const facts = k.base.factsAbout(entity.id);
  const rank = (f: Fact) => (f.about[0] === entity.id ? 0 : 2) + (f.relation && DEFINING.has(f.relation) ? 0 : 1);
  return [...facts].sort((a, b) => rank(a) - rank(b));
}

export function answerFacts(k: Knowledge, intent: Intent, title: string, facts: Fact[], extra: Partial<Answer> = {}): Answer {
  const shown = facts.slice(0, MAX_FACTS);
  const more = facts.length - shown.length;
  return {
    intent,
    title,
    facts: shown.map((f) => answerFact(k.base, f)),
    ...extra,
    ...(more > 0 ? { footer: [...(extra.footer ?? []), `…and ${more} more. Add a year or a name to narrow the question.`] } : {}),
  };
}

export function lookup(ctx: CommandContext): Answer {
  const { k, route } = ctx;
  const text = route.query;
  if (!text.trim()) return noMatch(k, 'lookup', text);
  if (asksAboutNextSummit(text)) return nextSummit(k);
  const mentions = k.entities.mentions(text);
  if (onlyNames(text, mentions) && mentions.length === 1) {
    const entity = mentions[0]!.entity;
    const facts = aboutEntity(k, entity);
    if (facts.length) return answerFacts(k, 'lookup', entity.name, facts);
  }
  const hits = rankFacts(k, text, route.dates, mentions);
  if (!hits.length) return noMatch(k, 'lookup', text);
  return answerFacts(k, 'lookup', titleFor(text), hits.map((h) => h.fact));
}

/** The question as a heading, tidied: "Who approves the SCO budget?" */
export function titleFor(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  const short = t.length > 120 ? `${t.slice(0, 117)}…` : t;
  return short.charAt(0).toUpperCase() + short.slice(1);
}
