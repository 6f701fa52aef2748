/** Reading a claim as people write it in chat: who, did what, when, where, how many, and whether it is denied. */
import type { Entity } from '../facts/model.js';
import type { Status } from '../facts/schema.js';
import type { Knowledge } from '../knowledge.js';
import type { EntityMention } from '../search/entities.js';
import { findDates, type QueryDate, withoutDates } from '../understand/dates.js';
import { statusIn } from '../understand/route.js';
import { type Count, counts } from './numbers.js';

export interface Claim {
  text: string;
  negated: boolean;
  mentions: EntityMention[];
  /** What the claim is about: countries, bodies, treaties, exercises, people (not the SCO itself, not places). */
  subjects: Entity[];
  places: Entity[];
  /** Summits and other named events: "the Tashkent summit". */
  events: Entity[];
  dates: QueryDate[];
  counts: Count[];
  status?: Status;
  /** Fact relations the claim's verb stands for. */
  relations: string[];
  org: 'sco' | 'shanghai-five';
  /** Present tense ("Belarus is an observer"): judged as of the latest sources. */
  present: boolean;
  founding: boolean;
}

export const RELATION_CUES: [RegExp, string[]][] = [
  [/\b(signed|signing|sign|concluded|initialled)\b/i, ['signed']],
  [/\b(adopted|adopt|approved|approve|endorsed|passed)\b/i, ['adopted', 'approved', 'decided']],
  [/\b(founded|established|created|set up|formed|launched|started|starts|began|begun|opened|inaugurated|instituted)\b/i, ['founded', 'established', 'created', 'launched']],
  [/\b(held|hosted|host|took place|takes place|met|convened|conducted|staged|organi[sz]ed)\b/i, ['held', 'hosted']],
  [/\b(entered into force|came into force|comes into force|came into effect|in force|effective)\b/i, ['entered-into-force']],
  [/\b(ratified|ratify)\b/i, ['ratified']],
  [/\b(based|located|headquartered|seated|sits|seat|situated)\b/i, ['located-in']],
  [/\b(headed|heads|led|leads|chaired|chairs|secretary[- ]general|director)\b/i, ['headed-by']],
  [/\b(proposed|propose|suggested|initiated|put forward|called for|initiative)\b/i, ['proposed']],
  [/\b(meets|meet|convenes|sits)\b.*\b(year|annual|month|times|once|twice)\b|\b(annually|yearly)\b/i, ['meets']],
  [/\b(participated|took part|take part|joined the exercise|involved)\b/i, ['participated']],
  [/\b(gave|give|provided|allocated|granted|lent|loaned)\b/i, ['describes', 'decided']],
];

