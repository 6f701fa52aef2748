/**
 * Questions answered recently, by a short token, so a button whose id cannot hold the question
 * (Discord's custom_id has 100 characters) can show the next page of its answer. Kept in memory,
 * the oldest dropped first; a token gone (a restart, an hour later) gets "ask again".
 */
import { randomBytes } from 'node:crypto';
import type { Request } from '../../src/ask.js';
import type { Today } from '../../src/commands/context.js';

/** How many questions are remembered, and for how long: enough for a page-through, not a log. */
export const RECENT_QUESTIONS = { capacity: 2_000, ttlMs: 60 * 60 * 1000 } as const;

export interface Remembered {
  request: Request;
  today: Today;
}

export class RecentQuestions {
  private readonly items = new Map<string, Remembered & { at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(item: Remembered): string {
    const token = randomBytes(6).toString('base64url');
    if (this.items.size >= RECENT_QUESTIONS.capacity) this.items.delete(this.items.keys().next().value!);
    this.items.set(token, { ...item, at: this.now() });
    return token;
  }

  recall(token: string): Remembered | undefined {
    const item = this.items.get(token);
    if (!item || this.now() - item.at > RECENT_QUESTIONS.ttlMs) return undefined;
    return item;
  }
}
