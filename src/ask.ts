/** The one entry point every adapter calls: a question in, an Answer out. */
import type { Answer } from './answer/model.js';
import { type Command, type CommandContext, type Today } from './commands/context.js';
import { check } from './check/check.js';
import { date, onthisday } from './commands/dates.js';
import { help, sources } from './commands/info.js';
import { lookup, onlyNames } from './commands/lookup.js';
import { member } from './commands/member.js';
import { members } from './commands/members.js';
import { treaty } from './commands/treaty.js';
import type { Knowledge } from './knowledge.js';
import { cleanQuery } from './text/input.js';
import { route, statusIn, type Route } from './understand/route.js';

const COMMANDS: Record<Answer['intent'], Command> = { member, members, treaty, date, onthisday, check, sources, help, lookup };

export interface AskOptions {
  /** The day "on this day" means; the local date when not given. */
  today?: Today;
}

export function todayOf(d: Date = new Date()): Today {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** Parses "YYYY-MM-DD" into a Today, or undefined when it is not a real date. */
export function parseToday(text: string): Today | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : undefined;
}

/** A question that names a country and asks about its standing is a `member` question. */
function refine(k: Knowledge, r: Route): Route {
  if (r.explicit || r.intent !== 'lookup') return r;
  const mentions = k.entities.mentions(r.query);
  const countries = mentions.filter((m) => m.entity.type === 'country');
  if (!countries.length) return r;
  const asksStanding = statusIn(r.query) !== undefined || /\b(status|in the sco|part of|belong|standing)\b/i.test(r.query);
  if (asksStanding || onlyNames(r.query, mentions)) return { ...r, intent: 'member' };
  return r;
}

export function ask(k: Knowledge, text: string, options: AskOptions = {}): Answer {
  const r = refine(k, route(cleanQuery(text)));
  const ctx: CommandContext = { k, route: r, today: options.today ?? todayOf() };
  return COMMANDS[r.intent](ctx);
}
