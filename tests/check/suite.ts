/**
 * The generated claim suite: from every fact with a declared relation and a date or place,
 * claims in six phrasings, true and with one slot changed, each with the verdict the frames
 * imply. Nothing here is tuned to a claim: the claims come from the fact base, the verdicts
 * from frames.ts, and a change to either changes the suite.
 */
import { type DatePoint, type FactDate, formatPoint, MONTHS } from '../../src/facts/dates.js';
import type { Entity, Fact } from '../../src/facts/model.js';
import type { Status } from '../../src/facts/schema.js';
import { latestMembershipYear, membershipFacts, standingsAsOf } from '../../src/facts/membership.js';
import { familyOf, frameOf } from '../../src/check/frames.js';
import type { Verdict } from '../../src/answer/model.js';
import type { Knowledge } from '../../src/knowledge.js';
import { datesAgree, factDatesAgree } from '../../src/check/judge.js';
import { key } from '../../src/text/normalize.js';
import { type Deciding, quoteStates } from '../../src/check/evidence.js';

export interface GeneratedClaim {
  text: string;
  expect: Verdict;
  /** The fact it was made from, and what was changed. */
  fact: string;
  change: 'none' | 'year' | 'day' | 'place' | 'participant-as-place' | 'count' | 'agent';
  /** True when the claim as generated is false. */
  false: boolean;
  /** For a supported or contradicted verdict, what its first quote must say (any of these, folded): the deciding value. */
  mustShow?: string[];
}

/** Six ways people put a claim, per family: active, passive, "did …?", "is it true …", "…, right?", and a present or plain form. */
const PHRASINGS: Record<string, ((s: string, slots: string) => string)[]> = {
  document: [
    (s, x) => `the member states signed ${s}${x}`,
    (s, x) => `${s} was signed${x}`,
    (s, x) => `was ${s} adopted${x}?`,
    (s, x) => `is it true that ${s} was signed${x}`,
    (s, x) => `${s} was adopted${x}, right?`,
    (s, x) => `check ${s} got signed${x}`,
  ],
  creation: [
    (s, x) => `they established ${s}${x}`,
    (s, x) => `${s} was founded${x}`,
    (s, x) => `was ${s} set up${x}?`,
    (s, x) => `is it true ${s} was created${x}`,
    (s, x) => `${s} was established${x}, right?`,
    (s, x) => `check ${s} was launched${x}`,
  ],
  occurrence: [
    (s, x) => `they held ${s}${x}`,
    (s, x) => `${s} was held${x}`,
    (s, x) => `did ${s} take place${x}?`,
    (s, x) => `is it true that ${s} was held${x}`,
    (s, x) => `${s} took place${x}, right?`,
    (s, x) => `check ${s} was conducted${x}`,
  ],
  location: [
    (s, x) => `${s} is based${x}`,
    (s, x) => `${s} is headquartered${x}`,
    (s, x) => `is ${s} located${x}?`,
    (s, x) => `is it true that ${s} sits${x}`,
    (s, x) => `${s} is located${x}, right?`,
    (s, x) => `check ${s} is situated${x}`,
  ],
  'in-force': [
    (s, x) => `${s} entered into force${x}`,
    (s, x) => `${s} came into force${x}`,
    (s, x) => `did ${s} enter into force${x}?`,
    (s, x) => `is it true ${s} entered into force${x}`,
    (s, x) => `${s} came into force${x}, right?`,
    (s, x) => `check ${s} took effect${x}`,
  ],
};

/** A figure of an event, in six phrasings: "involved", "took part", "had", with and without "about". */
const COUNT_PHRASINGS: ((s: string, n: string, unit: string) => string)[] = [
  (s, n, u) => `${s} involved ${n} ${u}`,
  (s, n, u) => `${n} ${u} took part in ${s}`,
  (s, n, u) => `is it true that ${s} involved ${n} ${u}`,
  (s, n, u) => `${s} had ${n} ${u}, right?`,
  (s, n, u) => `check ${s} had about ${n} ${u}`,
  (s, n, u) => `${s} was held with ${n} ${u}`,
];

