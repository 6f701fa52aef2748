/**
 * What every chat adapter does around the core: answer a question, and turn any failure
 * into a short reference id for the user while the log gets the details.
 */
import { randomBytes } from 'node:crypto';
import { ask, todayOf } from '../../src/ask.js';
import type { Answer } from '../../src/answer/model.js';
import type { Knowledge } from '../../src/knowledge.js';
import type { Logger } from '../../src/log.js';

/** Where a question came from, for the log. */
export interface Origin {
  platform: 'slack' | 'discord' | 'cli';
  kind: string;
  user?: string;
  channel?: string;
}

export type Answered = { ok: true; answer: Answer } | { ok: false; reference: string };

export const SOMETHING_WENT_WRONG = 'Something went wrong on our side while answering. Please try again; if it keeps happening, tell the bot\'s maintainers this reference:';

/** A short id that appears both in the user's message and in the log line of the failure. */
export function newReference(): string {
  return randomBytes(4).toString('hex');
}

/** Answers through the core; a thrown error becomes a reference, never a stack trace for the user. */
export function answerSafely(k: () => Knowledge, text: string, origin: Origin, log: Logger, today = todayOf()): Answered {
  const started = performance.now();
  try {
    const answer = ask(k(), text, { today });
    log.info({ ...origin, intent: answer.intent, facts: answer.facts.length, verdict: answer.verdict, ms: Math.round(performance.now() - started) }, 'answered');
    return { ok: true, answer };
  } catch (err) {
    const reference = newReference();
    log.error({ ...origin, reference, err }, 'failed to answer');
    return { ok: false, reference };
  }
}
