/**
 * What a question is about, before any ranking: the things it names (not the SCO itself,
 * which every question is about), the role it asks for (a place, a date, who, how many, what
 * something is), the relation its verb names ("founded", "signed"), and the rest of its words
 * (the aspect: "border", "budget"). An answer keeps to facts about that focus; a focus the
 * fact base has no fact for gets "nothing in the sources", not facts that share a word.
 */
import { familyOf, FAMILY_CUES } from '../check/frames.js';
import type { Entity, Fact } from '../facts/model.js';
import { isOrg } from '../facts/membership.js';
import { summitOf } from '../facts/summits.js';
import type { Knowledge } from '../knowledge.js';
import type { EntityMention } from '../search/entities.js';
import { key } from '../text/normalize.js';
import { terms } from '../text/terms.js';
import type { QueryDate } from './dates.js';

export type Role = 'place' | 'date' | 'agent' | 'count' | 'definition' | 'view' | 'rights';

/** Cues for the role a question asks for; the first that matches wins. */
export const ROLE_CUES: readonly { role: Role; re: RegExp; reason: string }[] = [
  { role: 'rights', re: /\bwhat (can|may|could|cannot|can't)\b|\b(rights?|powers?|allowed|entitled|permitted|prerogatives?)\b/i, reason: 'asks what someone may or may not do: facts stating rights and limits answer' },
  { role: 'view', re: /\b(think|thinks|thought|call(s|ed)?|says?|said|describe[sd]?|view(s|ed)?|opinion|consider(s|ed)?|assess(es|ed|ment)?|characteri[sz]e[sd]?)\b/i, reason: 'asks what someone says of a thing: facts that describe a view answer' },
  { role: 'definition', re: /^\s*what (is|are|was|were) (the )?[a-z' -]+\??$|\bstand(s)? for\b|\bmeaning of\b|\bwhat does .* mean\b|\bdefin(e|ition)\b/i, reason: 'asks what a thing is: facts that describe it answer' },
  { role: 'place', re: /\bwhere\b|\bvenue\b|\b(which|what) (city|country|place|town)\b|\bhost(ed|s)?\b|\blocation\b|\bheadquarter(s|ed)\b|\bbased\b/i, reason: 'asks for a place: facts that give one answer' },
  { role: 'date', re: /\bwhen\b|\b(what|which) (year|date|day|month)\b|\bsince when\b|\bdate of\b|\bhow long ago\b/i, reason: 'asks for a date: dated facts answer' },
  { role: 'count', re: /\bhow (many|much)\b|\bnumber of\b|\bcapacity\b|\bhow (long|big|large)\b/i, reason: 'asks for a number: facts with a value answer' },
  { role: 'agent', re: /^\s*(who|whom|by whom|which (countr(y|ies)|states?|leaders?))\b/i, reason: 'asks who did it: facts naming the actor answer' },
];

/** Words that steer a question but say nothing about its aspect: question words, role words. */
const STEERING = new Set(terms('who whom whose what when where which why how many much number year date day month venue city place town host hosted hosts location since long ago mean meaning stand define definition describe explain key main important list name sco details info information about think thought call called say says said view views opinion consider considered assess assessment characterise characterize paper article book work meant supposed according right rights power powers allowed entitled permitted'));

export interface Focus {
  /** The things the question is about, most specific first: not the SCO itself unless it names nothing else. */
  entities: Entity[];
  role?: Role;
  /** The relation family the question's words name: "founded", "signed". */
  family?: string;
  /** The question's other search terms: what about the focus it asks. */
  aspect: string[];
}

export function focusOf(k: Knowledge, text: string, dates: QueryDate[], mentions: EntityMention[]): Focus {
  const named = mentions.map((m) => m.entity).filter((e) => !isOrg(e.id));
  // "the 2005 summit": a summit named by its year is that year's summit.
  const years = [...new Set(dates.filter((d) => !d.monthDayOnly).map((d) => d.start.year))];
  if (!named.some((e) => e.type === 'event') && /\bsummits?\b/i.test(text) && years.length === 1) {
    const summit = summitOf(k, years[0]!, /shanghai (five|5)/i.test(text) ? 'shanghai-five' : 'sco');
    if (summit) named.unshift(summit);
  }
  const role = ROLE_CUES.find((c) => c.re.test(text))?.role;
  const tokens = key(text).split(' ');
  const rest = tokens.filter((_, i) => !mentions.some((m) => i >= m.start && i < m.end)).join(' ');
  // The relation is read outside the names: "Council of Heads of State" asks about no leadership.
  const family = FAMILY_CUES.find((c) => c.re.test(rest))?.family;
  const familyWords = family ? new Set(terms(rest.match(FAMILY_CUES.find((c) => c.family === family)!.re)?.[0] ?? '')) : new Set<string>();
  const aspect = terms(rest).filter((t) => !STEERING.has(t) && !familyWords.has(t) && !/^\d+$/.test(t) && !/summit/.test(t));
  return { entities: named, ...(role ? { role } : {}), ...(family ? { family } : {}), aspect };
}

/** What a statement of rights and limits says. */
const RIGHTS_WORDS = /\b(rights?|may|entitled|allowed|permitted|vote|voting|powers?|cannot|without)\b/i;

/** How well a fact fits the focus's role and relation: 0 is best. */
export function fitRank(fact: Fact, focus: Focus): number {
  let rank = 0;
  if (focus.family && familyOf(fact.relation) !== focus.family) rank += 2;
  if (focus.role === 'place' && !fact.place) rank += 1;
  if (focus.role === 'date' && !fact.date) rank += 1;
  if (focus.role === 'count' && fact.value === undefined && fact.kind !== 'statistic') rank += 1;
  if (focus.role === 'rights' && !RIGHTS_WORDS.test(fact.statement)) rank += 1;
  if (focus.role === 'view' && fact.relation !== 'describes') rank += 1;
  if (focus.role === 'definition' && fact.relation !== 'describes' && fact.relation !== 'established' && fact.relation !== 'founded') rank += 1;
  const subject = focus.entities[0];
  if (subject && fact.about[0] !== subject.id) rank += 1;
  return rank;
}