/** Who put an idea forward, in six phrasings. */
const AGENT_PHRASINGS: ((s: string, a: string) => string)[] = [
  (s, a) => `${a} proposed ${s}`,
  (s, a) => `${s} was proposed by ${a}`,
  (s, a) => `is it true that ${a} suggested ${s}`,
  (s, a) => `${s} was put forward by ${a}, right?`,
  (s, a) => `check ${a} initiated ${s}`,
  (s, a) => `${s} was suggested by ${a}`,
];

const STATUS_NOUN: Partial<Record<Status, string>> = { member: 'a member', observer: 'an observer', 'dialogue-partner': 'a dialogue partner' };
const STATUS_PHRASINGS: ((c: string, status: Status, x: string) => string)[] = [
  (c, s, x) => `${c} became ${STATUS_NOUN[s]} of the SCO${x}`,
  (c, s, x) => (s === 'member' ? `${c} joined the SCO${x}` : `${c} was made ${STATUS_NOUN[s]}${x}`),
  (c, s, x) => `did ${c} become ${STATUS_NOUN[s]}${x}?`,
  (c, s, x) => `is it true ${c} became ${STATUS_NOUN[s]} of the SCO${x}`,
  (c, s, x) => `${c} got ${s === 'dialogue-partner' ? 'dialogue partner' : s} status${x}, right?`,
  (c, s, x) => (s === 'member' ? `check ${c} acceded to the SCO${x}` : `check ${c} became ${STATUS_NOUN[s]}${x}`),
];

/** A name a reader would type for an entity: its name without the parenthesis, if that still names it. */
function nameFor(k: Knowledge, e: Entity): string | undefined {
  const stripped = e.name.replace(/\s*\(.*\)\s*$/, '');
  // An event by a name with its year: "the Shanghai summit" alone is any of three (a rule test covers that).
  const names = e.type === 'event' ? [...e.aliases.filter((a) => /\d{4}/.test(a)), stripped, ...e.aliases] : [stripped, ...e.aliases];
  for (const n of names) if (k.entities.exact(n)?.id === e.id && k.entities.mentions(n).length === 1 && k.entities.mentions(n)[0]!.entity.id === e.id) return n;
  return undefined;
}

function dateWords(p: DatePoint, style: number): string {
  if (p.month === undefined) return ` in ${p.year}`;
  if (p.day === undefined) return ` in ${MONTHS[p.month - 1]} ${p.year}`;
  // Both ways the documents and people write a day.
  return style % 2 ? ` on ${MONTHS[p.month - 1]} ${p.day}, ${p.year}` : ` on ${formatPoint(p)}`;
}

/** The date a claim gives for a fact: the day, or the month of a span within one month, or the year. */
function claimable(d: FactDate): DatePoint {
  if (!d.end) return d.start;
  if (d.end.year === d.start.year && d.end.month === d.start.month && d.start.month !== undefined) return { year: d.start.year, month: d.start.month };
  return { year: d.start.year };
}

function agrees(d: FactDate, p: DatePoint): boolean {
  return datesAgree({ start: p, text: '', index: 0 }, d);
}

/** Every name of a place, and of the places that lie in it, folded as the guard folds them. */
function aliasesOf(k: Knowledge, place: Entity): string[] {
  const inside = k.base.placesIn(place.id);
  return [place, ...inside].flatMap((e) => [e.name.replace(/\s*\(.*\)\s*$/, ''), ...e.aliases]).map((n) => key(n));
}

function fullyAgrees(facts: Fact[], p: DatePoint): boolean {
  return facts.some((g) => {
    const dates = versionsOf(g).dates;
    return dates.length > 0 && dates.every((d) => agrees(d, p));
  });
}

interface Versions {
  dates: FactDate[];
  places: string[];
}

function versionsOf(f: Fact): Versions {
  const dates = f.sources.map((s) => s.date ?? f.date).filter((d): d is FactDate => d !== undefined);
  const places = f.sources.map((s) => s.place ?? f.place).filter((p): p is string => p !== undefined);
  return { dates, places };
}

/** The verdict for a claimed value, from the fact's versions and whether the slot is single-valued. */
function expected(versions: (boolean | undefined)[], single: boolean): Verdict {
  const known = versions.filter((v): v is boolean => v !== undefined);
  if (known.every(Boolean)) return 'supported';
  if (known.some(Boolean)) return 'disputed';
  return single ? 'contradicted' : 'unknown';
}

