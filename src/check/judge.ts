/**
 * Judging one claim against the facts. A verdict other than `unknown` always rests on a
 * fact whose quote states the deciding date, place, count or status; where the documents
 * give different versions and the claim matches only some, the verdict is `disputed`.
 */
import type { Verdict } from '../answer/model.js';
import { compareStart, type DatePoint, type FactDate, formatDate, MONTHS } from '../facts/dates.js';
import type { Entity, Fact } from '../facts/model.js';
import type { Status } from '../facts/schema.js';
import type { Knowledge } from '../knowledge.js';
import type { FactHit } from '../search/facts.js';
import { terms } from '../text/terms.js';
import { rankFacts } from '../commands/lookup.js';
import { FOUNDED, isSnapshot, latestMembershipYear, membershipFacts, orgOf, standingsAsOf, STATUS_LABEL } from '../commands/membership.js';
import type { QueryDate } from '../understand/dates.js';
import { withoutDates } from '../understand/dates.js';
import { type Claim, RELATION_CUES } from './claim.js';
import { counts } from './numbers.js';

export interface Judgement {
  verdict: Verdict;
  /** One sentence: why. */
  reason: string;
  /** Facts whose quotes decide the verdict. */
  evidence: Fact[];
  /** For `unknown`: the closest facts, which do not settle the claim. */
  context?: Fact[];
}

type Slot = 'match' | 'conflict' | 'split' | 'none';

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

function combine(results: boolean[]): Slot {
  if (!results.length) return 'none';
  if (results.every(Boolean)) return 'match';
  return results.some(Boolean) ? 'split' : 'conflict';
}

function dateSlot(claim: Claim, fact: Fact, extra: QueryDate[] = []): Slot {
  // A named event's date stands in for the claim's own only when the claim gives none.
  const own = claim.dates.filter((d) => !d.monthDayOnly);
  const claimed = own.length ? own : extra;
  if (!claimed.length) return 'none';
  const dated = versions(fact).filter((v) => v.date);
  return combine(dated.map((v) => claimed.every((c) => datesAgree(c, v.date!))));
}

function placeSlot(k: Knowledge, claim: Claim, fact: Fact, extra: string[] = []): Slot {
  const claimed = new Set(claim.places.length ? claim.places.map((p) => p.id) : extra);
  if (!claimed.size) return 'none';
  const placed = versions(fact).filter((v) => v.place);
  if (placed.length) return combine(placed.map((v) => claimed.has(v.place!)));
  // No place field: read the places the statement names.
  const mentions = k.entities.mentions(fact.statement);
  const named = mentions.filter((m) => m.entity.type === 'place').map((m) => m.entity.id);
  if (!named.length) return 'none';
  if (named.every((id) => claimed.has(id))) return 'match';
  if (!named.some((id) => claimed.has(id))) return 'conflict';
  // Some of several places: the claim's subject's own is the next place after it ("the Secretariat
  // in Beijing and the RATS Executive Committee in Tashkent"); without that, the fact cannot tell.
  const subjects = new Set(claim.subjects.map((s) => s.id));
  const at = mentions.findIndex((m) => subjects.has(m.entity.id));
  const next = at >= 0 ? mentions.slice(at + 1).find((m) => m.entity.type === 'place') : undefined;
  if (!next) return 'none';
  return claimed.has(next.entity.id) ? 'match' : 'conflict';
}

function countSlot(claim: Claim, fact: Fact): Slot {
  if (!claim.counts.length) return 'none';
  const own = [...counts(fact.statement), ...(fact.value !== undefined ? counts(String(fact.value)) : [])];
  const results: boolean[] = [];
  for (const c of claim.counts) {
    const same = own.filter((o) => o.unit === c.unit);
    if (same.length) results.push(same.some((o) => o.value === c.value));
  }
  return combine(results);
}

const flip = (v: Verdict): Verdict => (v === 'supported' ? 'contradicted' : v === 'contradicted' ? 'supported' : v);

function finish(claim: Claim, j: Judgement): Judgement {
  if (!claim.negated || (j.verdict !== 'supported' && j.verdict !== 'contradicted')) return j;
  return { ...j, verdict: flip(j.verdict), reason: `The claim is a denial. ${j.reason}` };
}

function when(f: Fact): string {
  return f.date ? formatDate(f.date) : 'an undated time';
}

/** "on 9 June 2017", "in June 2017", "in 2017". */
function at(f: Fact): string {
  return f.date && f.date.start.day !== undefined && !f.date.end ? `on ${when(f)}` : `in ${when(f)}`;
}

