/**
 * Judging one claim against the facts, by one set of rules (in the spirit of FEVER's strict scoring):
 * - supported: a fact about the same subject, of the same relation, agrees on every slot the claim states;
 * - contradicted: a fact about the same subject, of the same relation, gives another value on a slot
 *   that relation holds once for that subject (frames.ts); the reason names both values;
 * - disputed: the documents' versions split on a slot the claim states;
 * - unknown: anything else, with the closest facts labelled as not settling it.
 * Every supported or contradicted verdict then passes the evidence guard (evidence.ts).
 */
import type { Verdict } from '../answer/model.js';
import { compareStart, type DatePoint, type FactDate, formatDate, MONTHS } from '../facts/dates.js';
import type { Entity, Fact } from '../facts/model.js';
import type { Status } from '../facts/schema.js';
import type { Knowledge } from '../knowledge.js';
import type { FactHit } from '../search/facts.js';
import { rankFacts } from '../search/rank.js';
import { terms } from '../text/terms.js';
import { FOUNDED, isOrg, isSnapshot, LASTING, latestMembershipYear, membershipFacts, type Org, orgOf, standingsAsOf, STATUS_LABEL } from '../facts/membership.js';
import type { QueryDate } from '../understand/dates.js';
import { withoutDates } from '../understand/dates.js';
import { ACTOR_TYPES, type Claim, NEGATION } from './claim.js';
import { type Deciding, leadingQuotes } from './evidence.js';
import { FAMILY_CUES, familyOf, frameOf, FRAME_WORDS, type Slot } from './frames.js';
import { counts } from './numbers.js';
import { TUNING } from './tuning.js';

export interface Judgement {
  verdict: Verdict;
  /** One sentence: why. */
  reason: string;
  /** Facts whose quotes decide the verdict. */
  evidence: Fact[];
  /** The values the verdict turns on, for the evidence guard. */
  deciding?: Deciding[];
  /** For each evidence fact, the quote to show first: the one that states the deciding value. */
  leads?: Map<Fact, number>;
  /** For `unknown`: the closest facts, which do not settle the claim. */
  context?: Fact[];
}

type Result = 'match' | 'conflict' | 'split' | 'none';

interface Version {
  date?: FactDate;
  place?: string;
  value?: number | string;
}

function versions(fact: Fact): Version[] {
  return fact.sources.map((s) => ({
    ...(s.date ?? fact.date ? { date: (s.date ?? fact.date)! } : {}),
    ...(s.place ?? fact.place ? { place: (s.place ?? fact.place)! } : {}),
    ...(s.value ?? fact.value) !== undefined ? { value: (s.value ?? fact.value)! } : {},
  }));
}

/** Does a fact's date agree with the claimed one, at the precision both have? */
export function datesAgree(claimed: QueryDate, date: FactDate): boolean {
  const from = claimed.start;
  const to = claimed.end ?? claimed.start;
  const lo = date.start;
  const hi = date.end ?? date.start;
  // Compare at the coarser precision of the two; ranges agree when they overlap.
  const cut = (p: DatePoint, q: DatePoint): DatePoint => ({
    year: p.year,
    ...(p.month !== undefined && q.month !== undefined ? { month: p.month } : {}),
    ...(p.day !== undefined && q.day !== undefined && p.month !== undefined && q.month !== undefined ? { day: p.day } : {}),
  });
  return compareStart(cut(from, hi), cut(hi, from)) <= 0 && compareStart(cut(lo, to), cut(to, lo)) <= 0;
}

/** Do two facts' dates agree, at the precision both have? */
export function factDatesAgree(a: FactDate, b: FactDate): boolean {
  return datesAgree({ start: a.start, ...(a.end ? { end: a.end } : {}), text: '', index: 0 }, b);
}

function combine(results: (boolean | undefined)[]): Result {
  const known = results.filter((r): r is boolean => r !== undefined);
  if (!known.length) return 'none';
  if (known.every(Boolean)) return 'match';
  return known.some(Boolean) ? 'split' : 'conflict';
}

/** One slot of one claim compared with one fact. */
interface SlotResult {
  slot: Slot;
  result: Result;
  /** Stated by the claim itself (not filled in from a named summit): support needs it matched. */
  stated: boolean;
  /** The fact's value, for the reason and the guard. */
  theirs?: string;
  ours?: string;
  deciding?: Deciding;
  /** A country given as the place that only took part: "held in Kazakhstan, not Tajikistan; Kazakhstan took part". */
  tookPart?: string;
}

/** The claim's own dates, or the date of the summit it names when it gives none. */
function claimedDates(claim: Claim, event: EventSlots): { dates: QueryDate[]; stated: boolean } {
  const own = claim.dates.filter((d) => !d.monthDayOnly);
  return own.length ? { dates: own, stated: true } : { dates: event.dates, stated: false };
}

function dateSlot(claim: Claim, fact: Fact, event: EventSlots): SlotResult | undefined {
  const { dates, stated } = claimedDates(claim, event);
  if (!dates.length) return undefined;
  const dated = versions(fact).filter((v) => v.date);
  const result = combine(dated.map((v) => dates.every((c) => datesAgree(c, v.date!))));
  const other = dated.find((v) => !dates.every((c) => datesAgree(c, v.date!)))?.date;
  // The claimed date the reason names: the one that disagrees, where there are two ("the 2007 summit … in 2008").
  const want = (other && dates.find((c) => !datesAgree(c, other))) || dates[0]!;
  return {
    slot: 'date',
    result,
    stated,
    ours: want.text,
    ...(other ? { theirs: formatDate(other) } : {}),
    deciding:
      result === 'match'
        ? { slot: 'date', fact, start: want.start, ...(want.end ? { end: want.end } : {}) }
        : // The competing date, at the precision the claim was made in.
          { slot: 'date', fact, start: atPrecision(other?.start ?? fact.date?.start ?? want.start, want.start) },
  };
}

