/** The daily post: every day-precision event of the month and day in any year, oldest first. */
import type { Answer } from '../answer/model.js';
import { answerFacts } from '../commands/lookup.js';
import { eventsOfDay, eventsOnMonthDay, formatMonthDay, nearestMonthDays } from '../commands/dates.js';
import type { Knowledge } from '../knowledge.js';
import type { EmptyDay } from './config.js';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The post for a local date, or undefined when there is nothing to post (an empty day
 * with `skip`). In a year without 29 February, that day's events go out on 28 February
 * (see eventsOfDay).
 */
export function onThisDayPost(k: Knowledge, date: LocalDate, empty: EmptyDay): Answer | undefined {
  const { facts, leapDayToo } = eventsOfDay(k, date.year, date.month, date.day);
  const when = formatMonthDay(date);
  if (facts.length) {
    return answerFacts(k, 'onthisday', `On this day in SCO history: ${when}${leapDayToo ? ' (and 29 February)' : ''}`, facts, {
      summary: `${facts.length} event${facts.length > 1 ? 's' : ''} on ${when} in past years, oldest first.`,
    });
  }
  if (empty === 'skip') return undefined;
  const nearest = nearestMonthDays(k, date.month, date.day, 1)[0];
  if (!nearest) return undefined;
  const near = eventsOnMonthDay(k, nearest.month, nearest.day);
  return answerFacts(k, 'onthisday', `Nothing on ${when} in SCO history; the nearest: ${formatMonthDay(nearest)}`, near, {
    summary: `No source dates an event to ${when}. On ${formatMonthDay(nearest)}:`,
  });
}