const withArticle = (label: string) => `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;

function statusFacts(k: Knowledge, country: Entity, status: Status, org: 'sco' | 'shanghai-five'): Fact[] {
  return membershipFacts(k.base, country.id).filter((f) => f.status === status && orgOf(f) === org);
}

/** The summit or event a claim names ("the Tashkent summit"): its date and place, for comparing. */
function eventSlots(k: Knowledge, claim: Claim): { dates: QueryDate[]; places: string[] } {
  const dates: QueryDate[] = [];
  const places: string[] = [];
  for (const e of claim.events) {
    const held = k.base.factsAbout(e.id).find((f) => f.date && (f.kind === 'summit' || f.kind === 'meeting' || f.relation === 'held'));
    if (held?.date) dates.push({ start: { year: held.date.start.year }, text: e.name, index: 0 });
    if (held?.place) places.push(held.place);
  }
  return { dates, places };
}

function judgeMembership(k: Knowledge, claim: Claim, countries: Entity[]): Judgement {
  const status = claim.status!;
  const parts = countries.map((c) => judgeCountryStatus(k, claim, c, status));
  if (parts.length === 1) return parts[0]!;
  const verdicts = new Set(parts.map((p) => p.verdict));
  const evidence = [...new Set(parts.flatMap((p) => p.evidence))];
  const reason = parts.map((p) => p.reason).join(' ');
  if (verdicts.size === 1) return { verdict: parts[0]!.verdict, reason, evidence };
  // Part right and part wrong is not supported.
  const verdict: Verdict = verdicts.has('contradicted') ? 'contradicted' : verdicts.has('disputed') ? 'disputed' : 'unknown';
  return { verdict, reason: `Mixed: ${reason}`, evidence };
}

function judgeCountryStatus(k: Knowledge, claim: Claim, country: Entity, status: Status): Judgement {
  const label = STATUS_LABEL[status];
  const org = claim.org;
  const orgName = org === 'sco' ? 'the SCO' : 'the Shanghai Five';
  const history = membershipFacts(k.base, country.id);
  if (claim.founding && status === 'member') {
    const year = FOUNDED[org];
    const founders = standingsAsOf(k.base, year, org).filter((s) => s.status === 'member');
    if (!founders.length) return { verdict: 'unknown', reason: `The sources do not list the founding members of ${orgName}.`, evidence: [] };
    const mine = founders.find((s) => s.country === country.id);
    if (mine) return { verdict: 'supported', reason: `${country.name} is among the founding members of ${orgName} (${year}).`, evidence: [mine.fact] };
    const joined = history.find((f) => f.status === 'member');
    const names = founders.map((s) => k.base.entityName(s.country)).join(', ');
    return {
      verdict: 'contradicted',
      reason: `The founding members of ${orgName} were ${names}; ${country.name} was not among them${joined ? ` (it became a member of ${orgOf(joined) === 'sco' ? 'the SCO' : 'the Shanghai Five'} ${at(joined)})` : ''}.`,
      evidence: [...new Set([founders[0]!.fact, ...(joined ? [joined] : [])])],
    };
  }
  const all = statusFacts(k, country, status, org);
  // A document's list of who was what says nothing about when a country became it.
  const changes = all.filter((f) => !isSnapshot(f));
  const facts = changes.length ? changes : all;
  if (facts.length && !changes.length && claim.dates.some((d) => !d.monthDayOnly)) {
    return { verdict: 'unknown', reason: `The sources list ${country.name} as ${withArticle(label)} of ${orgName} but do not say when it became one.`, evidence: [], context: facts.slice(0, 2) };
  }
  if (!facts.length) {
    const other = history.filter((f) => f.status !== 'applicant' && f.status !== 'guest' && !isSnapshot(f));
    if (!other.length) return { verdict: 'unknown', reason: `The sources do not say that ${country.name} was ever ${withArticle(label)} of ${orgName}.`, evidence: [] };
    // Two facts can state the same step (the founding, from two documents): name it once.
    const steps = [...new Set(other.map((f) => `${STATUS_LABEL[f.status!]} (${when(f)})`))].join(', then ');
    return { verdict: 'contradicted', reason: `The sources give ${country.name} as ${steps}, never as ${withArticle(label)} of ${orgName}.`, evidence: other };
  }
  const event = eventSlots(k, claim);
  const results = facts.map((f) => ({ f, date: dateSlot(claim, f, event.dates), place: placeSlot(k, claim, f, event.places) }));
  const timed = results.filter((r) => r.date !== 'none' || r.place !== 'none');
  if (timed.length) {
    const ok = (x: Slot) => x === 'match' || x === 'none';
    const match = timed.find((r) => ok(r.date) && ok(r.place));
    if (match) return { verdict: 'supported', reason: `${country.name} became ${withArticle(label)} of ${orgName} ${at(match.f)}.`, evidence: [match.f] };
    const split = timed.find((r) => r.date === 'split' || r.place === 'split');
    if (split) return { verdict: 'disputed', reason: `The sources differ on when ${country.name} became ${withArticle(label)}.`, evidence: [split.f] };
    const first = facts[0]!;
    return { verdict: 'contradicted', reason: `${country.name} became ${withArticle(label)} of ${orgName} ${at(first)}, not as claimed.`, evidence: [first] };
  }
  if (claim.present) {
    const latest = latestMembershipYear(k.base);
    const now = standingsAsOf(k.base, latest, org).find((s) => s.country === country.id);
    if (now && now.status !== status) {
      return {
        verdict: 'contradicted',
        reason: `${country.name} was ${withArticle(label)} from ${when(facts[0]!)}, but as of the latest sources (${latest}) it is ${withArticle(STATUS_LABEL[now.status])} (since ${when(now.fact)}).`,
        evidence: [now.fact, facts[0]!],
      };
    }
  }
  return { verdict: 'supported', reason: `${country.name} became ${withArticle(label)} of ${orgName} ${at(facts[0]!)}.`, evidence: [facts[0]!] };
}

function judgeCount(k: Knowledge, claim: Claim): Judgement | undefined {
  const c = claim.counts.find((x) => x.unit === 'member');
  // Members of the organisation itself: a count about a named exercise, treaty or body is something else.
  if (!c || claim.subjects.length || claim.events.length) return undefined;
  // "Founded by five countries" counts the founders, whatever year the latest sources reach.
  const founded = claim.founding || claim.relations.includes('founded');
  const claimedYear = claim.dates.find((d) => !d.monthDayOnly)?.start.year;
  // The Shanghai Five's last year is the one before the SCO was founded.
  const year = founded ? FOUNDED[claim.org] : (claimedYear ?? (claim.org === 'shanghai-five' ? FOUNDED.sco - 1 : latestMembershipYear(k.base)));
  const org = claim.org === 'shanghai-five' || year < FOUNDED.sco ? 'shanghai-five' : 'sco';
  const members = standingsAsOf(k.base, year, org).filter((s) => s.status === 'member');
  if (!members.length) return undefined;
  const evidence = [...new Set(members.map((s) => s.fact))].sort((a, b) => compareStart(b.date!.start, a.date!.start));
  const names = members.map((s) => k.base.entityName(s.country)).join(', ');
  const orgName = org === 'sco' ? 'The SCO' : 'The Shanghai Five';
  const verdict: Verdict = members.length === c.value ? 'supported' : 'contradicted';
  if (founded) return { verdict, reason: `${orgName} was founded in ${year} by ${members.length} countries: ${names}.`, evidence };
  const asOf = claimedYear ? `in ${year}` : org === 'shanghai-five' ? `before it became the SCO in ${FOUNDED.sco}` : `as of the latest sources (${year})`;
  return { verdict, reason: `${orgName} had ${members.length} members ${asOf}: ${names}.`, evidence };
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
  let text = withoutDates(claim.text, claim.dates);
  for (const [re] of RELATION_CUES) text = text.replace(new RegExp(re.source, 'gi'), ' ');
  // Only a place the claim puts something in ("held in Tashkent"); "the Bishkek Declaration" keeps its name.
  for (const p of claim.places) {
    for (const name of [p.name, ...p.aliases]) {
      text = text.replace(new RegExp(`\\b(in|at|to|from|by|near)\\s+(the\\s+(city\\s+of\\s+)?)?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), ' ');
    }
  }
  return text.replace(/\b\d[\d,.]*\b/g, ' ');
}

