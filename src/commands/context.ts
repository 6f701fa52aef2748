/** What every command gets: the indexed fact base, the routed question, and today's date. */
import type { Answer } from '../answer/model.js';
import type { Knowledge } from '../knowledge.js';
import type { Route } from '../understand/route.js';

export interface Today {
  year: number;
  month: number;
  day: number;
}

/** Where the answer is shown: help writes commands as that platform does. */
export type Platform = 'terminal' | 'slack' | 'discord';

export interface CommandContext {
  k: Knowledge;
  route: Route;
  today: Today;
  platform?: Platform;
}

export type Command = (ctx: CommandContext) => Answer;

