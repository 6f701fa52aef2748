/**
 * Dates of facts: a year, a month or a day, or a range START/END of those.
 * Kept as parts rather than JS Dates because "2001" must stay a year, not 1 January.
 */

export interface DatePoint {
  year: number;
  month?: number;
  day?: number;
}

export interface FactDate {
  start: DatePoint;
  end?: DatePoint;
}

export type Precision = 'year' | 'month' | 'day';

const POINT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses "YYYY", "YYYY-MM", "YYYY-MM-DD"; returns an error message instead when it is not one. */
export function parseDatePoint(text: string): DatePoint | string {
  const m = POINT.exec(text.trim());
  if (!m) return `"${text}" is not YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  const point: DatePoint = { year };
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return `"${text}" has no month ${m[2]}`;
    point.month = month;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > daysInMonth(year, month)) return `"${text}" has no day ${m[3]} in ${MONTHS[month - 1]} ${year}`;
      point.day = day;
    }
  }
  return point;
}

/** Parses a fact date or a START/END range; returns an error message when it is neither. */
export function parseFactDate(raw: unknown): FactDate | string {
  const text = String(raw).trim();
  const parts = text.split('/');
  if (parts.length > 2) return `"${text}" has more than one "/"`;
  const start = parseDatePoint(parts[0] ?? '');
  if (typeof start === 'string') return start;
  if (parts.length === 1) return { start };
  const end = parseDatePoint(parts[1] ?? '');
  if (typeof end === 'string') return end;
  if (compareStart(end, start) < 0) return `"${text}" ends before it starts`;
  return { start, end };
}

export function precision(p: DatePoint): Precision {
  return p.day !== undefined ? 'day' : p.month !== undefined ? 'month' : 'year';
}

/** Orders points by their earliest instant: 2005 < 2005-01 == 2005-01-01 is fine for sorting. */
export function compareStart(a: DatePoint, b: DatePoint): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

export function formatPoint(p: DatePoint): string {
  if (p.month === undefined) return String(p.year);
  const month = MONTHS[p.month - 1];
  return p.day === undefined ? `${month} ${p.year}` : `${p.day} ${month} ${p.year}`;
}

/** "15 June 2001", "June 2001", "2001", or "2001 – 2005" for a range. */
export function formatDate(d: FactDate): string {
  return d.end ? `${formatPoint(d.start)} – ${formatPoint(d.end)}` : formatPoint(d.start);
}

export function isoPoint(p: DatePoint): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [String(p.year), p.month && pad(p.month), p.day && pad(p.day)].filter(Boolean).join('-');
}

/** The ISO form used in JSON answers: "2001-06-15", "2001", "2001/2005". */
export function isoDate(d: FactDate): string {
  return d.end ? `${isoPoint(d.start)}/${isoPoint(d.end)}` : isoPoint(d.start);
}

/** True when the date (or any day of its range) falls in the given year. */
export function coversYear(d: FactDate, year: number): boolean {
  return d.start.year <= year && (d.end ?? d.start).year >= year;
}
