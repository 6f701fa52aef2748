/**
 * Reading a claim as people write it in chat: what relation it asserts, and which name
 * fills which role (a country after "in" is a place; after "with" it took part; after
 * "by" it acted), the dates at the precision typed, counts with their unit, and a
 * negation only where it governs the claim's own verb.
 */
import type { Entity } from '../facts/model.js';
import type { Status } from '../facts/schema.js';
import type { Knowledge } from '../knowledge.js';
import type { EntityMention } from '../search/entities.js';
import { key } from '../text/normalize.js';
import { findDates, type QueryDate, withoutDates } from '../understand/dates.js';
import { statusIn } from '../understand/route.js';
import { isOrg } from '../facts/membership.js';
import { cityOfSeveral, summitOf, summits } from '../facts/summits.js';
import { FAMILY_CUES, FRAME_VERBS, FRAMES } from './frames.js';
import { type Count, counts } from './numbers.js';

export type Role = 'subject' | 'place' | 'participant' | 'agent';

export interface Claim {
  /** The claim as judged: a correction's rejected value ("…, not 2015") taken out. */
  text: string;
  negated: boolean;
  mentions: EntityMention[];
  /** What the claim is about: countries, bodies, treaties, exercises, people (not the SCO itself when something else is named). */
  subjects: Entity[];
  /** Where it happened: cities, ranges, and countries in a place role ("held in Kazakhstan"). */
  places: Entity[];
  /** Who took part ("with Russia", "from five countries"): many-valued, never a place. */
  participants: Entity[];
  /** Who acted on a document or idea ("initiated by China"). */
  agents: Entity[];
  /** Summits and other named events: "the Tashkent summit". */
  events: Entity[];
  dates: QueryDate[];
  counts: Count[];
  status?: Status;
  /** Relation families the claim's words express (frames.ts), in table order. */
  families: string[];
  /** Families whose facts also state what the claim states (a count of participants is in the fact of the exercise). */
  alsoIn: string[];
  /** The organisation a status is claimed in: the SCO, the Shanghai Five or another one ("joined the WTO"). */
  org: 'sco' | 'shanghai-five' | 'other';
  /** Another organisation the claim names as what was joined or what it is about. */
  otherOrgs: Entity[];
  /** Names given a year that is not in the name ("Peace Mission 2014"): an instance the base may not hold. */
  instances: { entity: Entity; date: QueryDate }[];
  /** Present tense ("Belarus is an observer"): judged as of the latest sources. */
  present: boolean;
  founding: boolean;
}

/**
 * The words before a name that give it its role, with why. Read on folded words; the longest cue
 * that ends just before the name wins. A list continues the role ("from Kazakhstan, China and Russia").
 */
export const ROLE_CUES: readonly { words: string; role: Role; reason: string }[] = [
  { words: 'in', role: 'place', reason: '"held in Kazakhstan": a country after "in" is where it happened' },
  { words: 'at', role: 'place', reason: '"signed at Astana"' },
  { words: 'near', role: 'place', reason: '"near Nurek"' },
  { words: 'hosted by', role: 'place', reason: 'the host is the place' },
  { words: 'territory of', role: 'place', reason: '"on the territory of Tajikistan"' },
  { words: 'city of', role: 'place', reason: '"in the city of Kashgar"' },
  { words: 'based in', role: 'place', reason: 'a seat' },
  { words: 'from', role: 'participant', reason: '"troops from five countries" took part; "moved from Bishkek" is rare in claims' },
  { words: 'with', role: 'participant', reason: '"together with India", "with Russia": others who took part' },
  { words: 'involving', role: 'participant', reason: '"involving Kazakhstan"' },
  { words: 'including', role: 'participant', reason: '"including China"' },
  { words: 'among', role: 'participant', reason: '"among the participants"' },
  { words: 'by', role: 'agent', reason: '"initiated by China", "signed by Russia": who acted' },
];

/** Things done once, and those who act on them (an event is an occasion: who is named at it stays the subject). */
const THINGS = new Set(['treaty', 'exercise']);
export const ACTOR_TYPES: ReadonlySet<string> = new Set(['country', 'body', 'person', 'organisation']);
/** Who "by" makes an agent: "signed by Russia", "initiated by Putin" (a body after "by" stays a subject). */
const AGENT_TYPES: ReadonlySet<string> = new Set(['country', 'person', 'organisation']);
/** Who only ever acts: a country or a person is never the thing proposed or held. */
const ACTORS_ONLY = new Set(['country', 'person']);

/** Verbs after a country that make it the place: "Kazakhstan hosted the exercise". */
const HOST_AFTER = /^(?:\s*(?:has|had|have|was|were|once|also|then|first))*\s*(?:host|hosts|hosted|hosting)\b/;