interface Candidate {
  fact: Fact;
  /** How closely the fact is about what the claim is about: topic words, relation, subject. */
  relevance: number;
  verdict: Verdict;
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

/** Facts mainly about what the claim names, for a claim that is nothing but names and values ("the SCO was founded in 2001"). */
function factsAboutNamed(k: Knowledge, claim: Claim): FactHit[] {
  const ids = new Set(claim.mentions.filter((m) => m.entity.type !== 'place').map((m) => m.entity.id));
  return k.base.facts
    .filter((f) => f.about[0] !== undefined && ids.has(f.about[0]) && f.relation !== undefined && claim.relations.includes(f.relation))
    .map((fact) => ({ fact, score: 1, coverage: 1, matched: [] }));
}

function judgeGeneral(k: Knowledge, claim: Claim): Judgement {
  const topic = topicOf(claim);
  const hits = terms(topic).length ? rankFacts(k, topic, [], claim.mentions, { minCoverage: 0.35, limit: 12, heavy: unknownNames(claim) }) : factsAboutNamed(k, claim);
  // Facts about the subject that state the claimed relation are on topic however the search ranks
  // them: "RATS is based in Beijing" must meet the fact of where RATS is, among fifty about RATS.
  for (const s of claim.relations.length ? claim.subjects : []) {
    for (const f of k.base.factsAbout(s.id)) {
      if (f.relation && claim.relations.includes(f.relation) && !hits.some((h) => h.fact === f)) hits.push({ fact: f, score: 0, coverage: 1, matched: [] });
    }
  }
  const claimed = ordinals(claim.text);
  const subjects = new Set(claim.subjects.map((s) => s.id));
  const event = eventSlots(k, claim);
  const candidates: Candidate[] = [];
  for (const h of hits) {
    const f = h.fact;
    const about = !subjects.size || f.about.some((id) => subjects.has(id)) || (f.place !== undefined && subjects.has(f.place));
    if (!about) continue;
    // "The first meeting" is not the third one: a different ordinal is a different event.
    const own = ordinals(f.statement);
    if (claimed.size && own.size && ![...claimed].some((o) => own.has(o))) continue;
    const aligned = !claim.relations.length || (f.relation !== undefined && claim.relations.includes(f.relation));
    const slots = [dateSlot(claim, f, event.dates), placeSlot(k, claim, f, event.places), countSlot(claim, f)].filter((s) => s !== 'none');
    let verdict: Verdict = 'unknown';
    // To say "no", a fact must be about the same thing: what the claim names, or most of its words.
    const enough = subjects.size ? h.coverage >= 0.45 : h.coverage >= 0.6;
    if (slots.includes('conflict') && enough) verdict = slots.includes('split') ? 'disputed' : 'contradicted';
    else if (slots.includes('split') && enough) verdict = 'disputed';
    // Support needs the fact to say what the claim says: its relation, or nearly all its words.
    else if (slots.length && slots.every((s) => s === 'match') && (aligned && claim.relations.length ? h.coverage >= 0.5 : h.coverage >= 0.8)) verdict = 'supported';
    else if (!slots.length && !claim.dates.length && !claim.places.length && !claim.counts.length && h.coverage >= 0.7 && aligned) verdict = 'supported';
    const relevance = h.coverage + (aligned && claim.relations.length ? 0.3 : 0) + (f.about[0] && subjects.has(f.about[0]) ? 0.2 : 0);
    candidates.push({ fact: f, relevance, verdict });
  }
  candidates.sort((a, b) => b.relevance - a.relevance);
  // Among the facts closest to the claim, one that agrees on every value settles it: several
  // summits are equally "a Shanghai Five summit", and only the 1998 one is the one claimed.
  const top = candidates[0]?.relevance ?? 0;
  const closest = candidates.filter((c) => c.relevance >= top - 0.1);
  // Likewise a fact with a version that agrees ("sources differ") beats a namesake that disagrees.
  const decisive =
    closest.find((c) => c.verdict === 'supported') ?? closest.find((c) => c.verdict === 'disputed') ?? candidates.slice(0, 4).find((c) => c.verdict !== 'unknown');
  if (!decisive) {
    return {
      verdict: 'unknown',
      reason: candidates.length || hits.length ? 'The sources do not state this; the closest facts do not settle it.' : 'Nothing in the sources speaks to this claim.',
      evidence: [],
      context: (candidates.length ? candidates.map((c) => c.fact) : hits.map((h) => h.fact)).slice(0, 3),
    };
  }
  const f = decisive.fact;
  const reason =
    decisive.verdict === 'supported'
      ? `The sources state it: ${f.statement}`
      : decisive.verdict === 'disputed'
        ? 'The sources give different versions, shown below.'
        : `The sources state otherwise: ${f.statement}`;
  return { verdict: decisive.verdict, reason, evidence: [f] };
}

export function judge(k: Knowledge, claim: Claim): Judgement {
  const countries = claim.subjects.filter((s) => s.type === 'country');
  if (claim.status && countries.length && countries.length === claim.subjects.length && !/\bpropos|\bsign/i.test(claim.text)) {
    return finish(claim, judgeMembership(k, claim, countries));
  }
  const counted = judgeCount(k, claim);
  if (counted) return finish(claim, counted);
  return finish(claim, judgeGeneral(k, claim));
}

