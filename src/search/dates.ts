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
const monthDayKey = (month: number, day: number) => `${pad(month)}-${pad(day)}`;

/** Numeric keys: building the index at 100,000 facts makes no strings. */
const dayKey = (year: number, month: number, day: number) => year * 10_000 + month * 100 + day;

export class DateIndex {
  /** By month * 100 + day. */
  private readonly byMonthDay = new Map<number, DatedFact[]>();
  /** By year * 10,000 + month * 100 + day, with day 0 for a month of a year. */
  private readonly byDay = new Map<number, DatedFact[]>();
  private readonly byYear = new Map<number, DatedFact[]>();

  constructor(base: FactBase) {
    const filed: number[] = [];
    for (const fact of base.facts) {
      filed.length = 0;
      const file = (date: FactDate | undefined, doc?: string) => {
        if (!date) return;
        for (const point of date.end ? [date.start, date.end] : [date.start]) {
          const k = dayKey(point.year, point.month ?? 0, point.day ?? 0);
          if (filed.includes(k)) continue;
          filed.push(k);
          const entry: DatedFact = doc ? { fact, point, doc } : { fact, point };
          push(this.byYear, point.year, entry);
          if (point.month !== undefined) push(this.byDay, dayKey(point.year, point.month, 0), entry);
          if (point.month !== undefined && point.day !== undefined) {
            push(this.byDay, k, entry);
            push(this.byMonthDay, point.month * 100 + point.day, entry);
          }
        }
        // A range also counts for every year it spans.
        if (date.end) for (let y = date.start.year + 1; y < date.end.year; y++) push(this.byYear, y, doc ? { fact, point: { year: y }, doc } : { fact, point: { year: y } });
      };
      file(fact.date);
      for (const s of fact.sources) if (s.date) file(s.date, s.doc);
    }
    for (const list of this.byMonthDay.values()) list.sort((a, b) => a.point.year - b.point.year);
  }

  /** Everything dated to this point: a day, a month of a year, or a year. */
  on(point: DatePoint): DatedFact[] {
    if (point.month !== undefined) return this.byDay.get(dayKey(point.year, point.month, point.day ?? 0)) ?? [];
    return this.byYear.get(point.year) ?? [];
  }

  /** Day-precision events on this month and day in any year, oldest first. */
  onMonthDay(month: number, day: number): DatedFact[] {
    return this.byMonthDay.get(month * 100 + day) ?? [];
  }

  /** How many month-days of the year have at least one event. */
  monthDays(): string[] {
    return [...this.byMonthDay.keys()].sort((a, b) => a - b).map((k) => monthDayKey(Math.floor(k / 100), k % 100));
  }
}

/** Each fact files each of its points once (see `filed`), so no entry can repeat. */
function push<K>(map: Map<K, DatedFact[]>, key: K, entry: DatedFact): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