function atPrecision(p: DatePoint, like: DatePoint): DatePoint {
  return { year: p.year, ...(like.month !== undefined && p.month !== undefined ? { month: p.month } : {}), ...(like.day !== undefined && p.day !== undefined && like.month !== undefined ? { day: p.day } : {}) };
}

/** Is a claimed place the fact's place: the same, or a country the fact's place lies in? undefined: the fact cannot tell. */
function placeAgrees(k: Knowledge, claimed: string, theirs: string): boolean | undefined {
  if (claimed === theirs) return true;
  const their = k.base.entity(theirs);
  const our = k.base.entity(claimed);
  if (their?.in === claimed) return true;
  // The claim is more precise than the fact ("in Tashkent" where the fact says Uzbekistan), or names no place the base places.
  if (our?.in === theirs) return undefined;
  return false;
}

function placeSlot(k: Knowledge, claim: Claim, fact: Fact, event: EventSlots): SlotResult | undefined {
  const stated = claim.places.length > 0;
  const claimed = stated ? claim.places.map((p) => p.id) : event.places;
  if (!claimed.length) return undefined;
  const ours = claimed.map((id) => k.base.entityName(id)).join(', ');
  const tookPart = (theirs: string) => claimed.find((id) => id !== theirs && k.base.entity(id)?.type === 'country' && fact.about.includes(id) && k.base.entity(theirs)?.in !== id);
  const placed = versions(fact).filter((v) => v.place);
  if (placed.length) {
    const result = combine(placed.map((v) => claimed.map((c) => placeAgrees(k, c, v.place!)).find((r) => r !== undefined)));
    const other = placed.find((v) => claimed.every((c) => placeAgrees(k, c, v.place!) === false))?.place;
    const part = other ? tookPart(other) : undefined;
    return {
      slot: 'place',
      result,
      stated,
      ours,
      ...(other ? { theirs: k.base.entityName(other) } : {}),
      ...(part ? { tookPart: k.base.entityName(part) } : {}),
      deciding: { slot: 'place', fact, places: result === 'match' ? claimed.slice(0, 1) : [other ?? fact.place!] },
    };
  }
  // No place field: the places the statement names. Of several, the subject's own is the next one after it
  // ("the Secretariat in Beijing and the RATS Executive Committee in Tashkent").
  const mentions = k.entities.mentions(fact.statement);
  const named = mentions.filter((m) => m.entity.type === 'place').map((m) => m.entity.id);
  if (!named.length) return { slot: 'place', result: 'none', stated, ours };
  const subjects = new Set(claim.subjects.map((s) => s.id));
  const at = mentions.findIndex((m) => subjects.has(m.entity.id));
  const next = named.length === 1 ? named[0] : at >= 0 ? mentions.slice(at + 1).find((m) => m.entity.type === 'place')?.entity.id : undefined;
  if (!next) return { slot: 'place', result: 'none', stated, ours };
  const agrees = claimed.map((c) => placeAgrees(k, c, next)).find((r) => r !== undefined);
  if (agrees === undefined) return { slot: 'place', result: 'none', stated, ours };
  return {
    slot: 'place',
    result: agrees ? 'match' : 'conflict',
    stated,
    ours,
    theirs: k.base.entityName(next),
    deciding: { slot: 'place', fact, places: agrees ? claimed.slice(0, 1) : [next] },
  };
}


function countSlot(claim: Claim, fact: Fact): SlotResult | undefined {
  if (!claim.counts.length) return undefined;
  // Each version's figure: its own value where it gives one, else the statement's counts.
  const statement = counts(fact.statement);
  const figures = versions(fact).map((v) => (v.value !== undefined && v.value !== fact.value ? counts(String(v.value)) : [...statement, ...(fact.value !== undefined ? counts(String(fact.value)) : [])]));
  const results: (boolean | undefined)[] = [];
  let theirs: number | undefined;
  let ours: number | undefined;
  for (const own of figures) {
    for (const c of claim.counts) {
      const same = own.filter((o) => o.unit === c.unit);
      if (!same.length) continue;
      const agrees = same.some((o) => Math.abs(o.value - c.value) <= Math.max(o.value, c.value) * TUNING.approximateCount);
      results.push(agrees);
      ours = c.value;
      if (!agrees) theirs ??= same[0]!.value;
    }
  }
  const result = combine(results);
  if (result === 'none') return { slot: 'count', result, stated: true };
  return {
    slot: 'count',
    result,
    stated: true,
    ...(ours !== undefined ? { ours: ours.toLocaleString('en-GB') } : {}),
    ...(theirs !== undefined ? { theirs: theirs.toLocaleString('en-GB') } : {}),
    deciding: { slot: 'count', fact, value: result === 'match' ? ours! : theirs! },
  };
}

/** The countries, people, organisations and bodies a fact is about, other than the subject and the SCO itself: who acted. */
function actorsOf(k: Knowledge, fact: Fact, subjectId: string | undefined): string[] {
  return fact.about.filter((id) => id !== subjectId && !isOrg(id) && ACTOR_TYPES.has(k.base.entity(id)?.type ?? ''));
}

