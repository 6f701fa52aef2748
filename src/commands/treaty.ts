/** `treaty <name>`: a treaty, charter, convention, declaration or programme: when, where, what. */
import type { Answer } from '../answer/model.js';
import type { Entity, Fact } from '../facts/model.js';
import type { CommandContext } from './context.js';
import { rankFacts } from '../search/rank.js';
import { answerFacts, onlyNames, titleFor } from './lookup.js';
import { byDate } from '../facts/membership.js';
import { noMatch } from './nomatch.js';

const isTreaty = (e: Entity) => e.type === 'treaty';
const ORDER = ['signed', 'adopted', 'approved', 'entered-into-force', 'ratified'];

function treatyFacts(facts: readonly Fact[], entity: Entity): Fact[] {
  const rank = (f: Fact) => {
    const i = ORDER.indexOf(f.relation ?? '');
    return (f.about[0] === entity.id ? 0 : 10) + (i < 0 ? ORDER.length : i);
  };
  return [...facts].sort((a, b) => rank(a) - rank(b) || byDate(a, b));
}

export function treaty(ctx: CommandContext): Answer {
  const { k, route } = ctx;
  const text = route.query;
  if (!text.trim()) {
    return { intent: 'treaty', title: 'Which treaty?', summary: 'Usage: `treaty <name>`, e.g. `treaty charter` or `treaty shanghai convention`.', facts: [] };
  }
  const mentions = k.entities.mentions(text);
  let entity = mentions.find((m) => isTreaty(m.entity))?.entity ?? k.entities.exact(text);
  if (entity && !isTreaty(entity)) entity = undefined;
  if (!entity && route.explicit) {
    const best = k.entities.fuzzy(text, 1, isTreaty)[0];
    if (best && best.score <= 0.3) entity = best.entity;
  }
  // A question about one treaty ("when was the charter signed?") is best answered by search within its facts.
  if (entity) {
    const own = k.base.factsAbout(entity.id);
    const ordered = treatyFacts(own, entity);
    // The name alone ("treaty charter"): its signing first, then what it says.
    if ((onlyNames(text, mentions) || k.entities.exact(text) === entity || (route.explicit && !mentions.length)) && ordered.length) return answerFacts(k, 'treaty', entity.name, ordered);
    const hits = rankFacts(k, text, route.dates, mentions, { within: own, minCoverage: 0.3 });
    const hit = new Set(hits.map((h) => h.fact));
    const facts = hits.length ? [...hit, ...ordered.filter((f) => !hit.has(f))] : ordered;
    if (facts.length) return answerFacts(k, 'treaty', entity.name, facts);
  }
  const hits =
    rankFacts(k, text, route.dates, mentions, { filter: (f) => f.kind === 'treaty' || f.about.some((id) => k.base.entity(id)?.type === 'treaty') });
  const found = hits.length ? hits : rankFacts(k, text, route.dates, mentions);
  if (!found.length) return noMatch(k, 'treaty', text, `a treaty matching "${text}"`, isTreaty);
  return answerFacts(k, 'treaty', titleFor(text), found.map((h) => h.fact));
}