const PLACE_KINDS = (k: Knowledge, place: Entity): Entity[] =>
  [...k.base.entities.values()].filter((e) => e.type === place.type && e.id !== place.id && e.in !== place.id && place.in !== e.id && (place.type !== 'place' || e.in !== undefined));

/**
 * The evidence guard's part: a verdict is shown only with a quote that states its deciding value,
 * so a fact whose quotes do not state it gives unknown. Counted, as gaps in the fact base.
 */
function guarded(k: Knowledge, f: Fact, verdict: Verdict, value: Deciding | undefined, gaps: Set<string>, alike: Fact[] = []): Verdict {
  if ((verdict !== 'supported' && verdict !== 'contradicted') || !value) return verdict;
  // The fact itself, or (for a true claim) another fact of the same subject and relation that gives the same value.
  const states = (g: Fact) => g.sources.some((q) => quoteStates(k.base, q, { ...value, fact: g }, g.sources.map((x) => x.quote)));
  if (states(f) || alike.some(states)) return verdict;
  gaps.add(f.id);
  return 'unknown';
}

export function generateClaims(k: Knowledge, facts: readonly Fact[] = k.base.facts): { claims: GeneratedClaim[]; skipped: Record<string, number>; gaps: Set<string> } {
  const gaps = new Set<string>();
  const claims: GeneratedClaim[] = [];
  const skipped: Record<string, number> = {};
  const skip = (why: string) => (skipped[why] = (skipped[why] ?? 0) + 1);
  for (const f of facts) {
    const frame = frameOf(f.relation);
    const family = familyOf(f.relation);
    if (!frame || !family) continue;
    if (f.kind === 'membership') {
      statusClaims(k, f, claims, skip, gaps);
      continue;
    }
    if (family === 'proposal') {
      agentClaims(k, f, claims, skip);
      continue;
    }
    const phrasings = PHRASINGS[family];
    if (!phrasings) {
      skip(`relation ${f.relation}: no phrasings`);
      continue;
    }
    const subject = k.base.entity(f.about[0]!)!;
    // The phrasings say "<thing> was held / signed / founded": only for a thing of a kind the relation does once.
    if (!frame.once.includes(subject.type) || subject.type === 'country' || subject.type === 'place') {
      skip(`subject not done once (${f.relation} of a ${subject.type})`);
      continue;
    }
    const name = nameFor(k, subject);
    if (!name) {
      skip('subject has no unambiguous name');
      continue;
    }
    // Other facts of the same subject and family: a changed value they give is no longer false.
    const namesakes = k.base.factsAbout(subject.id).filter((g) => g !== f && g.about[0] === subject.id && familyOf(g.relation) === family);
    // And every fact that states the relation of it, as an occasion's list does ("the Astana summit adopted A, B and C"): its quote may be the one shown.
    const alike = k.base.factsAbout(subject.id).filter((g) => g !== f && familyOf(g.relation) === family);
    const once = frame.once.includes(subject.type);
    // The base's own facts of the subject giving several values make the slot many-valued (a presidency held twice).
    const own = [f, ...namesakes];
    const severalDates = own.some((a) => own.some((b) => a.date && b.date && !factDatesAgree(a.date, b.date)));
    // Two places differ unless one lies in the other (the Chorukh-Dayron range is in Tajikistan).
    const places = own.flatMap((g) => (g.place ? [g.place] : []));
    const severalPlaces = places.some((a) => places.some((b) => a !== b && k.base.entity(a)?.in !== b && k.base.entity(b)?.in !== a));
    const single = (slot: 'date' | 'place') => once && frame.single.includes(slot) && !(slot === 'date' ? severalDates : severalPlaces);
    const v = versionsOf(f);
    let mustShow: string[] = [];
    const add = (slots: string, expect: Verdict, change: GeneratedClaim['change']) => addStyled(() => slots, expect, change);
    const addStyled = (slot: (i: number) => string, expect: Verdict, change: GeneratedClaim['change']) =>
      phrasings.forEach((p, i) => claims.push({ text: p(name, slot(i)), expect, fact: f.id, change, false: change !== 'none', mustShow }));
    const dateIs = (p: DatePoint): Deciding => ({ slot: 'date', fact: f, start: p });
    if (family === 'occurrence') countClaims(k, f, name, once && frame.single.includes('count'), claims);
    if (f.date && family !== 'location') {
      const p = claimable(f.date);
      mustShow = [String(p.year)];
      const agreeing = namesakes.filter((g) => g.date && agrees(g.date, p));
      addStyled((i) => dateWords(p, i), guarded(k, f, fullyAgrees(namesakes, p) ? 'supported' : expected(v.dates.map((d) => agrees(d, p)), single('date')), dateIs(p), gaps, [...agreeing, ...alike.filter((g) => g.date && agrees(g.date, p))]), 'none');
      // Another year, that no version and no namesake gives: contradicted by the fact's year.
      const year = [p.year - 2, p.year + 3, p.year - 5].find((y) => !namesakes.some((g) => g.date && agrees(g.date, { year: y })) && !v.dates.some((d) => agrees(d, { year: y })));
      if (year) add(` in ${year}`, guarded(k, f, single('date') ? 'contradicted' : 'unknown', dateIs({ year: p.year }), gaps, alike), 'year');
      if (p.day !== undefined) {
        const day = p.day > 20 ? p.day - 7 : p.day + 7;
        const other = { ...p, day };
        if (!namesakes.some((g) => g.date && agrees(g.date, other)) && !v.dates.some((d) => agrees(d, other)))
          addStyled((i) => dateWords(other, i), guarded(k, f, single('date') ? 'contradicted' : 'unknown', dateIs(p), gaps, alike), 'day');
      }
    }
    if (f.place) {
      const place = k.base.entity(f.place)!;
      const placeName = nameFor(k, place);
      if (!placeName) skip('place has no unambiguous name');
      else {
        const placeIs: Deciding = { slot: 'place', fact: f, places: [place.id] };
        mustShow = aliasesOf(k, place);
        add(` in ${placeName}`, guarded(k, f, expected(v.places.map((p) => p === place.id || k.base.entity(p)?.in === place.id), single('place')), placeIs, gaps, alike), 'none');
        const others = PLACE_KINDS(k, place).filter((e) => !v.places.includes(e.id) && !namesakes.some((g) => g.place === e.id) && nameFor(k, e));
        const other = others[f.id.length % Math.max(others.length, 1)];
        if (other) add(` in ${nameFor(k, other)}`, guarded(k, f, single('place') ? 'contradicted' : 'unknown', placeIs, gaps, alike), 'place');
        // A country that took part, given as the place.
        const part = f.about.map((id) => k.base.entity(id)!).find((e) => e.type === 'country' && e.id !== place.id && place.in !== e.id && !v.places.some((p) => k.base.entity(p)?.in === e.id || p === e.id));
        if (part && family === 'occurrence') add(` in ${nameFor(k, part) ?? part.name}`, guarded(k, f, single('place') ? 'contradicted' : 'unknown', placeIs, gaps, alike), 'participant-as-place');
      }
    }
  }
  return { claims, skipped, gaps };
}

