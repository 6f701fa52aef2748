/** The one entry point every adapter calls: a question in, an Answer out. */
import type { Answer, Intent } from './answer/model.js';
import { type Command, type CommandContext, type Platform, type Today } from './commands/context.js';
import { check } from './check/check.js';
import { date, onthisday } from './commands/dates.js';
import { help, sources } from './commands/info.js';
import { lookup } from './commands/lookup.js';
import { member } from './commands/member.js';
import { members } from './commands/members.js';
import { treaty } from './commands/treaty.js';
import type { Knowledge } from './knowledge.js';
import { cleanQuery } from './text/input.js';
import { commandOf, route, type Route } from './understand/route.js';

const COMMANDS: Record<Answer['intent'], Command> = { member, members, treaty, date, onthisday, check, sources, help, lookup };

export interface AskOptions {
  /** The day "on this day" means; the local date when not given. */
  today?: Today;
  /** Where the answer is shown; the terminal when not given. */
  platform?: Platform;
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

/** What an adapter asks: text to route, or a command it already knows (a Discord subcommand, the Fact-check menu). */
export type Request = string | { command: Intent; args: string };

export function routeOf(k: Knowledge, request: Request): Route {
  return typeof request === 'string' ? route(cleanQuery(request), k.lexicon) : commandOf(request.command, cleanQuery(request.args));
}

export function ask(k: Knowledge, request: Request, options: AskOptions = {}): Answer {
  const r = routeOf(k, request);
  const ctx: CommandContext = { k, route: r, today: options.today ?? todayOf(), ...(options.platform ? { platform: options.platform } : {}) };
  return COMMANDS[r.intent](ctx);
}
