/** What every command gets: the indexed fact base, the routed question, and today's date. */
import type { Answer } from '../answer/model.js';
import type { Knowledge } from '../knowledge.js';
import type { Route } from '../understand/route.js';

export interface Today {
  year: number;
  month: number;
  day: number;
}

export interface CommandContext {
  k: Knowledge;
  route: Route;
  today: Today;
}

export type Command = (ctx: CommandContext) => Answer;

/** Most facts one answer lists; the rest are counted and the user is told how to narrow down. */
export const MAX_FACTS = 8;