/** A figure the fact gives ("6000 soldiers"): the number and the counted word as written. */
function figureOf(f: Fact): { value: number; unit: string } | undefined {
  const m = /(\d[\d,]*)\s+([a-z]+)/i.exec(String(f.value ?? ''));
  return m ? { value: Number(m[1]!.replace(/,/g, '')), unit: m[2]! } : undefined;
}

/** The figure of a one-off event, and three times it: a count is single-valued for one exercise. */
function countClaims(k: Knowledge, f: Fact, name: string, single: boolean, claims: GeneratedClaim[]): void {
  const figure = figureOf(f);
  if (!figure || f.sources.some((q) => q.value !== undefined && q.value !== f.value)) return;
  const fmt = (n: number) => n.toLocaleString('en-GB');
  COUNT_PHRASINGS.forEach((p) => claims.push({ text: p(name, fmt(figure.value), figure.unit), expect: 'supported', fact: f.id, change: 'none', false: false }));
  COUNT_PHRASINGS.forEach((p) => claims.push({ text: p(name, fmt(figure.value * 3), figure.unit), expect: single ? 'contradicted' : 'unknown', fact: f.id, change: 'count', false: true }));
}

/** Who proposed a thing: the fact's own agent, and another of the same kind (one idea has one author). */
function agentClaims(k: Knowledge, f: Fact, claims: GeneratedClaim[], skip: (why: string) => void): void {
  const frame = frameOf(f.relation)!;
  const subject = k.base.entity(f.about[0]!)!;
  const agent = f.about.slice(1).map((id) => k.base.entity(id)!).find((e) => e.type === 'country' || e.type === 'person');
  const name = frame.once.includes(subject.type) ? nameFor(k, subject) : undefined;
  if (!agent || !name || !nameFor(k, agent)) return skip('proposal without a named thing and its author');
  // Another author: of the same kind, named by no fact of this thing.
  const authors = new Set(k.base.factsAbout(subject.id).flatMap((g) => g.about));
  const other = [...k.base.entities.values()].find((e) => e.type === agent.type && !authors.has(e.id) && nameFor(k, e) && e.id !== agent.id);
  AGENT_PHRASINGS.forEach((p) => claims.push({ text: p(name, nameFor(k, agent)!), expect: 'supported', fact: f.id, change: 'none', false: false }));
  // Where the base gives the thing several authors (two accounts), the author is many-valued for it.
  const accounts = new Set(
    k.base
      .factsAbout(subject.id)
      .filter((g) => g.about[0] === subject.id && familyOf(g.relation) === 'proposal')
      .map((g) => g.about.slice(1).filter((id) => ['organisation', 'country', 'person', 'body'].includes(k.base.entity(id)?.type ?? '') && id !== 'sco').sort().join(' '))
      .filter(Boolean),
  );
  const single = frame.single.includes('agent') && accounts.size <= 1;
  if (other) AGENT_PHRASINGS.forEach((p) => claims.push({ text: p(name, nameFor(k, other)!), expect: single ? 'contradicted' : 'unknown', fact: f.id, change: 'agent', false: true }));
}

