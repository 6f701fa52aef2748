/**
 * What every chat adapter does around the core: answer a question (within the per-user rate
 * limit), log one line per question with a request id, count it, and turn any failure into a
 * short reference for the user while the log gets the details.
 */
import { randomBytes } from 'node:crypto';
import { ask, type Request, todayOf } from '../../src/ask.js';
import type { Answer } from '../../src/answer/model.js';
import type { Knowledge } from '../../src/knowledge.js';
import type { Logger } from '../../src/log.js';
import type { Metrics } from '../ops/metrics.js';
import { type Limiter, slowDown } from './ratelimit.js';

/** Where a question came from, for the log. */
export interface Origin {
  platform: 'slack' | 'discord' | 'cli';
  kind: string;
  user?: string | undefined;
  channel?: string | undefined;
}

/** Shared by every adapter of one running bot. */
export interface Ops {
  metrics?: Metrics;
  limiter?: Limiter;
}

export type Answered = { ok: true; answer: Answer } | { ok: false; reference: string } | { ok: false; limited: string };

export const SOMETHING_WENT_WRONG = 'Something went wrong on our side while answering. Please try again; if it keeps happening, tell the bot\'s maintainers this reference:';

/** A short id that appears both in the user's message and in the log line of the request. */
export function newReference(): string {
  return randomBytes(4).toString('hex');
}

/** Answers through the core; a thrown error becomes a reference, never a stack trace for the user. */
export async function answerSafely(k: () => Knowledge, asked: Request, origin: Origin, log: Logger, today = todayOf(), ops: Ops = {}): Promise<Answered> {
  const request = newReference();
  const wait = origin.user && ops.limiter ? await ops.limiter.take(`${origin.platform}:${origin.user}`) : 0;
  if (wait > 0) {
    ops.metrics?.rateLimited.inc({ platform: origin.platform });
    log.info({ ...origin, request, waitSeconds: wait }, 'rate limited');
    return { ok: false, limited: slowDown(wait) };
  }
  const started = performance.now();
  try {
    const answer = ask(k(), asked, { today, ...(origin.platform !== 'cli' ? { platform: origin.platform } : {}) });
    const seconds = (performance.now() - started) / 1000;
    ops.metrics?.commands.inc({ intent: answer.intent, platform: origin.platform });
    ops.metrics?.latency.observe({ platform: origin.platform }, seconds);
    log.info({ ...origin, request, intent: answer.intent, facts: answer.facts.length, verdict: answer.verdict, ms: Math.round(seconds * 1000) }, 'answered');
    return { ok: true, answer };
  } catch (err) {
    ops.metrics?.errors.inc({ platform: origin.platform });
    log.error({ ...origin, request, reference: request, err }, 'failed to answer');
    return { ok: false, reference: request };
  }
}