const STATUS_PREDICATE =
  /\b(?:became|become|becomes|becoming|is|are|was|were|been|be|as|got|gets|gained|granted|received|obtained|remains?|remained|made|admitted|accepted|applied|applies|apply|application|bid|requested|sought)\s+(?:\w+\s+){0,3}?(?:members?|member[- ]states?|observers?|dialogue partners?|partners?|applicants?|membership|observer status|status)\b|\b(?:member|observer|partner|membership) status\b|\bmembers? (?:of|in|since)\b/i;
export const NEGATION = /\b(not|never|no longer|didn'?t|doesn'?t|don'?t|wasn'?t|weren'?t|isn'?t|aren'?t|hasn'?t|haven'?t|hadn'?t|neither|nor|failed to|refused to)\b/i;
const PRESENT = /\b(is|are|has|have|remains|meets|heads|leads|sits)\b/i;
const MEMBER_PREDICATE = /\b(is|are|was|were|became|become|becomes|remains?)\s+(?:not\s+|never\s+|no longer\s+)?(?:now\s+)?(?:an?\s+)?(?:full\s+)?(?:(?:sco|shos)\s+)?member[- ]states?\b/i;

/**
 * Phrases whose "not" does not deny the claim: "not only … but also", and a correction that
 * rejects another value ("in 2017, not 2015"; "in Tashkent and not in Bishkek"). The rejected value
 * is taken out, so the claim is what remains.
 */
