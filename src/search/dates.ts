/** Date indexes: facts by day, by month of a year, by year, and by month-day for "on this day". */
import { type DatePoint, type FactDate } from '../facts/dates.js';
import type { Fact, FactBase } from '../facts/model.js';

export interface DatedFact {
  fact: Fact;
  /** The day, month or year this entry is filed under: a fact's own date or a source's differing one. */
  point: DatePoint;
  /** The document that gives this date, when it differs from the fact's own. */
  doc?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const monthDayKey = (month: number, day: number) => `${pad(month)}-${pad(day)}`;

export class DateIndex {
  private readonly byMonthDay = new Map<string, DatedFact[]>();
  private readonly byDay = new Map<string, DatedFact[]>();
  private readonly byMonth = new Map<string, DatedFact[]>();
  private readonly byYear = new Map<number, DatedFact[]>();

  constructor(base: FactBase) {
    for (const fact of base.facts) {
      const seen = new Set<string>();
      const file = (date: FactDate | undefined, doc?: string) => {
        if (!date) return;
        for (const point of date.end ? [date.start, date.end] : [date.start]) {
          const k = `${point.year}-${point.month ?? ''}-${point.day ?? ''}`;
          if (seen.has(k)) continue;
          seen.add(k);
          const entry: DatedFact = doc ? { fact, point, doc } : { fact, point };
          push(this.byYear, point.year, entry);
          if (point.month !== undefined) push(this.byMonth, `${point.year}-${pad(point.month)}`, entry);
          if (point.month !== undefined && point.day !== undefined) {
            push(this.byDay, `${point.year}-${pad(point.month)}-${pad(point.day)}`, entry);
            push(this.byMonthDay, monthDayKey(point.month, point.day), entry);
          }
        }
        // A range also counts for every year it spans.
        if (date.end) for (let y = date.start.year + 1; y < date.end.year; y++) push(this.byYear, y, doc ? { fact, point: { year: y }, doc } : { fact, point: { year: y } });
      };
      file(fact.date);
      for (const s of fact.sources) file(s.date, s.doc);
    }
    for (const list of [...this.byMonthDay.values()]) list.sort((a, b) => a.point.year - b.point.year);
  }

  /** Everything dated to this point: a day, a month of a year, or a year. */
  on(point: DatePoint): DatedFact[] {
    if (point.day !== undefined && point.month !== undefined) return this.byDay.get(`${point.year}-${pad(point.month)}-${pad(point.day)}`) ?? [];
    if (point.month !== undefined) return this.byMonth.get(`${point.year}-${pad(point.month)}`) ?? [];
    return this.byYear.get(point.year) ?? [];
  }

  /** Day-precision events on this month and day in any year, oldest first. */
  onMonthDay(month: number, day: number): DatedFact[] {
    return this.byMonthDay.get(monthDayKey(month, day)) ?? [];
  }

  /** How many month-days of the year have at least one event. */
  monthDays(): string[] {
    return [...this.byMonthDay.keys()].sort();
  }
}

/** Each fact files each of its points once (see `seen`), so no entry can repeat. */
function push<K>(map: Map<K, DatedFact[]>, key: K, entry: DatedFact): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
