/** Status history from dated membership facts: who was what, and since when, as of any year. */
import { compareStart } from './dates.js';
import type { Fact, FactBase } from './model.js';
import type { Status } from './schema.js';

/** Statuses a country holds until a later one replaces it; applications and guest visits do not. */
export const LASTING: Status[] = ['member', 'observer', 'dialogue-partner'];
const RANK: Record<Status, number> = { member: 3, observer: 2, 'dialogue-partner': 1, applicant: 0, guest: 0 };

export const STATUS_LABEL: Record<Status, string> = {
  member: 'member',
  observer: 'observer',
  'dialogue-partner': 'dialogue partner',
  applicant: 'applicant',
  guest: 'guest',
};
export const STATUS_PLURAL: Record<Status, string> = {
  member: 'Members',
  observer: 'Observers',
  'dialogue-partner': 'Dialogue partners',
  applicant: 'Applicants',
  guest: 'Guests',
};

export type Org = 'sco' | 'shanghai-five';

/** The organisation itself (the SCO or the Shanghai Five), as opposed to anything named in or beside it. */
export function isOrg(id: string): id is Org {
  return id === 'sco' || id === 'shanghai-five';
}

/** When each began; the Shanghai Five became the SCO in 2001. */
export const FOUNDED: Record<Org, number> = { 'shanghai-five': 1996, sco: 2001 };

export function orgOf(fact: Fact): Org {
  return fact.about.includes('shanghai-five') && !fact.about.includes('sco') ? 'shanghai-five' : 'sco';
}

/** Countries a membership fact gives its status to. */
export function countriesOf(base: FactBase, fact: Fact): string[] {
  return fact.about.filter((id) => base.entity(id)?.type === 'country');
}

export function membershipFacts(base: FactBase, countryId: string): Fact[] {
  return base
    .factsAbout(countryId)
    .filter((f) => f.kind === 'membership' && f.status && countriesOf(base, f).includes(countryId))
    .sort(byDate);
}

export function byDate(a: Fact, b: Fact): number {
  if (!a.date || !b.date) return a.date ? -1 : b.date ? 1 : 0;
  return compareStart(a.date.start, b.date.start);
}

export interface Standing {
  country: string;
  status: Status;
  /** The fact that gave the status; its quote is the evidence. */
  fact: Fact;
}

/**
 * A list of who held which status when a document was written ("four observers: …"),
 * as opposed to a change of status. Changes decide; a snapshot only fills in for a
 * country whose change the documents never date (Armenia, the 2024 partners).
 */
export function isSnapshot(fact: Fact): boolean {
  return fact.relation === 'describes';
}

/**
 * Each country's lasting status in the organisation as of the end of a year: the latest
 * status change dated that year or before. On a tie in the same year, the higher status wins
 * (a country that became an observer and then a member in one year is a member).
 */
export function standingsAsOf(base: FactBase, year: number, org: Org = 'sco'): Standing[] {
  const changes = new Map<string, Standing>();
  const snapshots = new Map<string, Standing>();
  for (const fact of base.facts) {
    if (fact.kind !== 'membership' || !fact.status || !fact.date || !LASTING.includes(fact.status)) continue;
    if (orgOf(fact) !== org || fact.date.start.year > year) continue;
    const best = isSnapshot(fact) ? snapshots : changes;
    for (const country of countriesOf(base, fact)) {
      const current = best.get(country);
      if (!current || isLater(fact, fact.status, current)) best.set(country, { country, status: fact.status, fact });
    }
  }
  for (const [country, s] of snapshots) if (!changes.has(country)) changes.set(country, s);
  return [...changes.values()].sort((a, b) => RANK[b.status] - RANK[a.status] || base.entityName(a.country).localeCompare(base.entityName(b.country)));
}

function isLater(fact: Fact, status: Status, current: Standing): boolean {
  const a = fact.date!.start;
  const b = current.fact.date!.start;
  if (a.year !== b.year) return a.year > b.year;
  if (RANK[status] !== RANK[current.status]) return RANK[status] > RANK[current.status];
  return compareStart(a, b) > 0;
}

/** Applications on record up to a year that were still pending then: made after the country's last status change. */
export function applicantsAsOf(base: FactBase, year: number, standings: Standing[]): Standing[] {
  const now = new Map(standings.map((s) => [s.country, s]));
  const out = new Map<string, Standing>();
  for (const fact of base.facts) {
    if (fact.kind !== 'membership' || fact.status !== 'applicant' || !fact.date || fact.date.start.year > year || orgOf(fact) !== 'sco') continue;
    for (const country of countriesOf(base, fact)) {
      const current = now.get(country);
      if (current?.status === 'member') continue;
      if (current?.fact.date && compareStart(current.fact.date.start, fact.date.start) >= 0 && !isSnapshot(current.fact)) continue;
      out.set(country, { country, status: 'applicant', fact });
    }
  }
  return [...out.values()];
}

/** The latest year any membership fact is dated to: "as of the latest sources". */
export function latestMembershipYear(base: FactBase): number {
  let latest = 2001;
  for (const f of base.facts) if (f.kind === 'membership' && f.date) latest = Math.max(latest, f.date.start.year);
  return latest;
}