function withoutFalseNegations(text: string): string {
  const t = text
    .replace(/\bnot only\b/gi, ' ')
    .replace(/\bbut also\b/gi, 'and')
    // "Pakistan didn't join until 2018" claims it joined in 2018.
    .replace(/\b(?:didn'?t|did not|wasn'?t|was not|weren'?t|were not)\s+(\w+)\s+(?:\w+\s+){0,3}?until\b/gi, (m, verb: string) => m.replace(/\b(?:didn'?t|did not|wasn'?t|was not|weren'?t|were not)\s+/i, verb.endsWith('ed') ? '' : 'did ').replace(/\buntil\b/i, 'in'));
  return t
    .replace(/(,\s*|\s+(?:and|but)\s+|\s+)not\s+((?:in|on|at)\s+)?([^,.;!?]{1,40}?)\s*(?=[,.;!?]|$)/gi, (whole, before: string, _prep, value: string) => {
      // Only a bare value is a rejected alternative: "…, not 2015", "…, not in Bishkek"; "not held in Tashkent" denies.
      const bare = value.split(/\s+/).length <= 4 && !CLAUSE_VERB.test(value) && !/\b(?:force|effect|member|observer|partner|true|correct)\b/i.test(value);
      const corrects = /,|and|but/.test(before) || findDates(value).length > 0;
      return bare && corrects ? '' : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** A denial: a negation that governs the claim's verb, not one in a rejected alternative. */
function isDenial(text: string): boolean {
  return NEGATION.test(text);
}

/** "between 2001 and 2011", "2010-2011", "from 2004 to 2006": one span of years, not two claimed dates. */
function mergeSpans(text: string, dates: QueryDate[]): void {
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    if (a.start.month !== undefined || b.start.month !== undefined || a.monthDayOnly || b.monthDayOnly || b.start.year <= a.start.year) continue;
    const between = text.slice(a.index + a.text.length, b.index);
    if (!/^\s*(?:-|–|to|and|until|till|through)\s*$/i.test(between)) continue;
    dates.splice(i, 2, { start: a.start, end: b.start, text: text.slice(a.index, b.index + b.text.length), index: a.index });
  }
}

function roleOf(tokens: string[], m: EntityMention, previous: { m: EntityMention; role: Role } | undefined): Role | undefined {
  for (const cue of [...ROLE_CUES].sort((a, b) => b.words.length - a.words.length)) {
    const words = cue.words.split(' ');
    const at = m.start - words.length;
    if (at >= 0 && words.every((w, i) => tokens[at + i] === w)) return cue.role;
    // "in the Sughd region of Tajikistan", "from the armies of Kazakhstan": a cue a few words back, with only "the" and nouns between, is still the cue.
    const the = m.start - words.length - 1;
    if (the >= 0 && tokens[m.start - 1] === 'the' && words.every((w, i) => tokens[the + i] === w)) return cue.role;
  }
  // A list continues the role of its first name.
  if (previous && previous.role !== 'subject') {
    const between = tokens.slice(previous.m.end, m.start);
    if (between.length <= 1 && between.every((w) => w === 'and' || w === 'or')) return previous.role;
  }
  return undefined;
}

export function parseClaim(k: Knowledge, raw: string): Claim {
  const text = withoutFalseNegations(raw);
  const mentions = k.entities.mentions(text);
  // A year inside a name is part of the name: "Peace Mission 2007", "Interaction-2003" (but "Peace Mission 2021 was held in 2021" has a date too).
  const wordAt = (index: number) => key(text.slice(0, index)).split(' ').filter(Boolean).length;
  const dates = findDates(text).filter((d) => !mentions.some((m) => m.entity.type !== 'place' && wordAt(d.index) >= m.start && wordAt(d.index) < m.end));
  mergeSpans(text, dates);
  const rest = withoutDates(text, dates);
  const tokens = key(text).split(' ');
  const subjects: Entity[] = [];
  const places: Entity[] = [];
  const participants: Entity[] = [];
  const agents: Entity[] = [];
  const events: Entity[] = [];
  const otherOrgs: Entity[] = [];
  const unnamed: Entity[] = [];
  /** Events a city alias named but the claimed year replaces (undefined: no such event in the base). */
  const instead = new Map<string, Entity | undefined>();
  // "the SCO summit in 2009", "the 2005 summit": a summit named by its year is that year's summit.
  if (!mentions.some((m) => m.entity.type === 'event') && /\bsummits?\b/i.test(text)) {
    const years = dates.filter((d) => d.start.month === undefined && !d.end && !d.monthDayOnly).map((d) => d.start.year);
    const org = mentions.some((m) => m.entity.id === 'shanghai-five') ? 'shanghai-five' : 'sco';
    const summit = years.length === 1 ? summitOf(k, years[0]!, org) : undefined;
    if (summit) events.push(summit);
  }
  // "the Astana summit … in 2011": a summit named by its city alone is the one of the year the claim gives
  // (Astana hosted several); with no summit of that year in the base, it is not the one the alias names.
  const claimedYears = dates.filter((d) => !d.monthDayOnly).map((d) => d.start.year);
  for (const m of mentions) {
    const own = /\((\d{4})\)/.exec(m.entity.name)?.[1];
    if (m.entity.type !== 'event' || !own || /\d{4}/.test(m.text) || claimedYears.length !== 1 || claimedYears[0] === +own) continue;
    // Only where the city hosted several: "the Almaty summit" is the one of 1998, whatever year is claimed.
    const city = cityOfSeveral(k, m.entity);
    if (!city) continue;
    const org = /shanghai five/i.test(m.entity.name) ? 'shanghai-five' : 'sco';
    const that = summitOf(k, claimedYears[0]!, org);
    instead.set(m.entity.id, that && summits(k).byPlace.get(city)?.has(that) ? that : undefined);
  }
  let previous: { m: EntityMention; role: Role } | undefined;
  for (const m of mentions) {
    const e = m.entity;
    let role: Role = roleOf(tokens, m, previous) ?? 'subject';
    if (e.type === 'event') {
      const replaced = instead.has(e.id) ? instead.get(e.id) : e;
      events.push(replaced ?? e);
      if (!replaced) unnamed.push(e);
    } else if (e.type === 'place') places.push(e), (role = 'place');
    else if (isOrg(e.id)) subjects.push(e), (role = 'subject');
    else if (role === 'place' && e.type === 'country') places.push(e);
    else if (role === 'participant' && e.type === 'country') participants.push(e);
    else if (role === 'agent' && AGENT_TYPES.has(e.type)) agents.push(e);
    else if (e.type === 'country' && HOST_AFTER.test(tokens.slice(m.end).join(' '))) places.push(e), (role = 'place');
    else subjects.push(e), (role = 'subject');
    if (e.type === 'organisation' && !isOrg(e.id)) otherOrgs.push(e);
    previous = { m, role };
  }
  // With a treaty, exercise or event named, the countries, bodies and people beside it acted on it:
  // "SCO heads of state signed the convention", "China and Russia hosted Peace Mission 2007".
  // Likewise "China proposed the Energy Agency": beside a thing of the kind the claimed relation does once, who is named acted on it.
  const cues = FAMILY_CUES.filter((c) => c.re.test(text));
  const families = cues.map((c) => c.family);
  const once = new Set(FRAMES.filter((f) => families.includes(f.family)).flatMap((f) => f.once));
  const thing = subjects.some((e) => THINGS.has(e.type) || (once.has(e.type) && !ACTORS_ONLY.has(e.type)));
  // "Uzbekistan was a founding member": a status said of a country keeps the country the subject.
  if (thing && !STATUS_PREDICATE.test(text) && !MEMBER_PREDICATE.test(text)) {
    for (const e of subjects.filter((x) => ACTOR_TYPES.has(x.type) && !isOrg(x.id) && (THINGS.has(x.type) || !once.has(x.type) || ACTORS_ONLY.has(x.type)))) {
      subjects.splice(subjects.indexOf(e), 1);
      agents.push(e);
    }
  }
  const named = subjects.filter((e) => !isOrg(e.id));
  const yearDate = dates.find((d) => !d.monthDayOnly);
  const instances = [...unnamed.map((entity) => ({ entity, date: yearDate! })), ...mentions.flatMap((m) => {
    if (m.entity.type === 'place' || m.entity.type === 'country' || /\d{4}/.test(m.entity.name)) return [];
    const next = dates.find((d) => d.index >= 0 && wordAt(d.index) === m.end && !d.monthDayOnly);
    return next ? [{ entity: m.entity, date: next }] : [];
  })];
  // Counts come from the words that are not names ("Tianshan-2-2011" is a name, not a count of 2).
  // Each name is taken out where it stands, so "five" in "the Shanghai Five" goes but "five countries" stays.
  const nameless = mentions.reduce((t, m) => t.replace(new RegExp(`\\b${m.text.split(' ').join('[^a-z0-9]+')}\\b`, 'i'), ' '), rest);
  // "SCO member states signed..." names who acted, not a status; "Mongolia is a member state" claims one.
  // A status is claimed when it is said of someone ("became an observer", "is a member of"), not when a group is named ("the other SCO members").
  const founding = /\bfound(ing|er|ers)\b|\boriginal\b|\bfrom the start\b/i.test(text);
  // "one of the SCO founders" claims membership from the start.
  const predicated = STATUS_PREDICATE.test(text) || families.includes('status') || (founding && !families.includes('creation'));
  const status = MEMBER_PREDICATE.test(text)
    ? 'member'
    : predicated
      ? (statusIn(text.replace(/\bmember states?\b/gi, '').replace(/\bmembers? of\b/gi, 'member of')) ?? 'member')
      : undefined;
  const alsoIn = [...new Set(cues.flatMap((c) => c.alsoIn))].filter((f) => !families.includes(f));
  const mentionsOrg = (id: string) => mentions.some((m) => m.entity.id === id);
  // Joining the WTO is not joining the SCO: a status in another organisation is judged as any other fact.
  const org = otherOrgs.some((o) => named.includes(o)) && !mentionsOrg('sco') ? 'other' : mentionsOrg('shanghai-five') ? 'shanghai-five' : 'sco';
  return {
    text,
    negated: isDenial(text),
    mentions,
    subjects: named.length ? named : subjects,
    places,
    participants,
    agents,
    events,
    dates,
    counts: counts(nameless),
    ...(status ? { status } : {}),
    families,
    alsoIn,
    org,
    otherOrgs,
    instances,
    present: PRESENT.test(text) && !/\b(was|were|became|joined|had)\b/i.test(text),
    founding,
  };
}

/** A verb that makes a part of a sentence a claim of its own. */
const CLAUSE_VERB = new RegExp(`\\b(?:is|are|was|were|has|have|had|became)\\b|${FRAME_VERBS.source}`, 'i');

/**
 * Splits "X joined in 2017 and Y became an observer in 2005" into claims to judge one by one.
 * A later part that leaves its verb out takes the first part's: "Kazakhstan joined in 2001 and
 * India in 2015" is "India joined in 2015"; "India became an observer in 2005 and a member in
 * 2017" is "India became a member in 2017". Otherwise a part without a verb is not a claim of its
 * own ("India and Pakistan joined in 2017"), and the text is judged whole.
 */
export function splitClaims(text: string, nameTexts: string[] = []): string[] {
  const clean = withoutFalseNegations(text);
  // "Treaty on Good-Neighbourliness, Friendship and Cooperation": an "and" inside a name joins no claims.
  if (nameTexts.some((n) => /\b(and|but|while|whereas)\b/.test(n))) return [clean];
  const parts: string[] = [];
  let names = '';
  for (const p of clean.split(/\s*;\s*|,?\s+(?:and|but|while|whereas)\s+(?=(?:the\s+)?[A-Za-z])/)) {
    // A bare name belongs with the next part: "India and Pakistan in 2017".
    if (!CLAUSE_VERB.test(p) && !findDates(p).length) names += `${p} and `;
    else {
      parts.push(names + p);
      names = '';
    }
  }
  if (names || parts.length < 2) return [clean];
  const first = parts[0]!;
  const claims = parts.map((p, i) => (i > 0 && !CLAUSE_VERB.test(p) ? withVerbOf(first, p) : p));
  if (!claims.every((p) => p !== undefined && CLAUSE_VERB.test(p) && p.split(/\s+/).length >= 3)) return [clean];
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
