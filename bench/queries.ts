/**
 * The bench's queries, drawn from a fact base with the answer each one intends known, so the bench
 * reports top-1 agreement beside latency, for the bot and for its peers alike:
 * - exact alias: a name or alias of an entity, alone or after `member`; hit: a fact about it;
 * - misspelled name: an entity's name with one or two real typos (keyboard neighbour, letter
 *   dropped, doubled or swapped, anywhere in the name, the first letter too), never an alias;
 * - free text: a question put together from one event fact's slots; hit: that fact (or one with
 *   the same kind, countries and topic);
 * - fact check: the generated claim suite (tests/check/suite.ts: every fact × phrasings × one slot
 *   changed); hit: the verdict the claim's frame implies (for a peer: the deciding fact first);
 * - on this day: a day and month some fact has; hit: a fact of that day;
 * - autocomplete: the shortest prefix of an alias that no other country's or treaty's alias
 *   starts with; hit: that entity first.
 * Each query is distinct, so no answer comes from the last query's cache.
 */
import { MONTHS } from '../src/facts/dates.js';
import type { Entity, Fact, FactBase } from '../src/facts/model.js';
import type { Verdict } from '../src/answer/model.js';
import type { Knowledge } from '../src/knowledge.js';
import { allowedEdits } from '../src/text/near.js';
import { key } from '../src/text/normalize.js';
import { generateClaims } from '../tests/check/suite.js';
import { typo } from '../tests/typos.js';
import { seeded } from '../tests/seeded.js';
import { EVENTS } from './generate.js';

/** Bases up to this size have claims drawn from every fact; larger ones from CLAIM_SAMPLE facts drawn at random. */
const CLAIMS_OF_EVERY_FACT_UP_TO = 200_000;
/** Facts the claims of a larger base come from: far more than the queries drawn from them. */
const CLAIM_SAMPLE = 20_000;

export const KINDS = ['exact alias', 'misspelled name', 'free text', 'fact check', 'on this day', 'autocomplete'] as const;
export type Kind = (typeof KINDS)[number];

export interface BenchQuery {
  text: string;
  /** Whether a fact is what the query asks for (the first fact shown is tested). */
  hits: (f: Fact) => boolean;
  /** For a claim: the verdict it should get. */
  verdict?: Verdict;
  /** For autocomplete: the name that should come first. */
  name?: string;
  /** For a misspelling: how many typos it has. */
  edits?: number;
  /** What the query intends, for a reader of the misses. */
  intended?: string;
}

/** Entities with facts about them, of the kinds people ask about by name. */
function askable(base: FactBase): Entity[] {
  return [...base.entities.values()].filter((e) => ['country', 'person', 'treaty', 'body'].includes(e.type) && base.factsAbout(e.id).length > 0);
}

export function benchQueries(k: Knowledge, perKind: number, seed = 11): Record<Kind, BenchQuery[]> {
  const base = k.base;
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const aliasKeys = new Set([...base.entities.values()].flatMap((e) => [e.name, ...e.aliases].map(key)));
  const named = askable(base);
  const about = (e: Entity) => (f: Fact) => f.about.includes(e.id);
  const distinct = (make: () => BenchQuery | undefined): BenchQuery[] => {
    const out = new Map<string, BenchQuery>();
    for (let tries = 0; out.size < perKind && tries < perKind * 50; tries++) {
      const q = make();
      if (q && !out.has(q.text)) out.set(q.text, q);
    }
    return [...out.values()];
  };
  const asAsked = (e: Entity, text: string) => (e.type === 'country' && rnd() < 0.5 ? `member ${text}` : text);

  const exact = distinct(() => {
    const e = pick(named);
    return { text: asAsked(e, pick([e.name, ...e.aliases])), hits: about(e) };
  });
  const misspelled = distinct(() => {
    const e = pick(named);
    // Two typos only where a name is long enough to still be told apart from others (near.ts).
    const edits = allowedEdits(key(e.name).replace(/ /g, '').length) >= 2 && rnd() < 0.5 ? 2 : 1;
    let text = e.name;
    for (let i = 0; i < edits; i++) text = typo(text, rnd);
    if (aliasKeys.has(key(text)) || key(text).length < 5) return undefined;
    return { text: asAsked(e, text), hits: about(e), edits, intended: e.name };
  });

  // Free text from generated events' slots; the real base's free text is measured by the eval sets.
  const events = base.facts.filter((f) => EVENTS.some((e) => e.kind === f.kind) && f.tags.length === 1 && f.about.length >= 3);
  const freeText = events.length
    ? distinct(() => {
        const f = pick(events);
        const [a, b] = f.about.filter((id) => base.entity(id)?.type === 'country').map((id) => base.entityName(id));
        const topic = f.tags[0]!;
        const same = (g: Fact) => g.kind === f.kind && g.tags[0] === topic && f.about.every((id) => g.about.includes(id) || base.entity(id)?.type === 'person');
        const asks: Record<string, string[]> = {
          meeting: [`when did ${a} and ${b} hold the ministers meeting on ${topic}?`, `${a} ${b} ministers meeting ${topic}`],
          event: [`where did ${a} launch the ${topic} programme with ${b}?`, `which programme on ${topic} did ${a} start with ${b}`],
          exercise: [`when was the joint exercise on ${topic} of ${a} and ${b}?`, `${a} and ${b} exercise on ${topic}`],
          statistic: [`what figures did ${a} report on ${topic} with ${b}?`, `${a} ${topic} figures with ${b}`],
        };
        return { text: pick(asks[f.kind]!), hits: same };
      })
    : [];

  // Claims of every fact, or of a seeded sample where every fact would take minutes (a million).
  const claimFacts = base.facts.length > CLAIMS_OF_EVERY_FACT_UP_TO ? Array.from({ length: CLAIM_SAMPLE }, () => pick(base.facts)) : base.facts;
  const claims = generateClaims(k, claimFacts).claims;
  const factCheck = distinct(() => {
    const c = pick(claims);
    return { text: /^check\b/i.test(c.text) ? c.text : `check ${c.text}`, hits: (f) => f.id === c.fact, verdict: c.expect };
  });

  const dated = base.facts.filter((f) => f.date?.start.day !== undefined);
  const onThisDay = distinct(() => {
    const { month, day } = pick(dated).date!.start;
    return { text: `onthisday ${day} ${MONTHS[month! - 1]}`, hits: (f) => f.date?.start.month === month && f.date?.start.day === day };
  });

  const completing = [...base.entities.values()].filter((e) => e.type === 'country' || e.type === 'treaty');
  const prefixes = completing.flatMap((e) => [e.name, ...e.aliases].map((a) => ({ e, k: key(a) })));
  prefixes.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
  const autocomplete = distinct(() => {
    const i = Math.floor(rnd() * prefixes.length);
    const { e, k: alias } = prefixes[i]!;
    // The shortest prefix no other entity's alias starts with: the aliases that start with it sit around this one.
    const shared = (n: number) => {
      const p = alias.slice(0, n);
      for (const step of [-1, 1]) for (let j = i + step; j >= 0 && j < prefixes.length && prefixes[j]!.k.startsWith(p); j += step) if (prefixes[j]!.e !== e) return true;
      return false;
    };
    let n = 3;
    while (n < alias.length && shared(n)) n++;
    if (shared(n)) return undefined;
    return { text: alias.slice(0, n), hits: about(e), name: e.name };
  });

  return { 'exact alias': exact, 'misspelled name': misspelled, 'free text': freeText, 'fact check': factCheck, 'on this day': onThisDay, autocomplete };
}
