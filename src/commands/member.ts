/** `member <country>`: a country's status history in the Shanghai Five and the SCO, with quotes. */
import { answerFact } from '../answer/cite.js';
import type { Answer } from '../answer/model.js';
import { formatPoint } from '../facts/dates.js';
import type { Entity } from '../facts/model.js';
import { statusIn } from '../understand/route.js';
import type { CommandContext } from './context.js';
import { isSnapshot, membershipFacts, orgOf, STATUS_LABEL } from '../facts/membership.js';
import { noMatch } from './nomatch.js';
import { aboutEntity } from './lookup.js';
import { ANSWER_LIMITS } from '../answer/limits.js';

const isCountry = (e: Entity) => e.type === 'country';

export function findCountry(ctx: CommandContext): Entity | undefined {
  const { k, route } = ctx;
  const exact = k.entities.exact(route.query);
  if (exact && isCountry(exact)) return exact;
  const mentioned = k.entities.mentions(route.query).find((m) => isCountry(m.entity));
  if (mentioned) return mentioned.entity;
  // A command with a misspelt name: take the closest country if it is close enough.
  if (route.explicit) {
    const best = k.entities.fuzzy(route.query, 1, isCountry)[0];
    if (best && best.score <= 0.35) return best.entity;
  }
  return undefined;
}

export function member(ctx: CommandContext): Answer {
  const { k, route } = ctx;
  const country = findCountry(ctx);
  if (!country) {
    if (!route.query) return { intent: 'member', title: 'Which country?', summary: 'Usage: `member <country>`, e.g. `member india`.', facts: [] };
    return noMatch(k, 'member', route.query, `a country called "${route.query}"`, isCountry);
  }
  const history = membershipFacts(k.base, country.id);
  if (!history.length) {
    const others = aboutEntity(k, country).slice(0, ANSWER_LIMITS.factsPerPage);
    return {
      intent: 'member',
      title: `${country.name} in the SCO`,
      summary: `The sources do not name ${country.name} as a member, observer or dialogue partner of the SCO.`,
      facts: others.map((f) => answerFact(k.base, f)),
      ...(others.length ? { factsLabel: `What the sources do say about ${country.name}:` } : {}),
    };
  }
  // The status asked about comes first ("when did Belarus become an observer?").
  // Changes of status first, in order; lists of who was what when a document was written after them.
  const changes = history.filter((f) => !isSnapshot(f));
  const timeline = [...changes, ...history.filter(isSnapshot)];
  const asked = route.explicit ? undefined : route.status ?? statusIn(route.query);
  const ordered = asked ? [...timeline.filter((f) => f.status === asked), ...timeline.filter((f) => f.status !== asked)] : timeline;
  const steps = (changes.length ? changes : history)
    .filter((f, i, all) => all.findIndex((g) => g.status === f.status && orgOf(g) === orgOf(f)) === i)
    .map((f) => `${STATUS_LABEL[f.status!]}${orgOf(f) === 'shanghai-five' ? ' of the Shanghai Five' : ''}${f.date ? ` (${formatPoint(f.date.start)})` : ''}`);
  return {
    intent: 'member',
    title: `${country.name} in the SCO`,
    summary: `${country.name}: ${steps.join(' → ')}.`,
    facts: ordered.map((f) => answerFact(k.base, f)),
  };
}
