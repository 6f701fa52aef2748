/**
 * The line that answers, before the evidence: "Charter of the SCO: signed 7 June 2002 in Saint
 * Petersburg". Made from the top fact's relation, date, place or value; a fact that only
 * describes needs no such line (its statement, shown first, is the answer).
 */
import { formatDate } from '../facts/dates.js';
import type { Fact, FactBase } from '../facts/model.js';

/**
 * Relations whose first `about` is what the verb happened to, so "<it>: <verb> <when> in <where>"
 * reads right ("Charter of the SCO: signed 7 June 2002"). Not "proposed" or "hosted", whose first
 * `about` is the thing proposed or the event, nor descriptions, whose statement is the answer.
 */
const LINE_RELATIONS = new Set(['signed', 'adopted', 'approved', 'ratified', 'entered-into-force', 'founded', 'established', 'created', 'launched', 'held', 'located-in', 'joined', 'became-observer', 'became-dialogue-partner', 'applied', 'statistic']);

export function answerLine(base: FactBase, fact: Fact | undefined): string | undefined {
  if (!fact?.relation || !LINE_RELATIONS.has(fact.relation)) return undefined;
  const subject = base.entityName(fact.about[0]!);
  if (fact.relation === 'statistic') return fact.value !== undefined ? `${subject}: ${fact.value}${fact.date ? ` (${formatDate(fact.date)})` : ''}` : undefined;
  if (!fact.date && !fact.place) return undefined;
  const verb = fact.relation.replace(/-/g, ' ').replace(/ in$/, '');
  const when = fact.date ? ` ${/^\d{4}$/.test(formatDate(fact.date)) ? 'in ' : ''}${formatDate(fact.date)}` : '';
  const where = fact.place ? ` in ${base.entityName(fact.place)}` : '';
  return `${subject}: ${verb}${when}${where}`;
}
