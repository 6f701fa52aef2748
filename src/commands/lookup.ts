/**
 * Any other question about a fact ("what is RATS?", "who approves the SCO budget?"):
 * full-text search, gated so that only facts that answer most of the question come back.
 */
import { answerFactsOf } from '../answer/cite.js';
import { ANSWER_LIMITS } from '../answer/limits.js';
import { answerLine } from '../answer/line.js';
import type { Answer, Intent } from '../answer/model.js';
import { rankFacts } from '../search/rank.js';
import { coversYear } from '../facts/dates.js';
import type { Entity, Fact } from '../facts/model.js';
import type { Knowledge } from '../knowledge.js';
import type { FactHit } from '../search/facts.js';
import type { EntityMention } from '../search/entities.js';
import { key } from '../text/normalize.js';
import { terms } from '../text/terms.js';
import { echo } from '../text/echo.js';
import type { QueryDate } from '../understand/dates.js';
import type { CommandContext } from './context.js';
import { noMatch } from './nomatch.js';
import { asksAboutNextSummit, nextSummit } from './upcoming.js';
import { isOrg } from '../facts/membership.js';
import { familyOf } from '../check/frames.js';
import { type Focus, fitRank, focusOf } from '../understand/focus.js';

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

/**
 * An answer made of facts, best first: each fact once with its quotes (cite.ts), and the line
 * that answers from the top fact unless the command gives its own summary. The layout step
 * shows a page of them and counts the rest.
 */
export function answerFacts(k: Knowledge, intent: Intent, title: string, facts: Fact[], extra: Partial<Answer> = {}, question?: string): Answer {
  const carried = facts.slice(0, ANSWER_LIMITS.factsCarried);
  const line = extra.summary === undefined ? answerLine(k.base, carried[0]) : undefined;
  const asked = new Set(terms(question ?? ''));
  // Each fact's quotes, the ones that say most of what was asked first.
  const said = (quote: string) => quoteTerms(quote).filter((t) => asked.has(t)).length;
  const shown = answerFactsOf(k.base, carried).map((f) => (asked.size ? { ...f, quotes: stableSort(f.quotes, (q) => -said(q.quote)) } : f));
  return {
    intent,
    title,
    facts: shown,
    ...(line ? { summary: line } : {}),
    ...extra,
  };
}

export function lookup(ctx: CommandContext): Answer {
  const { k, route } = ctx;
  const text = route.query;
  if (!text.trim()) return noMatch(k, 'lookup', text);
  if (asksAboutNextSummit(text)) return nextSummit(k);
  const mentions = k.entities.mentions(text);
  const focus = focusOf(k, text, route.dates, mentions);
  const byFit = (facts: Fact[]) => stableSort(facts, (f) => fitRank(f, focus));
  const subject = focus.entities[0];
  if (subject) {
    const own = factsOfFocus(k, focus);
    if (!focus.aspect.length) {
      // "who heads NATO?": a relation asked of the subject that none of its facts has is not in the sources.
      if (focus.family && !own.some((f) => familyOf(f.relation) === focus.family)) return noMatch(k, 'lookup', text, `the ${focus.family} of ${subject.name}`);
      // "what is RATS?", "date of the Tashkent summit": the subject's facts, those that fit the role first.
      const ownSet = new Set(own);
      if (own.length) return answerFacts(k, 'lookup', subject.name, byFit(aboutEntity(k, subject).filter((f) => ownSet.has(f))), {}, text);
    } else {
      // "how long is Kazakhstan's border": the subject's facts that speak of the aspect. Two things
      // named narrow it enough by themselves ("what does Cooley say RATS keeps"); one thing with an
      // aspect no fact of it speaks of ("the population of India") is not in the sources.
      // Facts that name every thing asked about come before facts that name some of them.
      const together = focus.entities.length > 1 ? own.filter((f) => focus.entities.every((e) => f.about.includes(e.id))) : [];
      const speaking = (facts: readonly Fact[]) => rankFacts(k, text, route.dates, mentions, { within: facts, minCoverage: 0 }).filter((h) => h.matched.some((t) => focus.aspect.includes(t)));
      const inAll = together.length ? speaking(together) : [];
      const hits = inAll.length ? inAll : speaking(focus.entities.flatMap((e) => k.base.factsAbout(e.id)));
      // The facts that speak of more of the aspect first ("exercise on agriculture" over another
      // exercise); among those, the ones that fit the role asked.
      const spoken = (h: (typeof hits)[number]) => h.matched.filter((t) => focus.aspect.includes(t)).length;
      if (hits.length) return answerFacts(k, 'lookup', titleFor(text), stableSort(hits, (h) => -spoken(h) * 16 + fitRank(h.fact, focus)).map((h) => h.fact), {}, text);
      if (together.length) return answerFacts(k, 'lookup', titleFor(text), byFit(together), {}, text);
      return noMatch(k, 'lookup', text, `${focus.aspect.join(' ')} of ${subject.name}`);
    }
  }
  // A question that names nothing but the SCO is about the SCO: facts about another thing alone
  // (a country's minorities, a scholar's sources) share its words, not its subject.
  // And a fact answers when what it says (its statement, tags, names) speaks of the question's
  // aspect; a word met only in a quote's aside ("research in multiple languages") does not.
  const hits = rankFacts(k, text, route.dates, mentions).filter(
    (h) => (focus.entities.length || h.fact.about.some((id) => isOrg(id) || k.base.entity(id)?.type === 'body')) && speaksOf(k, h.fact, h.matched.filter((t) => focus.aspect.includes(t)), focus),
  );
  if (!hits.length) return noMatch(k, 'lookup', text);
  return answerFacts(k, 'lookup', titleFor(text), byFit(hits.map((h) => h.fact)), {}, text);
}

function speaksOf(k: Knowledge, fact: Fact, matched: string[], focus: Focus): boolean {
  if (!focus.aspect.length) return true;
  const own = new Set(terms([fact.statement, ...fact.tags, ...fact.about.map((id) => k.base.entityName(id))].join(' ')));
  return matched.some((t) => own.has(t));
}

/** A quote's search terms, once per quote (bounded): answers order the same quotes again and again. */
const termsOfQuote = new Map<string, string[]>();
function quoteTerms(quote: string): string[] {
  let t = termsOfQuote.get(quote);
  if (!t) {
    t = [...new Set(terms(quote))];
    if (termsOfQuote.size >= 50_000) termsOfQuote.clear();
    termsOfQuote.set(quote, t);
  }
  return t;
}

/** Facts about every thing the question names, or, when none is about all of them, about the first. */
function factsOfFocus(k: Knowledge, focus: Focus): Fact[] {
  const [first, ...others] = focus.entities;
  const own = k.base.factsAbout(first!.id);
  const together = own.filter((f) => others.every((e) => f.about.includes(e.id)));
  return [...(together.length ? together : own)];
}

/** Sorted by a rank, ties kept in their order (the search's). */
function stableSort<T>(items: T[], rank: (item: T) => number): T[] {
  return items.map((item, i) => ({ item, i, r: rank(item) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.item);
}

/** The question as a heading, tidied: "Who approves the SCO budget?" */
export function titleFor(text: string): string {
  const t = echo(text.trim().replace(/\s+/g, ' '));
  const short = t.length > 120 ? `${t.slice(0, 117)}…` : t;
  return short.charAt(0).toUpperCase() + short.slice(1);
}
