/** `factbot onthisday --calendar`: which days of the year have at least one event to post. */
import { MONTHS } from '../../src/facts/dates.js';
import type { Knowledge } from '../../src/knowledge.js';

export function calendar(k: Knowledge): string[] {
  const days = k.dates.monthDays().map((md) => md.split('-').map(Number) as [number, number]);
  const lines = [`${days.length} of 366 days of the year have at least one event (${Math.round((100 * days.length) / 366)}%).`];
  MONTHS.forEach((name, i) => {
    const inMonth = days.filter(([m]) => m === i + 1).map(([, d]) => d);
    lines.push(`${name.padEnd(9)} ${String(inMonth.length).padStart(2)}  ${inMonth.join(' ')}`);
  });
  return lines;
}
