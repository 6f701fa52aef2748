/** Turning facts into answer facts: quotes with citations, and where the sources differ. */
import { type DatePoint, type FactDate, formatDate, isoDate } from '../facts/dates.js';
import type { Fact, FactBase, Quote } from '../facts/model.js';
import { displayQuote } from './display.js';
import type { AnswerFact, AnswerQuote } from './model.js';

export function citation(base: FactBase, q: Pick<Quote, 'doc' | 'where'>): string {
  const doc = base.documents.get(q.doc);
  return doc ? `${doc.short} ${doc.year}, ${q.where}` : `${q.doc}, ${q.where}`;
}

/** Two dates differ only when they disagree at the precision both give: "2005" does not contradict "5 July 2005". */
export function datesDiffer(a: FactDate, b: FactDate): boolean {
  const agree = (p: DatePoint, q: DatePoint) =>
    p.year === q.year && (p.month === undefined || q.month === undefined || (p.month === q.month && (p.day === undefined || q.day === undefined || p.day === q.day)));
  return !(agree(a.start, b.start) && agree(a.end ?? a.start, b.end ?? b.start));
}

function versionOf(base: FactBase, fact: Fact, q: Quote): string | undefined {
  const parts: string[] = [];
  if (q.date && (!fact.date || datesDiffer(q.date, fact.date))) parts.push(formatDate(q.date));
  if (q.place && q.place !== fact.place) parts.push(`in ${base.entityName(q.place)}`);
  if (q.value !== undefined && q.value !== fact.value) parts.push(String(q.value));
  return parts.length ? parts.join(', ') : undefined;
}

/** "The sources differ: 30 October 2008 (Rozanov (ed.) 2013); 31 October 2008 (Rozanov (ed.) 2013)". */
function differences(base: FactBase, fact: Fact): string | undefined {
  const versions = new Map<string, Set<string>>();
  const add = (label: string, doc: string) => {
    const set = versions.get(label) ?? new Set<string>();
    const d = base.documents.get(doc);
    set.add(d ? `${d.short} ${d.year}` : doc);
    versions.set(label, set);
  };
  const own = [fact.date ? formatDate(fact.date) : '', fact.place ? `in ${base.entityName(fact.place)}` : '', fact.value !== undefined ? String(fact.value) : '']
    .filter(Boolean)
    .join(', ');
  let differs = false;
  for (const q of fact.sources) {
    const v = versionOf(base, fact, q);
    if (v) differs = true;
    // A source that overrides one part keeps the fact's other parts.
    add(v ? mergeVersion(base, fact, q) : own, q.doc);
  }
  if (!differs) return undefined;
  return `The sources differ: ${[...versions].map(([label, docs]) => `${label} (${[...docs].join('; ')})`).join(' vs ')}.`;
}

function mergeVersion(base: FactBase, fact: Fact, q: Quote): string {
  const date = q.date ?? fact.date;
  const place = q.place ?? fact.place;
  const value = q.value ?? fact.value;
  return [date ? formatDate(date) : '', place ? `in ${base.entityName(place)}` : '', value !== undefined ? String(value) : ''].filter(Boolean).join(', ');
}

export function answerFact(base: FactBase, fact: Fact): AnswerFact {
  const quotes: AnswerQuote[] = fact.sources.map((q) => {
    const version = versionOf(base, fact, q);
    return { doc: q.doc, quote: displayQuote(q.quote), where: q.where, citation: citation(base, q), ...(version ? { version } : {}) };
  });
  const differ = differences(base, fact);
  return {
    id: fact.id,
    kind: fact.kind,
    statement: fact.statement,
    ...(fact.date ? { date: isoDate(fact.date), dateText: formatDate(fact.date) } : {}),
    ...(fact.place ? { place: base.entityName(fact.place) } : {}),
    quotes,
    ...(differ ? { differ } : {}),
    ...(fact.note ? { note: fact.note } : {}),
  };
}

/**
 * The facts of one answer, each once: facts that say the same thing (one relation of one subject
 * with the same date and place) collapse into the first, with all their sources; a quote shown
 * under one fact is not shown again under another, and a fact left with no quote of its own goes.
 */
export function answerFactsOf(base: FactBase, facts: readonly Fact[]): AnswerFact[] {
  const groups = new Map<string, Fact[]>();
  const order: Fact[][] = [];
  for (const f of facts) {
    const key = f.relation && (f.date || f.place) ? [f.relation, f.about[0], f.date ? isoDate(f.date) : '', f.place ?? '', f.status ?? '', f.value ?? ''].join('|') : `#${f.id}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else {
      groups.set(key, [f]);
      order.push(groups.get(key)!);
    }
  }
  const seen = new Set<string>();
  const out: AnswerFact[] = [];
  for (const [first, ...same] of order) {
    const shown = answerFact(base, first!);
    const quotes = [...shown.quotes, ...same.flatMap((f) => answerFact(base, f).quotes)].filter((q) => {
      if (seen.has(q.quote)) return false;
      seen.add(q.quote);
      return true;
    });
    if (quotes.length) out.push({ ...shown, quotes });
  }
  return out;
}
