/**
 * The evidence guard: a verdict of supported or contradicted is shown only with a quote
 * that states the value it turns on, in any form the documents write it ("15 June 2001",
 * "June 15, 2001", "15.06.2001"; a place by any alias, or a place inside it; a number in
 * digits or words; a person or country by name). A verdict whose quotes do not state it
 * falls back to unknown: the bot's word is never worth more than its quote.
 */
import { type DatePoint, MONTHS } from '../facts/dates.js';
import type { Fact, FactBase, Quote } from '../facts/model.js';
import type { Status } from '../facts/schema.js';
import { key } from '../text/normalize.js';
import { findDates } from '../understand/dates.js';
import { counts } from './numbers.js';
import { TUNING } from './tuning.js';

/** A value a verdict turns on, and the fact whose quote must state it. */
export type Deciding =
  | { slot: 'date'; fact: Fact; start: DatePoint; end?: DatePoint }
  | { slot: 'place'; fact: Fact; places: string[] }
  | { slot: 'count'; fact: Fact; value: number }
  | { slot: 'name'; fact: Fact; entities: string[] }
  | { slot: 'status'; fact: Fact; status: Status };

const MONTH_ALT = MONTHS.map((m) => `${m}|${m.slice(0, 3)}`).join('|');
/** Spans the date grammar reads only by their last day: "8-14 June, 2012", "June 8-14, 2012". */
const DAY_SPANS = [
  { re: new RegExp(`\\b(\\d{1,2})\\s*(?:[-–]|to|and|until)\\s*(\\d{1,2})\\s+(${MONTH_ALT})\\.?,?\\s+((?:19|20)\\d{2})\\b`, 'gi'), day: 1, to: 2, month: 3, year: 4 },
  { re: new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})\\s*[-–]\\s*(\\d{1,2}),?\\s+((?:19|20)\\d{2})\\b`, 'gi'), day: 2, to: 3, month: 1, year: 4 },
];

const monthOf = (name: string) => MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === name.slice(0, 3).toLowerCase()) + 1;

/** Every date point and day span a quote writes, with the year it gives. */
function quoteDates(text: string): { start: DatePoint; end?: DatePoint; monthDayOnly?: boolean }[] {
  const out: { start: DatePoint; end?: DatePoint; monthDayOnly?: boolean }[] = findDates(text);
  for (const s of DAY_SPANS) {
    s.re.lastIndex = 0;
    for (let m = s.re.exec(text); m; m = s.re.exec(text)) {
      const year = +m[s.year]!;
      const month = monthOf(m[s.month]!);
      out.push({ start: { year, month, day: +m[s.day]! }, end: { year, month, day: +m[s.to]! } });
    }
  }
  return out;
}

const dayNumber = (p: DatePoint) => p.year * 10000 + (p.month ?? 0) * 100 + (p.day ?? 0);

/** Does a written date give the wanted one at the wanted precision (a span of days counts for each of its days)? */
function givesDate(written: { start: DatePoint; end?: DatePoint; monthDayOnly?: boolean }, want: { start: DatePoint; end?: DatePoint }, year?: number): boolean {
  const w = want.start;
  const from = written.start;
  const to = written.end ?? written.start;
  // A day written without its year ("on July 5") gives a day whose year another quote states; never a year alone.
  if (written.monthDayOnly && w.day === undefined) return false;
  const y = written.monthDayOnly ? year : from.year;
  if (y === undefined || y !== w.year) return false;
  if (w.month === undefined) return true;
  if (from.month === undefined) return false;
  if (w.day === undefined) return from.month <= w.month && w.month <= (to.month ?? from.month);
  if (from.day === undefined) return false;
  const at = dayNumber({ ...w, year: y });
  return dayNumber({ ...from, year: y }) <= at && at <= dayNumber({ ...to, year: y });
}

function statesDate(quote: string, others: string[], d: Extract<Deciding, { slot: 'date' }>): boolean {
  const written = quoteDates(quote);
  // "On June 14 the operation took place": a day without its year, with the year in another quote of the fact.
  const yearElsewhere = others.some((q) => new RegExp(`\\b${d.start.year}\\b`).test(q)) ? d.start.year : undefined;
  const wants = d.end && d.end.year !== d.start.year ? [{ start: d.start }, { start: d.end }] : [{ start: d.start }];
  if (written.some((x) => wants.some((w) => givesDate(x, w, yearElsewhere)))) return true;
  // A year in a name or a span of years ("2010-2011") is still the year written.
  return d.start.month === undefined && wants.some((w) => new RegExp(`\\b${w.start.year}\\b`).test(quote));
}

function names(base: FactBase, id: string): string[] {
  const e = base.entity(id);
  if (!e) return [id];
  return [e.name.replace(/\s*\(.*\)\s*$/, ''), ...e.aliases].map(key).filter((n) => n.length >= 2);
}

function statesName(base: FactBase, quote: string, ids: string[], inside: boolean): boolean {
  const text = ` ${key(quote)} `;
  const says = (id: string) => names(base, id).some((n) => text.includes(` ${n} `));
  return ids.every((id) => {
    if (says(id)) return true;
    // "the Matybulak training ground" states Kazakhstan: a place that lies in the country.
    return inside && base.placesIn(id).some((e) => says(e.id));
  });
}

function statesCount(quote: string, value: number): boolean {
  return counts(quote).some((c) => Math.abs(c.value - value) <= value * TUNING.approximateCount);
}

const STATUS_WORDS: Record<Status, RegExp> = {
  member: /\b(member|members|membership|joined|accession|admitted|full-fledged)\b/i,
  observer: /\bobservers?\b/i,
  'dialogue-partner': /\b(dialogue|dialog)\s+partners?\b|\bpartners?\b/i,
  applicant: /\b(appl(y|ied|ication|icant)s?|request(ed)?|bid)\b/i,
  guest: /\bguests?\b/i,
};

/** Does this quote state the deciding value? `others` are the fact's other quotes (for a year given once). */
export function quoteStates(base: FactBase, quote: Quote, d: Deciding, others: string[] = []): boolean {
  const text = quote.quote.replace(/\s+/g, ' ');
  switch (d.slot) {
    case 'date':
      return statesDate(text, others, d);
    case 'place':
      return statesName(base, text, d.places, true);
    case 'count':
      return statesCount(text, d.value);
    case 'name':
      return statesName(base, text, d.entities, false);
    case 'status':
      return STATUS_WORDS[d.status].test(text);
  }
}

/**
 * For each fact, the index of the first quote that states every value deciding on that fact,
 * or undefined when some value is stated by none of the fact's quotes.
 */
export function leadingQuotes(base: FactBase, deciding: Deciding[]): Map<Fact, number> | undefined {
  const leads = new Map<Fact, number>();
  const byFact = new Map<Fact, Deciding[]>();
  for (const d of deciding) byFact.set(d.fact, [...(byFact.get(d.fact) ?? []), d]);
  for (const [fact, ds] of byFact) {
    const all = fact.sources.map((q) => q.quote);
    const states = (q: Quote) => ds.every((d) => quoteStates(base, q, d, all));
    // A quote that states it all by itself comes first; one that needs another quote's year after.
    let i = fact.sources.findIndex((q) => ds.every((d) => quoteStates(base, q, d)));
    if (i < 0) i = fact.sources.findIndex(states);
    // Two values may stand in two quotes of one fact ("in 2012" in one, "in Tajikistan" in the next): each must be stated by some quote.
    if (i < 0 && ds.every((d) => fact.sources.some((q) => quoteStates(base, q, d, all)))) i = fact.sources.findIndex((q) => quoteStates(base, q, ds[0]!, all));
    if (i < 0) return undefined;
    leads.set(fact, i);
  }
  return leads;
}
