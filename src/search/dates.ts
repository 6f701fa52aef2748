/**
 * Date indexes: facts by day, by month of a year, by year, and by month-day for "on this day".
 *
 * Kept as numbers, not objects: each dated point of a fact is one entry (fact number, the point
 * as yyyymmdd, the source that gives it), and each index is one block of entry numbers grouped by
 * key. At a million facts that is about 25 MB and no objects for the collector to walk, where a
 * list of entry objects per key was 72 MB. The entries a query returns are made when it asks.
 */
import { type DatePoint, type FactDate } from '../facts/dates.js';
import type { Fact, FactBase } from '../facts/model.js';
import { Int32List } from '../ints.js';

export interface DatedFact {
  fact: Fact;
  /** The day, month or year this entry is filed under: a fact's own date or a source's differing one. */
  point: DatePoint;
  /** The document that gives this date, when it differs from the fact's own. */
  doc?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthDayKey = (month: number, day: number) => `${pad(month)}-${pad(day)}`;

/** A point as yyyymmdd, 0 for a missing month or day: the key of the day and month indexes too. */
const dayKey = (year: number, month: number, day: number) => year * 10_000 + month * 100 + day;
const pointOf = (k: number): DatePoint => {
  const year = Math.floor(k / 10_000);
  const month = Math.floor(k / 100) % 100;
  const day = k % 100;
  return month ? (day ? { year, month, day } : { year, month }) : { year };
};

/** Entry numbers grouped by key, each group in the order added: one block, and where each key's group starts and ends. */
class Groups {
  // What was added, until finish lays it out and lets it go (at a million facts, tens of megabytes).
  private keys = new Int32List();
  private entries = new Int32List();
  private readonly ranges = new Map<number, [number, number]>();
  private block = new Int32Array(0);

  add(key: number, entry: number): void {
    this.keys.push(key);
    this.entries.push(entry);
  }

  /** Lays the groups out (a counting sort by key); `order` may then reorder within each group. */
  finish(order?: (a: number, b: number) => number): void {
    const counts = new Map<number, number>();
    const keys = this.keys.view();
    const entries = this.entries.view();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    let at = 0;
    const next = new Map<number, number>();
    for (const [k, n] of counts) {
      this.ranges.set(k, [at, at + n]);
      next.set(k, at);
      at += n;
    }
    this.block = new Int32Array(at);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const j = next.get(k)!;
      this.block[j] = entries[i]!;
      next.set(k, j + 1);
    }
    if (order) for (const [from, to] of this.ranges.values()) this.block.subarray(from, to).sort(order);
    this.keys = this.entries = new Int32List(0);
  }

  of(key: number): Int32Array {
    const range = this.ranges.get(key);
    return range ? this.block.subarray(range[0], range[1]) : new Int32Array(0);
  }

  keysOf(): number[] {
    return [...this.ranges.keys()];
  }
}

export class DateIndex {
  private readonly facts: readonly Fact[];
  // Entry e: fact number, point (yyyymmdd), and the number of the source that gives it (-1: the fact's own date).
  private readonly entryFact = new Int32List();
  private readonly entryPoint = new Int32List();
  private readonly entrySource = new Int32List();
  /** By month * 100 + day. */
  private readonly byMonthDay = new Groups();
  /** By yyyymmdd, with day 0 for a month of a year. */
  private readonly byDay = new Groups();
  private readonly byYear = new Groups();

  constructor(base: FactBase) {
    this.facts = base.facts;
    const filed: number[] = [];
    base.facts.forEach((fact, n) => {
      filed.length = 0;
      const entry = (point: number, source: number) => {
        this.entryFact.push(n);
        this.entryPoint.push(point);
        this.entrySource.push(source);
        return this.entryFact.length - 1;
      };
      const file = (date: FactDate | undefined, source: number) => {
        if (!date) return;
        for (const point of date.end ? [date.start, date.end] : [date.start]) {
          const k = dayKey(point.year, point.month ?? 0, point.day ?? 0);
          if (filed.includes(k)) continue;
          filed.push(k);
          const e = entry(k, source);
          this.byYear.add(point.year, e);
          if (point.month !== undefined) this.byDay.add(dayKey(point.year, point.month, 0), e);
          if (point.month !== undefined && point.day !== undefined) {
            this.byDay.add(k, e);
            this.byMonthDay.add(point.month * 100 + point.day, e);
          }
        }
        // A range also counts for every year it spans.
        if (date.end) for (let y = date.start.year + 1; y < date.end.year; y++) this.byYear.add(y, entry(dayKey(y, 0, 0), source));
      };
      file(fact.date, -1);
      fact.sources.forEach((s, i) => file(s.date, i));
    });
    const points = this.entryPoint.view();
    this.byYear.finish();
    this.byDay.finish();
    // Oldest first; entries of one year stay in fact order.
    this.byMonthDay.finish((a, b) => points[a]! - points[b]! || a - b);
  }

  private dated(entries: Int32Array): DatedFact[] {
    const facts = this.entryFact.view();
    const points = this.entryPoint.view();
    const sources = this.entrySource.view();
    return Array.from(entries, (e) => {
      const fact = this.facts[facts[e]!]!;
      const point = pointOf(points[e]!);
      const source = sources[e]!;
      return source < 0 ? { fact, point } : { fact, point, doc: fact.sources[source]!.doc };
    });
  }

  /** Everything dated to this point: a day, a month of a year, or a year. */
  on(point: DatePoint): DatedFact[] {
    if (point.month !== undefined) return this.dated(this.byDay.of(dayKey(point.year, point.month, point.day ?? 0)));
    return this.dated(this.byYear.of(point.year));
  }

  /** Day-precision events on this month and day in any year, oldest first. */
  onMonthDay(month: number, day: number): DatedFact[] {
    return this.dated(this.byMonthDay.of(month * 100 + day));
  }

  /** How many month-days of the year have at least one event. */
  monthDays(): string[] {
    return this.byMonthDay.keysOf().sort((a, b) => a - b).map((k) => monthDayKey(Math.floor(k / 100), k % 100));
  }
}
