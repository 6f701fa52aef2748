/** `date <when>` and `onthisday [date]`: what the sources date to a day, a month or a year. */
import type { Answer } from '../answer/model.js';
import { compareStart, type DatePoint, formatDate, formatPoint, MONTHS } from '../facts/dates.js';
import { ANSWER_LIMITS } from '../answer/limits.js';
import { cutAtWord } from '../answer/layout.js';
import type { Fact } from '../facts/model.js';
import type { DatedFact } from '../search/dates.js';
import type { Knowledge } from '../knowledge.js';
import type { QueryDate } from '../understand/dates.js';
import type { CommandContext } from './context.js';
import { answerFacts } from './lookup.js';

const monthDay = (month: number, day: number) => `${day} ${MONTHS[month - 1]}`;

/**
 * What a period holds beyond the first page, one short line per fact in date order ("June 2012:
 * Turkey became a dialogue partner…"), so the answer names them all before anyone presses More.
 */
function timeline(all: readonly Fact[], heading: string): string[] {
  const facts = all.slice(ANSWER_LIMITS.factsPerPage);
  if (!facts.length) return [];
  const lines = facts.slice(0, ANSWER_LIMITS.timelineLines).map((f) => `• ${f.date ? `${formatDate(f.date)}: ` : ''}${cutAtWord(f.statement, ANSWER_LIMITS.timelineChars)}`);
  const rest = facts.length - lines.length;
  return [heading, ...lines, ...(rest > 0 ? [`• …and ${rest} more`] : [])];
}

function uniqueFacts(entries: DatedFact[]): Fact[] {
  const seen = new Set<Fact>();
  const out: Fact[] = [];
  for (const e of [...entries].sort((a, b) => compareStart(a.point, b.point))) {
    if (!seen.has(e.fact)) {
      seen.add(e.fact);
      out.push(e.fact);
    }
  }
  return out;
}

/** Events on a month-day in any year, oldest first. */
export function eventsOnMonthDay(k: Knowledge, month: number, day: number): Fact[] {
  return uniqueFacts(k.dates.onMonthDay(month, day));
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The events of one calendar day of a given year. In a year without 29 February, that day's
 * events come with 28 February, so none waits four years: the daily post and its preview agree.
 */
export function eventsOfDay(k: Knowledge, year: number, month: number, day: number): { facts: Fact[]; leapDayToo: boolean } {
  const leapDayToo = month === 2 && day === 28 && !isLeap(year);
  return { facts: [...eventsOnMonthDay(k, month, day), ...(leapDayToo ? eventsOnMonthDay(k, 2, 29) : [])], leapDayToo };
}

export interface MonthDay {
  month: number;
  day: number;
}

/** The nearest month-days that have events, nearest first (either direction, across the year's end). */
export function nearestMonthDays(k: Knowledge, month: number, day: number, count = 2): MonthDay[] {
  const ordinal = (m: number, d: number) => Date.UTC(2000, m - 1, d) / 86_400_000;
  const here = ordinal(month, day);
  const distance = (md: MonthDay) => {
    const diff = Math.abs(ordinal(md.month, md.day) - here);
    return Math.min(diff, 366 - diff);
  };
  return k.dates
    .monthDays()
    .map((md) => {
      const [m, d] = md.split('-').map(Number) as [number, number];
      return { month: m, day: d };
    })
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, count);
}

export const formatMonthDay = (md: MonthDay) => monthDay(md.month, md.day);

function pointsOf(d: QueryDate): DatePoint[] {
  if (!d.end) return [d.start];
  const out: DatePoint[] = [];
  for (let m = d.start.month ?? 1; m <= (d.end.month ?? 12); m++) out.push({ year: d.start.year, month: m });
  return out;
}

export function onThisDay(ctx: CommandContext, month: number, day: number, intent: 'onthisday' | 'date' = 'onthisday', year?: number): Answer {
  const { k } = ctx;
  const { facts, leapDayToo } = year === undefined ? { facts: eventsOnMonthDay(k, month, day), leapDayToo: false } : eventsOfDay(k, year, month, day);
  const when = monthDay(month, day);
  if (!facts.length) {
    const near = nearestMonthDays(k, month, day);
    return {
      intent,
      title: `On this day (${when}): nothing in the sources.`,
      summary: `None of the source documents dates an SCO event to ${when}.`,
      facts: [],
      ...(near.length ? { footer: [`Nearest days with events: ${near.map(formatMonthDay).join(', ')}. Try \`onthisday ${formatMonthDay(near[0]!)}\`.`] } : {}),
    };
  }
  return answerFacts(k, intent, `On this day in SCO history: ${when}${leapDayToo ? ' (and 29 February)' : ''}`, facts, {
    summary: `${facts.length} event${facts.length > 1 ? 's' : ''} on ${when}, oldest first.`,
    footer: timeline(facts, `Also on ${when}:`),
  });
}

export function onthisday(ctx: CommandContext): Answer {
  const d = ctx.route.dates.find((x) => x.start.month !== undefined && x.start.day !== undefined);
  if (d) return onThisDay(ctx, d.start.month!, d.start.day!);
  return onThisDay(ctx, ctx.today.month, ctx.today.day, 'onthisday', ctx.today.year);
}

export function date(ctx: CommandContext): Answer {
  const { k, route } = ctx;
  const d = route.dates[0];
  if (!d) {
    return {
      intent: 'date',
      title: 'Which date?',
      summary: 'Usage: `date <date>`, e.g. `date 7 June 2002`, `date June 2002`, `date 2002` or `date 15 June` (any year).',
      facts: [],
    };
  }
  if (d.monthDayOnly) return onThisDay(ctx, d.start.month!, d.start.day!, 'date');
  const entries = pointsOf(d).flatMap((p) => k.dates.on(p));
  const when = d.end ? `${formatPoint(d.start)} – ${formatPoint(d.end)}` : formatPoint(d.start);
  // Facts dated within the period first, by date; spans that only overlap it ("1996–2017") after.
  const within = (f: Fact) => f.date !== undefined && (f.date.end === undefined || compareStart(f.date.end, f.date.start) === 0 || f.date.end.year === f.date.start.year);
  const dated = uniqueFacts(entries);
  // Within the period, events before descriptions ("as of 2012, the SCO had …").
  const describes = (f: Fact) => f.relation === 'describes' || f.relation === undefined;
  const facts = [...dated.filter((f) => within(f) && !describes(f)), ...dated.filter((f) => within(f) && describes(f)), ...dated.filter((f) => !within(f))];
  if (!facts.length) {
    const near = d.start.day !== undefined ? nearestMonthDays(k, d.start.month!, d.start.day) : [];
    return {
      intent: 'date',
      title: `Nothing in the sources is dated to ${when}.`,
      facts: [],
      ...(near.length ? { footer: [`Days of the year with events nearby: ${near.map(formatMonthDay).join(', ')}.`] } : {}),
    };
  }
  return answerFacts(k, 'date', `What happened: ${when}`, facts, {
    summary: `${facts.length} fact${facts.length > 1 ? 's' : ''} dated ${when}.`,
    footer: timeline(facts, `Also dated ${when}:`),
  });
}