/** Who acted: "initiated by China". */
function agentSlot(k: Knowledge, claim: Claim, fact: Fact, subject: Entity | undefined): SlotResult | undefined {
  if (!claim.agents.length) return undefined;
  const actors = actorsOf(k, fact, subject?.id);
  const ours = claim.agents.map((a) => a.name).join(', ');
  // "SCO heads of state signed …": a council of the SCO acting is the SCO acting, not a further claim to prove.
  const collective = claim.agents.every((a) => a.type === 'body');
  if (!actors.length) return { slot: 'agent', result: 'none', stated: !collective, ours };
  const all = claim.agents.every((a) => actors.includes(a.id));
  const none = !claim.agents.some((a) => actors.includes(a.id));
  return {
    slot: 'agent',
    result: all ? 'match' : none ? 'conflict' : 'none',
    stated: true,
    ours,
    theirs: actors.map((id) => k.base.entityName(id)).join(', '),
    deciding: { slot: 'name', fact, entities: all ? claim.agents.map((a) => a.id) : actors.slice(0, 1) },
  };
}

/** Who took part: never a contradiction, for one who is not listed may still have been there. */
function participantSlot(claim: Claim, fact: Fact): SlotResult | undefined {
  if (!claim.participants.length) return undefined;
  const all = claim.participants.every((p) => fact.about.includes(p.id));
  return { slot: 'participants', result: all ? 'match' : 'none', stated: true, ...(all ? { deciding: { slot: 'name', fact, entities: claim.participants.map((p) => p.id) } } : {}) };
}

function eventsUnresolved(claim: Claim, event: EventSlots): boolean {
  return claim.events.length > 0 && claim.subjects.some((s) => !isOrg(s.id)) && !event.dates.length && !event.places.length;
}

interface EventSlots {
  dates: QueryDate[];
  places: string[];
}

/**
 * The summit or event a claim names beside its subject ("the Charter was adopted at the Tashkent summit"):
 * its date and place, from the event's own fact. An event that is itself the subject gives nothing to compare with.
 */
function eventSlots(k: Knowledge, claim: Claim): EventSlots {
  const dates: QueryDate[] = [];
  const places: string[] = [];
  if (!claim.subjects.some((s) => !isOrg(s.id))) return { dates, places };
  for (const e of claim.events) {
    const held = k.base.factsAbout(e.id).find((f) => f.about[0] === e.id && f.date && familyOf(f.relation) === 'occurrence');
    if (held?.date) dates.push({ start: { year: held.date.start.year }, text: e.name, index: 0 });
    if (held?.place) places.push(held.place);
  }
  return { dates, places };
}


/**
 * The claim's subject as this fact has it. The fact's own subject is its first `about`; a later
 * thing (a summit, a treaty, a person) is a co-subject; a later country took part or was a party,
 * which does not make the fact about that country. The SCO is a subject only where it comes first.
 */
