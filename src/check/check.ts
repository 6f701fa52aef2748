/** `check <claim>`: placeholder until the claim engine lands (next commit). */
import type { Answer } from '../answer/model.js';
import type { CommandContext } from '../commands/context.js';

export function check(ctx: CommandContext): Answer {
  return { intent: 'check', title: ctx.route.query, verdict: 'unknown', facts: [] };
}
