/**
 * Dates as people type them: "7 June 2002", "June 7, 2002", "2002-06-07", "07.06.2002",
 * "June 2002", "2002", "7 June" (any year), "the summer of 2005". A small grammar of our
 * own rather than a general parser, because the answer depends on the precision that was
 * typed (a year is not 1 January) and on a month-day having no year at all.
 */
import { type DatePoint, MONTHS } from '../facts/dates.js';

export interface QueryDate {
  start: DatePoint;
  /** Set for a season or other span: "summer 2005" is June to August. */
  end?: DatePoint;
  /** A month and day with no year: "7 June". */
  monthDayOnly?: boolean;
  /** The text that was read as this date. */
  text: string;
  index: number;
}

const MONTH_NAMES: Record<string, number> = {};
MONTHS.forEach((m, i) => {
  MONTH_NAMES[m.toLowerCase()] = i + 1;
  MONTH_NAMES[m.slice(0, 3).toLowerCase()] = i + 1;
});
MONTH_NAMES.sept = 9;

const MONTH = `(${Object.keys(MONTH_NAMES).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 2] };

interface Pattern {
  re: RegExp;
  read: (m: RegExpExecArray) => Omit<QueryDate, 'text' | 'index'> | undefined;
}

const valid = (year: number, month: number, day?: number) =>
  month >= 1 && month <= 12 && (day === undefined || (day >= 1 && day <= new Date(Date.UTC(year || 2000, month, 0)).getUTCDate()));

const point = (year: number, month?: number, day?: number): DatePoint | undefined => {
  if (month !== undefined && !valid(year, month, day)) return undefined;
  return { year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
};

const wrap = (p: DatePoint | undefined, monthDayOnly = false) => (p ? { start: p, ...(monthDayOnly ? { monthDayOnly } : {}) } : undefined);

// Most specific first; each match's text is blanked out before the next pattern runs.
const PATTERNS: Pattern[] = [
  { re: new RegExp(`\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, 'g'), read: (m) => wrap(point(+m[1]!, +m[2]!, +m[3]!)) },
  { re: new RegExp(`\\b(\\d{1,2})[./](\\d{1,2})[./]${YEAR}\\b`, 'g'), read: (m) => wrap(point(+m[3]!, +m[2]!, +m[1]!)) },
  { re: new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MONTH},?\\s+${YEAR}\\b`, 'gi'), read: (m) => wrap(point(+m[3]!, MONTH_NAMES[m[2]!.toLowerCase()], +m[1]!)) },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'gi'), read: (m) => wrap(point(+m[3]!, MONTH_NAMES[m[1]!.toLowerCase()], +m[2]!)) },
  { re: new RegExp(`\\b${YEAR}-(\\d{2})\\b`, 'g'), read: (m) => wrap(point(+m[1]!, +m[2]!)) },
  {
    re: new RegExp(`\\b(spring|summer|autumn|fall|winter)\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'),
    read: (m) => {
      const [from, to] = SEASONS[m[1]!.toLowerCase()]!;
      const year = +m[2]!;
      return from > to ? { start: { year, month: 1 }, end: { year, month: to } } : { start: { year, month: from }, end: { year, month: to } };
    },
  },
  { re: new RegExp(`\\b${MONTH},?\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'), read: (m) => wrap(point(+m[2]!, MONTH_NAMES[m[1]!.toLowerCase()])) },
  { re: new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MONTH}(?![a-z])`, 'gi'), read: (m) => wrap(point(0, MONTH_NAMES[m[2]!.toLowerCase()], +m[1]!), true) },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}(?![\\d:])`, 'gi'), read: (m) => wrap(point(0, MONTH_NAMES[m[1]!.toLowerCase()], +m[2]!), true) },
  { re: /\b(\d{1,2})-(\d{2})\b/g, read: (m) => wrap(point(0, +m[1]!, +m[2]!), true) },
  { re: new RegExp(`\\b${YEAR}\\b`, 'g'), read: (m) => wrap(point(+m[1]!)) },
];

/** Every date in the text, in reading order. */
export function findDates(text: string): QueryDate[] {
  let rest = text;
  const found: QueryDate[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      const d = read(m);
      // An impossible date ("30 February 2005") is consumed too, so no part of it is read as a lesser date.
      if (d) found.push({ ...d, text: m[0], index: m.index });
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The text with its dates taken out, for finding the other words. */
export function withoutDates(text: string, dates: QueryDate[]): string {
  let out = text;
  for (const d of [...dates].sort((a, b) => b.index - a.index)) out = out.slice(0, d.index) + ' ' + out.slice(d.index + d.text.length);
  return out.replace(/\s+/g, ' ').trim();
}
