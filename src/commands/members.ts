/** `members [year]`: members, observers and dialogue partners as of a year, each with its evidence. */
import { answerFact } from '../answer/cite.js';
import type { Answer, AnswerFact } from '../answer/model.js';
import type { Status } from '../facts/schema.js';
import type { CommandContext } from './context.js';
import { applicantsAsOf, FOUNDED, latestMembershipYear, type Org, type Standing, standingsAsOf, STATUS_PLURAL } from '../facts/membership.js';

const GROUPS: Status[] = ['member', 'observer', 'dialogue-partner', 'applicant'];

export function members(ctx: CommandContext): Answer {
  const { k, route } = ctx;
  const latest = latestMembershipYear(k.base);
  const asked = route.dates.find((d) => !d.monthDayOnly)?.start.year;
  const year = asked ?? latest;
  const filter = groupAsked(route.query);
  const org: Org = year < FOUNDED.sco ? 'shanghai-five' : 'sco';
  const standings = standingsAsOf(k.base, year, org);
  if (org === 'sco') standings.push(...applicantsAsOf(k.base, year, standings));
  const orgName = org === 'sco' ? 'the SCO' : 'the Shanghai Five';

  if (!standings.length) {
    return {
      intent: 'members',
      title: `Nothing in the sources on ${orgName}'s membership in ${year}.`,
      summary: year < FOUNDED['shanghai-five'] ? 'The Shanghai Five first met in 1996; the SCO was founded in 2001.' : 'No dated membership fact covers that year.',
      facts: [],
    };
  }

  const lines: string[] = [];
  const facts: AnswerFact[] = [];
  const seen = new Set<string>();
  for (const status of GROUPS) {
    if (filter && status !== filter) continue;
    const group = standings.filter((s) => s.status === status);
    if (!group.length) {
      if (filter) lines.push(`${STATUS_PLURAL[status]}: none in the sources as of ${year}.`);
      continue;
    }
    lines.push(`${STATUS_PLURAL[status]} (${group.length}): ${group.map((s) => describe(k.base.entityName(s.country), s)).join(', ')}.`);
    for (const s of group) {
      if (seen.has(s.fact.id)) continue;
      seen.add(s.fact.id);
      facts.push(answerFact(k.base, s.fact));
    }
  }
  const asOf = asked ? `as of ${year}` : `as of the latest sources (${year})`;
  return {
    intent: 'members',
    title: `${filter ? STATUS_PLURAL[filter] : 'Members, observers and dialogue partners'} of ${orgName}, ${asOf}`,
    summary: lines.join('\n'),
    facts,
    footer: org === 'shanghai-five' ? ['The SCO itself was founded in 2001; ask `members 2001` for its founding members.'] : [],
  };
}

function describe(name: string, s: Standing): string {
  return s.fact.date ? `${name} (since ${s.fact.date.start.year})` : name;
}

/** The one group a question asks about; none for a plain "members 2010", which lists them all. */
function groupAsked(query: string): Status | undefined {
  const q = query.toLowerCase();
  if (/\bobservers?\b/.test(q)) return 'observer';
  if (/\bpartners?\b/.test(q)) return 'dialogue-partner';
  if (/\bapplicants?\b|\bappl(ied|y)\b/.test(q)) return 'applicant';
  if (/\bmembers?\b/.test(q) && /\bfull\b|member states|\b(which|what|who|list|name|how many)\b/.test(q)) return 'member';
  return undefined;
}