function statusClaims(k: Knowledge, f: Fact, claims: GeneratedClaim[], skip: (why: string) => void, gaps: Set<string>): void {
  if (!f.status || !STATUS_NOUN[f.status] || f.relation === 'describes' || !f.date || !f.about.includes('sco')) return skip('membership fact without a dated SCO status');
  for (const id of f.about.filter((x) => k.base.entity(x)?.type === 'country')) {
    const country = k.base.entity(id)!;
    const name = nameFor(k, country) ?? country.name;
    const history = membershipFacts(k.base, id).filter((g) => g.status === f.status && g.relation !== 'describes');
    const p = claimable(f.date);
    const v = versionsOf(f);
    const all = history.flatMap((g) => versionsOf(g).dates);
    STATUS_PHRASINGS.forEach((ph, i) =>
      claims.push({
        mustShow: [String(p.year)],
        text: ph(name, f.status!, dateWords(p, i)),
        // Another fact of the same status that agrees in every version settles it, whatever this one's versions say.
        expect: guarded(k, f, fullyAgrees(history, p) ? 'supported' : expected(v.dates.map((d) => agrees(d, p)), true), { slot: 'date', fact: f, start: p }, gaps, history.filter((g) => g.date && agrees(g.date, p))),
        fact: f.id,
        change: 'none',
        false: false,
      }),
    );
    const year = [p.year - 2, p.year + 3, p.year - 5].find((y) => !all.some((d) => agrees(d, { year: y })));
    // Present tense, where the status still holds as of the latest sources: "Mongolia has been an observer since 2004".
    const now = standingsAsOf(k.base, latestMembershipYear(k.base)).find((st) => st.country === id);
    if (now?.status === f.status && STATUS_NOUN[f.status]) {
      const since = guarded(k, f, fullyAgrees(history, { year: p.year }) ? 'supported' : expected(v.dates.map((d) => agrees(d, { year: p.year })), true), { slot: 'date', fact: f, start: { year: p.year } }, gaps, history);
      claims.push({ text: `${name} has been ${STATUS_NOUN[f.status]} since ${p.year}`, expect: since, fact: f.id, change: 'none', false: false, mustShow: [String(p.year)] });
    }
    const expect = guarded(k, f, 'contradicted', { slot: 'date', fact: f, start: { year: p.year } }, gaps, history);
    if (year) STATUS_PHRASINGS.forEach((ph) => claims.push({ text: ph(name, f.status!, ` in ${year}`), expect, fact: f.id, change: 'year', false: true, mustShow: [String(p.year)] }));
  }
}