function subjectIn(k: Knowledge, claim: Claim, fact: Fact): Entity | undefined {
  const wanted = claim.subjects.length ? claim.subjects : claim.events;
  const once = frameOf(fact.relation)?.once ?? [];
  // A fact about an occasion ("the Astana summit adopted A, B and C") states its date and place for each thing done there.
  const occasion = k.base.entity(fact.about[0]!)?.type === 'event';
  // A fact may name who acted first ("Kazakhstan proposed the centre": about [kazakhstan, centre]).
  const actorFirst = claim.agents.some((a) => a.id === fact.about[0]);
  for (const [i, id] of fact.about.entries()) {
    const e = wanted.find((s) => s.id === id);
    if (!e) continue;
    // A later entry counts only on such an occasion, and only if it is of the kind the relation does once:
    // not the Energy Club its leaders discussed there, not an older agreement a new strategy names.
    if (i === 0 || ((occasion || actorFirst) && once.includes(e.type) && e.type !== 'country')) return e;
  }
  return undefined;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

function ordinals(text: string): Set<string> {
  const t = text.toLowerCase();
  return new Set(ORDINALS.filter((o, i) => new RegExp(`\\b(${o}|${i + 1}(st|nd|rd|th))\\b`).test(t)));
}

/**
 * The claim's words without the values it asserts (dates, places, counts) and without its verb:
 * values are compared, not searched, and the verb is matched as a relation ("hosted" ~ "held").
 */
function topicOf(claim: Claim): string {
  // A denial's "never" is judged by flipping the verdict, not searched for.
  let text = withoutDates(claim.text, claim.dates).replace(FRAME_WORDS, ' ').replace(new RegExp(NEGATION.source, 'gi'), ' ');
  // Only a place the claim puts something in ("held in Tashkent"); "the Bishkek Declaration" keeps its name.
  for (const p of claim.places) {
    for (const name of [p.name, ...p.aliases]) {
      text = text.replace(new RegExp(`\\b(in|at|to|from|by|near)\\s+(the\\s+(city\\s+of\\s+)?)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), ' ');
    }
  }
  return text.replace(/\b\d[\d,.]*\b/g, ' ');
}

/** The topic's own words, without the names of what the claim is about: what identifies a theme such as "its law on energy". */
function themeTerms(claim: Claim, topic: string): string[] {
  const named = new Set(claim.mentions.flatMap((m) => terms(m.text)));
  return terms(topic).filter((t) => !named.has(t));
}

/**
 * Capitalised words that name nothing the fact base knows ("Paris"): a fact that does not
 * mention them is not about the claim, however many other words it shares.
 */
function unknownNames(claim: Claim): string[] {
  const known = new Set(claim.mentions.flatMap((m) => m.text.split(' ')));
  const words = claim.text.split(/\s+/).slice(1).map((w) => w.replace(/[^\p{L}\p{N}'-]/gu, ''));
  const names = words.filter((w) => /^\p{Lu}/u.test(w) && !known.has(w.toLowerCase()) && !MONTHS.some((m) => m.toLowerCase() === w.toLowerCase()));
  return terms(names.join(' '));
}

interface Candidate {
  fact: Fact;
  /** How closely the fact is about what the claim is about: topic words, relation, subject. */
  relevance: number;
  verdict: Verdict;
  slots: SlotResult[];
  subject?: Entity;
  /** Why a conflict did not contradict: the slot holds many values for this subject. */
  manyValued?: SlotResult;
  /** Of the claimed relation's family (not a description that happens to share words). */
  aligned: boolean;
  /** The claim's subject is this fact's own subject, not one it names beside it. */
  ownSubject: boolean;
  /** A claim with no value to compare: the names its quote must give. */
  bare?: string[];
}

function candidateFacts(k: Knowledge, claim: Claim, topic: string): FactHit[] {
  const searchable = terms(topic).length > 0;
  const search = (within?: readonly Fact[]) =>
    rankFacts(k, topic, [], claim.mentions, { minCoverage: TUNING.candidateCoverage, limit: TUNING.candidates, heavy: unknownNames(claim), ...(within ? { within } : {}) });
  // Only facts about what the claim names can decide it (weigh()), so the search reads those first;
  // when none speaks to it, the whole base, for the closest facts to show beside "not in the sources".
  const subject = claim.subjects[0];
  const own = searchable && subject ? search(k.base.factsAbout(subject.id)) : [];
  const hits = own.length || !searchable ? own : search();
  // Facts whose own subject is what the claim names, with the claimed relation, are on topic however the
  // search ranks them: "RATS is based in Beijing" must meet the fact of where RATS is, among fifty about RATS.
  const seen = new Set(hits.map((h) => h.fact));
  for (const s of [...claim.subjects, ...claim.events]) {
    for (const f of k.base.factsAbout(s.id)) {
      const family = familyOf(f.relation);
      if (seen.has(f) || !family || !(claim.families.includes(family) || !claim.families.length) || subjectIn(k, claim, f) === undefined) continue;
      hits.push({ fact: f, score: 0, coverage: searchable ? 0.5 : 1, matched: [] });
      seen.add(f);
    }
  }
  return hits;
}

function weigh(k: Knowledge, claim: Claim, h: FactHit, event: EventSlots, theme: string[]): Candidate | undefined {
  const f = h.fact;
  const subject = subjectIn(k, claim, f);
  if ((claim.subjects.length || claim.events.length) && !subject) return undefined;
  // Every thing the claim names as its subject must be in the fact: Russia's joining the WTO says nothing of Kazakhstan's.
  if (!claim.subjects.every((s) => f.about.includes(s.id) || f.place === s.id)) return undefined;
  // "Peace Mission 2014": a year on a name is an instance the base may not have; another year's fact is not about it.
  if (subject && claim.instances.some((i) => i.entity.id === subject.id) && !(f.date && claim.instances.some((i) => i.entity.id === subject.id && datesAgree(i.date, f.date!)))) return undefined;
  // "The first meeting" is not the third one: a different ordinal is a different event.
  const claimed = ordinals(claim.text);
  const own = ordinals(f.statement);
  if (claimed.size && own.size && ![...claimed].some((o) => own.has(o))) return undefined;
  const family = familyOf(f.relation);
  // "Peace Mission-2010 had 6,000 soldiers": "had" states a figure, which any fact of that thing can give.
  const figure = claim.counts.length > 0 && claim.families.every((x) => x === 'statistic');
  const byFamily = family !== undefined && (claim.families.includes(family) || claim.alsoIn.includes(family));
  const aligned = byFamily || (figure && family !== undefined && family !== 'describes');
  const ownSubject = subject !== undefined && f.about[0] === subject.id;
  // A fact that only describes can agree with a claim, never contradict one: it states no event.
  const loose = !claim.families.length || family === 'describes' || family === 'statistic';
  if (!aligned && !loose) return undefined;
  const slots = [dateSlot(claim, f, event), placeSlot(k, claim, f, event), countSlot(claim, f), agentSlot(k, claim, f, subject), participantSlot(claim, f)].filter(
    (s): s is SlotResult => s !== undefined,
  );
  // A summit named beside the subject that the base cannot date or place, and that this fact does not name, is unchecked.
  const unresolved =
    eventsUnresolved(claim, event) && !claim.events.some((e) => f.about.includes(e.id) || k.entities.mentions(f.statement).some((m) => m.entity.id === e.id));
  if (unresolved) slots.push({ slot: 'date', result: 'none', stated: true });
  const stated = slots.filter((s) => s.stated);
  const compared = slots.filter((s) => s.result !== 'none');
  const frame = frameOf(f.relation);
  // A slot is single-valued for this subject when the frame says so and the subject is one thing done once,
  // or the claim names the theme in words the fact shares ("adopted its law on energy"), or the organisation joined.
  const factTerms = new Set(terms(`${f.statement} ${f.tags.join(' ')}`));
  const themeNamed =
    (theme.length >= TUNING.namedThemeWords && theme.every((t) => factTerms.has(t))) || claim.otherOrgs.some((o) => f.about.includes(o.id) && o.id !== subject?.id);
  // The subject does this once only in its own fact, not in one about a thing it made ("the SCO set up seven groups").
  const ownsIt = subject !== undefined && (!ownSubject || ownFact(k, f, subject.id));
  // "The first meeting of the SCO Forum": an ordinal the fact shares names one instance of what a body does many times.
  const sameOrdinal = claimed.size > 0 && [...claimed].some((o) => own.has(o));
  const oneSubject = (subject !== undefined && ownsIt && ((frame?.once.includes(subject.type) ?? false) || sameOrdinal)) || themeNamed;
  // A figure claim ("had 2,000 soldiers") meets any fact of the thing on its count alone.
  const byFigure = figure && !byFamily;
  // Where the base itself gives one subject several values of a slot (a presidency held twice, an agreement and its
  // supplements), the slot is many-valued for that subject, whatever the frame says.
  const single = (s: SlotResult) =>
    aligned && oneSubject && (frame?.single.includes(s.slot) ?? false) && (!byFigure || s.slot === 'count') && (sameOrdinal || !(subject && manyInBase(k, subject, family!, s.slot)));
  let verdict: Verdict = 'unknown';
  let bare: string[] | undefined;
  let manyValued: SlotResult | undefined;
  const conflicts = compared.filter((s) => s.result === 'conflict');
  const splits = compared.filter((s) => s.result === 'split');
  if (conflicts.length) {
    if (conflicts.some(single) && (subject || h.coverage >= TUNING.looseSupportCoverage)) verdict = splits.length ? 'disputed' : 'contradicted';
    else manyValued = conflicts[0];
  } else if (splits.length) {
    if (aligned || h.coverage >= TUNING.looseSupportCoverage) verdict = 'disputed';
  } else if (stated.length) {
    // Every slot the claim states must be one the fact gives and agrees on.
    // With nothing named, the claim's own words must name the thing: at least two of them, all in the fact.
    // An actor does many things: what it did (the theme, "the SCO presidency") must be in the fact too.
    const themeHeld = theme.every((t) => factTerms.has(t));
    const identified = subject !== undefined ? !ACTOR_TYPES.has(subject.type) || themeHeld : themeNamed;
    // A description supports only what it says of its own subject, in the claimed relation's words ("held", "hosted"),
    // and with nearly all the claim's words.
    const saysRelation = !claim.families.length || FAMILY_CUES.some((c) => claim.families.includes(c.family) && c.re.test(`${f.statement} ${f.sources.map((q) => q.quote).join(' ')}`));
    if (stated.every((s) => s.result === 'match') && identified && (aligned || (ownSubject && saysRelation && h.coverage >= TUNING.looseSupportCoverage))) verdict = 'supported';
  } else if (!claim.dates.length && !claim.places.length && !claim.counts.length) {
    // Nothing to compare but the relation itself: the fact must state that relation about everything the claim names.
    const named = claim.subjects.length > 0 && claim.subjects.every((s) => f.about.includes(s.id));
    if (aligned && named && h.coverage >= TUNING.bareSupportCoverage) verdict = 'supported';
  }
  if (verdict === 'supported' && !slots.some((s) => s.result === 'match')) bare = [subject?.id ?? f.about[0]!];
  const relevance = h.coverage + (aligned ? 0.3 : 0) + (ownSubject ? 0.2 : 0) + (compared.length ? 0.1 : 0);
  return { fact: f, relevance, verdict, aligned, ownSubject, slots, ...(subject ? { subject } : {}), ...(manyValued ? { manyValued } : {}), ...(bare ? { bare } : {}) };
}

/**
 * Is the fact the subject's own for its relation? It is not when it names, after the subject, a thing of the
 * kind the relation does once: "the SCO established seven working groups" is about the working groups.
 */
function ownFact(k: Knowledge, fact: Fact, subjectId: string): boolean {
  if (fact.about[0] !== subjectId) return false;
  // Only an actor (an organisation, a country) makes things; an exercise named with its series is still the exercise.
  if (!MAKERS.has(k.base.entity(subjectId)?.type ?? '')) return true;
  const once = frameOf(fact.relation)?.once ?? [];
  return !fact.about.slice(1).some((id) => !isOrg(id) && once.includes(k.base.entity(id)?.type ?? 'topic'));
}

/** Subjects that make things: a fact of theirs that names a thing made is about that thing. */
const MAKERS = new Set(['organisation', 'country']);

const manyCache = new WeakMap<Knowledge, Map<string, boolean>>();

/** Do the subject's own facts of this family give it more than one value of the slot? */
function manyInBase(k: Knowledge, subject: Entity, family: string, slot: Slot): boolean {
  let cache = manyCache.get(k);
  if (!cache) manyCache.set(k, (cache = new Map()));
  const id = `${subject.id} ${family} ${slot}`;
  const known = cache.get(id);
  if (known !== undefined) return known;
  const own = k.base.factsAbout(subject.id).filter((f) => ownFact(k, f, subject.id) && familyOf(f.relation) === family);
  let many = false;
  if (slot === 'date') {
    const dates = own.flatMap((f) => (f.date ? [f.date] : []));
    many = dates.some((a) => dates.some((b) => !factDatesAgree(a, b)));
  } else if (slot === 'agent') {
    // Two accounts of who put one idea forward (Putin; the Business Council) make its author many-valued here.
    const actors = own.map((f) => actorsOf(k, f, subject.id).sort().join(' ')).filter(Boolean);
    many = new Set(actors).size > 1;
  } else if (slot === 'place') {
    const places = own.flatMap((f) => (f.place ? [f.place] : []));
    many = places.some((a) => places.some((b) => placeAgrees(k, a, b) === false && placeAgrees(k, b, a) === false));
  }
  cache.set(id, many);
  return many;
}

function contradiction(k: Knowledge, c: Candidate): string {
  const parts = c.slots
    .filter((s) => s.result === 'conflict' && s.theirs)
    .map((s) => {
      const prep = s.slot === 'place' ? 'in ' : '';
      const note = s.tookPart ? `; ${s.tookPart} took part` : '';
      return `${prep}${s.theirs}, not ${prep}${s.ours ?? 'as claimed'}${note}`;
    });
  const what = c.subject ? `${k.base.entityName(c.subject.id)}: ` : 'The sources give ';
  return `${what}${parts.join('; ')}. ${c.fact.statement}`;
}

function judgeGeneral(k: Knowledge, original: Claim): Judgement {
  const topic = topicOf(original);
  const theme = themeTerms(original, topic);
  // "The declaration on the SCO's fifth anniversary": with a thing described in words, the SCO named in it is not the subject.
  const orgOnly = original.subjects.length > 0 && original.subjects.every((s) => isOrg(s.id));
  // Likewise "the SCO summit in 2009": the summit is the subject.
  const claim = orgOnly && (theme.length >= TUNING.namedThemeWords || original.events.length > 0) ? { ...original, subjects: [] } : original;
  const event = eventSlots(k, claim);
  const hits = candidateFacts(k, claim, topic);
  const candidates = hits.map((h) => weigh(k, claim, h, event, theme)).filter((c): c is Candidate => c !== undefined);
  candidates.sort((a, b) => b.relevance - a.relevance);
  // Facts of the claimed relation speak first, a description that shares the words after them; a fact of the
  // subject's own before one that names it beside another (a span of three summits). Within each, a fact that agrees
  // on every value settles it, whichever namesake ranks first, then one whose versions split, then a contradiction.
  // The first whose quotes state what it turns on (the evidence guard) decides.
  const order: [Verdict, boolean, boolean | undefined][] = [
    ['supported', true, true],
    ['disputed', true, true],
    ['contradicted', true, true],
    ['supported', true, false],
    ['disputed', true, false],
    ['contradicted', true, false],
    ['supported', false, undefined],
    ['disputed', false, undefined],
  ];
  let unguarded: Fact | undefined;
  for (const [v, aligned, own] of order) {
    for (const c of candidates) {
      if (c.verdict !== v || c.aligned !== aligned || (own !== undefined && c.ownSubject !== own)) continue;
      const j = guard(k, verdictOf(k, c));
      if (j.verdict === c.verdict) return j;
      unguarded ??= c.fact;
    }
  }
  const many = candidates.find((c) => c.manyValued);
  return {
    verdict: 'unknown',
    reason: unguarded
      ? 'The closest facts do not state the deciding value in their quotes, so they cannot settle the claim.'
      : many
        ? `The sources give ${many.manyValued!.theirs ?? 'another value'} for something that happens more than once, which neither confirms nor rules out ${many.manyValued!.ours ?? 'the claim'}.`
        : candidates.length || hits.length
          ? 'The sources do not state this; the closest facts do not settle it.'
          : 'Nothing in the sources speaks to this claim.',
    evidence: [],
    context: (candidates.length ? candidates.map((c) => c.fact) : hits.map((h) => h.fact)).slice(0, 3),
  };
}

/** The judgement one candidate gives, with the values it turns on. */
function verdictOf(k: Knowledge, c: Candidate): Judgement {
  const f = c.fact;
  const deciding = c.slots
    .filter((s) => (c.verdict === 'supported' ? s.result === 'match' : s.result === 'conflict'))
    .flatMap((s) => (s.deciding ? [s.deciding] : []));
  if (c.bare?.length) deciding.push({ slot: 'name', fact: f, entities: c.bare });
  const reason = c.verdict === 'supported' ? `The sources state it: ${f.statement}` : c.verdict === 'disputed' ? 'The sources give different versions, shown below.' : contradiction(k, c);
  return { verdict: c.verdict, reason, evidence: [f], deciding };
}

function when(f: Fact): string {
  return f.date ? formatDate(f.date) : 'an undated time';
}

/** "on 9 June 2017", "in June 2017", "in 2017". */
function at(f: Fact): string {
  return f.date && f.date.start.day !== undefined && !f.date.end ? `on ${when(f)}` : `in ${when(f)}`;
}

const withArticle = (label: string) => `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
const orgName = (org: Org) => (org === 'sco' ? 'the SCO' : 'the Shanghai Five');

function statusFacts(k: Knowledge, country: Entity, status: Status, org: Org): Fact[] {
  return membershipFacts(k.base, country.id).filter((f) => f.status === status && orgOf(f) === org);
}

function judgeMembership(k: Knowledge, claim: Claim, countries: Entity[], org: Org): Judgement {
  const status = claim.status!;
  const parts = countries.map((c) => judgeCountryStatus(k, claim, c, status, org));
  if (parts.length === 1) return parts[0]!;
  const verdicts = new Set(parts.map((p) => p.verdict));
  const evidence = [...new Set(parts.flatMap((p) => p.evidence))];
  const deciding = parts.flatMap((p) => p.deciding ?? []);
  const reason = parts.map((p) => p.reason).join(' ');
  if (verdicts.size === 1) return { verdict: parts[0]!.verdict, reason, evidence, deciding };
  // Part right and part wrong is not supported.
  const verdict: Verdict = verdicts.has('contradicted') ? 'contradicted' : verdicts.has('disputed') ? 'disputed' : 'unknown';
  return { verdict, reason: `Mixed: ${reason}`, evidence, deciding: parts.filter((p) => p.verdict === verdict).flatMap((p) => p.deciding ?? []) };
}

function judgeCountryStatus(k: Knowledge, claim: Claim, country: Entity, status: Status, org: Org): Judgement {
  const label = STATUS_LABEL[status];
  const history = membershipFacts(k.base, country.id);
  const named = (fact: Fact): Deciding => ({ slot: 'name', fact, entities: [country.id] });
  if (claim.founding && status === 'member') {
    const year = FOUNDED[org];
    const founders = standingsAsOf(k.base, year, org).filter((s) => s.status === 'member');
    if (!founders.length) return { verdict: 'unknown', reason: `The sources do not list the founding members of ${orgName(org)}.`, evidence: [] };
    const mine = founders.find((s) => s.country === country.id);
    if (mine) return { verdict: 'supported', reason: `${country.name} is among the founding members of ${orgName(org)} (${year}).`, evidence: [mine.fact], deciding: [named(mine.fact)] };
    const joined = history.find((f) => f.status === 'member');
    const names = founders.map((s) => k.base.entityName(s.country)).join(', ');
    const first = founders[0]!;
    return {
      verdict: 'contradicted',
      reason: `The founding members of ${orgName(org)} were ${names}; ${country.name} was not among them${joined ? ` (it became a member of ${orgName(orgOf(joined))} ${at(joined)})` : ''}.`,
      evidence: [...new Set([first.fact, ...(joined ? [joined] : [])])],
      deciding: [{ slot: 'name', fact: first.fact, entities: [first.country] }],
    };
  }
  const all = statusFacts(k, country, status, org);
  // A document's list of who was what says nothing about when a country became it.
  const changes = all.filter((f) => !isSnapshot(f));
  const facts = changes.length ? changes : all;
  if (facts.length && !changes.length && claim.dates.some((d) => !d.monthDayOnly)) {
    return { verdict: 'unknown', reason: `The sources list ${country.name} as ${withArticle(label)} of ${orgName(org)} but do not say when it became one.`, evidence: [], context: facts.slice(0, 2) };
  }
  if (!facts.length) {
    const other = history.filter((f) => f.status !== 'applicant' && f.status !== 'guest' && !isSnapshot(f));
    // An application or a visit leaves no trace in the timeline: having had other statuses does not rule one out.
    if (!other.length || !LASTING.includes(status)) return { verdict: 'unknown', reason: `The sources do not say that ${country.name} was ever ${withArticle(label)} of ${orgName(org)}.`, evidence: [] };
    // Two facts can state the same step (the founding, from two documents): name it once.
    const steps = [...new Set(other.map((f) => `${STATUS_LABEL[f.status!]} (${when(f)})`))].join(', then ');
    return {
      verdict: 'contradicted',
      reason: `The sources give ${country.name} as ${steps}, never as ${withArticle(label)} of ${orgName(org)}.`,
      evidence: other,
      deciding: other.map((f) => ({ slot: 'status', fact: f, status: f.status! }) as Deciding),
    };
  }
  const event = eventSlots(k, claim);
  // A summit the claim names but the base cannot date or place leaves part of the claim unchecked.
  if (eventsUnresolved(claim, event)) {
    return { verdict: 'unknown', reason: `The sources do not give the date or place of ${claim.events.map((e) => e.name).join(', ')} to compare with.`, evidence: [], context: facts.slice(0, 2) };
  }
  const results = facts.map((f) => ({ f, slots: [dateSlot(claim, f, event), placeSlot(k, claim, f, event)].filter((s): s is SlotResult => s !== undefined && s.result !== 'none') }));
  const timed = results.filter((r) => r.slots.length);
  if (timed.length) {
    const match = timed.find((r) => r.slots.every((s) => s.result === 'match'));
    // "India has been an observer since 2005": the present tense also claims it still holds.
    const lapsed = match && claim.present ? noLonger(k, country, status, org, match.f) : undefined;
    if (lapsed) return lapsed;
    if (match) {
      return {
        verdict: 'supported',
        reason: `${country.name} became ${withArticle(label)} of ${orgName(org)} ${at(match.f)}.`,
        evidence: [match.f],
        deciding: match.slots.flatMap((s) => (s.deciding ? [s.deciding] : [])),
      };
    }
    const split = timed.find((r) => r.slots.some((s) => s.result === 'split'));
    if (split) return { verdict: 'disputed', reason: `The sources differ on when ${country.name} became ${withArticle(label)}.`, evidence: [split.f] };
    const first = timed[0]!;
    const wrong = first.slots.filter((s) => s.result === 'conflict');
    return {
      verdict: 'contradicted',
      reason: `${country.name} became ${withArticle(label)} of ${orgName(org)} ${at(first.f)}${first.f.place ? ` in ${k.base.entityName(first.f.place)}` : ''}, not ${wrong.map((s) => (s.slot === 'place' ? `in ${s.ours}` : s.ours)).join(', ')}.`,
      evidence: [first.f],
      deciding: wrong.flatMap((s) => (s.deciding ? [s.deciding] : [])),
    };
  }
  if (claim.present) {
    const lapsed = noLonger(k, country, status, org, facts[0]!);
    if (lapsed) return lapsed;
  }
  const first = facts[0]!;
  return {
    verdict: 'supported',
    reason: `${country.name} became ${withArticle(label)} of ${orgName(org)} ${at(first)}.`,
    evidence: [first],
    deciding: [{ slot: 'status', fact: first, status }],
  };
}

/** A status held once but not as of the latest sources: the contradiction of a present-tense claim. */
function noLonger(k: Knowledge, country: Entity, status: Status, org: Org, held: Fact): Judgement | undefined {
  const latest = latestMembershipYear(k.base);
  const now = standingsAsOf(k.base, latest, org).find((s) => s.country === country.id);
  if (!now || now.status === status) return undefined;
  const label = STATUS_LABEL[status];
  return {
    verdict: 'contradicted',
    reason: `${country.name} was ${withArticle(label)} from ${when(held)}, but as of the latest sources (${latest}) it is ${withArticle(STATUS_LABEL[now.status])} (since ${when(now.fact)}).`,
    evidence: [now.fact, held],
    deciding: [{ slot: 'status', fact: now.fact, status: now.status }],
  };
}

function judgeCount(k: Knowledge, claim: Claim): Judgement | undefined {
  const c = claim.counts.find((x) => x.unit === 'member');
  // Members of the organisation itself: a count about a named exercise, treaty or body is something else.
  const orgOnly = claim.subjects.every((s) => isOrg(s.id));
  if (!c || !orgOnly || claim.events.length || claim.org === 'other') return undefined;
  // "Founded by five countries" counts the founders, whatever year the latest sources reach.
  const founded = claim.founding || claim.families.includes('creation');
  const claimedYear = claim.dates.find((d) => !d.monthDayOnly)?.start.year;
  const named: Org = claim.org;
  // The Shanghai Five's last year is the one before the SCO was founded.
  const year = founded ? FOUNDED[named] : (claimedYear ?? (named === 'shanghai-five' ? FOUNDED.sco - 1 : latestMembershipYear(k.base)));
  const org: Org = named === 'shanghai-five' || year < FOUNDED.sco ? 'shanghai-five' : 'sco';
  const members = standingsAsOf(k.base, year, org).filter((s) => s.status === 'member');
  if (!members.length) return undefined;
  const evidence = [...new Set(members.map((s) => s.fact))].sort((a, b) => compareStart(b.date!.start, a.date!.start));
  const names = members.map((s) => k.base.entityName(s.country)).join(', ');
  const title = org === 'sco' ? 'The SCO' : 'The Shanghai Five';
  const verdict: Verdict = members.length === c.value ? 'supported' : 'contradicted';
  // A count from the timeline rests on several facts, each naming its own countries: the guard asks each to name them.
  const deciding: Deciding[] = members.map((s) => ({ slot: 'name', fact: s.fact, entities: [s.country] }));
  if (founded) return { verdict, reason: `${title} was founded in ${year} by ${members.length} countries: ${names}.`, evidence, deciding };
  const asOf = claimedYear ? `in ${year}` : org === 'shanghai-five' ? `before it became the SCO in ${FOUNDED.sco}` : `as of the latest sources (${year})`;
  return { verdict, reason: `${title} had ${members.length} members ${asOf}: ${names}.`, evidence, deciding };
}

const flip = (v: Verdict): Verdict => (v === 'supported' ? 'contradicted' : v === 'contradicted' ? 'supported' : v);

/** A denial turns the verdict on what it denies. */
function negate(claim: Claim, j: Judgement): Judgement {
  if (!claim.negated || (j.verdict !== 'supported' && j.verdict !== 'contradicted')) return j;
  const verdict = flip(j.verdict);
  return { ...j, verdict, reason: verdict === 'supported' ? `The sources bear out the denial. ${j.reason}` : `The claim denies what the sources state. ${j.reason}` };
}

/**
 * The evidence guard: supported and contradicted must show, first, a quote that states every
 * value they turn on. Otherwise the verdict is unknown, and the facts are shown as context.
 */
export function guard(k: Knowledge, j: Judgement): Judgement {
  if (j.verdict !== 'supported' && j.verdict !== 'contradicted') return j;
  const leads = j.deciding?.length ? leadingQuotes(k.base, j.deciding) : undefined;
  if (leads) return { ...j, leads };
  return {
    verdict: 'unknown',
    reason: 'The closest facts do not state the deciding value in their quotes, so they cannot settle the claim.',
    evidence: [],
    context: j.evidence.slice(0, 3),
  };
}

/** Statuses in another organisation, or with a verb of signing or proposing, are not the SCO timeline's to judge. */
const NOT_A_STATUS_CLAIM = new Set(['document', 'proposal', 'decision', 'occurrence', 'participation']);

export function judge(k: Knowledge, claim: Claim): Judgement {
  const countries = claim.subjects.filter((s) => s.type === 'country');
  const timeline = claim.org !== 'other' && !claim.families.some((f) => NOT_A_STATUS_CLAIM.has(f));
  if (claim.status && timeline && countries.length && countries.length === claim.subjects.length) {
    return guard(k, negate(claim, judgeMembership(k, claim, countries, claim.org as Org)));
  }
  const counted = judgeCount(k, claim);
  if (counted) return guard(k, negate(claim, counted));
  // The general path guards each candidate as it weighs them; a denial only flips what passed.
  return negate(claim, judgeGeneral(k, claim));
}