const MEMBER_PREDICATE = /\b(is|are|was|were|became|become|becomes|remains?)\s+(?:not\s+|never\s+|no longer\s+)?(?:now\s+)?(?:an?\s+)?(?:full\s+)?(?:(?:sco|shos)\s+)?member[- ]states?\b/i;
const NEGATION = /\b(not|never|no longer|didn'?t|doesn'?t|don'?t|wasn'?t|weren'?t|isn'?t|aren'?t|hasn'?t|haven'?t|neither|nor)\b/i;
const PRESENT = /\b(is|are|has|have|remains|meets|heads|leads|sits)\b/i;

export function parseClaim(k: Knowledge, text: string): Claim {
  const mentions = k.entities.mentions(text);
  // A year inside a name is part of the name: "Peace Mission 2007", "Interaction-2003".
  const dates = findDates(text).filter((d) => !mentions.some((m) => m.entity.type !== 'place' && m.text.includes(d.text.toLowerCase())));
  const rest = withoutDates(text, dates);
  const entities = mentions.map((m) => m.entity);
  const events = entities.filter((e) => e.type === 'event');
  const places = entities.filter((e) => e.type === 'place');
  const subjects = entities.filter((e) => !['place', 'event'].includes(e.type) && e.id !== 'sco' && e.id !== 'shanghai-five');
  // Counts come from the words that are not names ("Tianshan-2-2011" is a name, not a count of 2).
  // Each name is taken out where it stands, so "five" in "the Shanghai Five" goes but "five countries" stays.
  const nameless = mentions.reduce((t, m) => t.replace(new RegExp(`\\b${m.text.split(' ').join('[^a-z0-9]+')}\\b`, 'i'), ' '), rest);
  // "SCO member states signed..." names who acted, not a status; "Mongolia is a member state" claims one.
  const status = MEMBER_PREDICATE.test(text) ? 'member' : statusIn(text.replace(/\bmember states?\b/gi, '').replace(/\bmembers? of\b/gi, 'member of'));
  const relations = RELATION_CUES.filter(([re]) => re.test(text)).flatMap(([, r]) => r);
  return {
    text,
    negated: NEGATION.test(text),
    mentions,
    subjects,
    places,
    events,
    dates,
    counts: counts(nameless),
    ...(status ? { status } : {}),
    relations,
    org: entities.some((e) => e.id === 'shanghai-five') ? 'shanghai-five' : 'sco',
    present: PRESENT.test(text) && !/\b(was|were|became|joined|had)\b/i.test(text),
    founding: /\bfound(ing|er|ers)\b|\boriginal\b|\bfrom the start\b/i.test(text),
  };
}

const CLAUSE_VERB = /\b(is|are|was|were|has|have|had|joined|became|signed|adopted|founded|established|created|held|hosted|met|meets|took place|entered|launched|proposed|approved|started|located|based|headed|conducted|participated)\b/i;

/**
 * Splits "X joined in 2017 and Y became an observer in 2005" into claims to judge one by one.
 * A later part that leaves its verb out takes the first part's: "Kazakhstan joined in 2001 and
 * India in 2015" is "India joined in 2015"; "India became an observer in 2005 and a member in
 * 2017" is "India became a member in 2017". Otherwise a part without a verb is not a claim of its
 * own ("India and Pakistan joined in 2017"), and the text is judged whole.
 */
export function splitClaims(text: string): string[] {
  const parts: string[] = [];
  let names = '';
  for (const p of text.split(/\s*;\s*|,?\s+(?:and|but|while|whereas)\s+(?=(?:the\s+)?[A-Za-z])/)) {
    // A bare name belongs with the next part: "India and Pakistan in 2017".
    if (!CLAUSE_VERB.test(p) && !findDates(p).length) names += `${p} and `;
    else {
      parts.push(names + p);
      names = '';
    }
  }
  if (names || parts.length < 2) return [text];
  const first = parts[0]!;
  const claims = parts.map((p, i) => (i > 0 && !CLAUSE_VERB.test(p) ? withVerbOf(first, p) : p));
  if (!claims.every((p) => p !== undefined && CLAUSE_VERB.test(p) && p.split(/\s+/).length >= 3)) return [text];
  return claims as string[];
}

/** "India in 2015" after "Kazakhstan joined in 2001": "India joined in 2015"; undefined if it is not that. */
function withVerbOf(first: string, gapped: string): string | undefined {
  const verb = CLAUSE_VERB.exec(first);
  const firstDates = findDates(first);
  const gappedDates = findDates(gapped);
  if (!verb || verb.index === 0 || firstDates.length !== 1 || gappedDates.length !== 1) return undefined;
  const was = firstDates[0]!;
  const is = gappedDates[0]!;
  const named = gapped.slice(0, is.index).replace(/[\s,]*\b(in|on|at|by|from)?\s*$/i, '').trim();
  const after = gapped.slice(is.index + is.text.length).trim();
  if (!named || after) return undefined;
  const subject = first.slice(0, verb.index).trim();
  // A status in place of a name: the same subject, a later step ("... and a member in 2017").
  if (statusIn(named)) return `${subject} became ${named} ${gapped.slice(named.length).trim()}`;
  return `${named} ${first.slice(verb.index).replace(was.text, is.text)}`;
}
