/**
 * The state the bot keeps beyond one answer, behind one interface: which Slack events were
 * already answered, who posts each daily post, and each user's allowance of questions. Local by
 * default (memory, and the state file for the daily posts); Redis when REDIS_URL is set, so that
 * several replicas keep the same promises (adapters/state/redis.ts).
 */
import type { ClaimStore } from '../../src/schedule/claims.js';
import type { Limiter } from '../shared/ratelimit.js';

export interface SharedState {
  /** "redis" or "local", for the log and /readyz. */
  readonly kind: 'redis' | 'local';
  /** True the first time a key is seen within the ttl: a redelivered event gets false. */
  first(key: string, ttlMs: number): Promise<boolean>;
  claims: ClaimStore;
  limiter: Limiter;
  /** Undefined when all is well, else what is wrong (for /readyz). */
  problem(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** Keys seen recently, in one process: the oldest dropped first past `capacity`. */
export class MemorySeen {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  first(key: string, ttlMs: number): boolean {
    const now = this.now();
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    this.seen.delete(key);
    if (this.seen.size >= this.capacity) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(key, now + ttlMs);
    return true;
  }
}
