/**
 * A per-user rate limit: a token bucket per user, so one person (or a script) asking in a loop
 * gets a friendly "slow down" instead of flooding the channel and the bot. Buckets of users who
 * went quiet are dropped, so memory stays bounded.
 */
export interface RateLimitOptions {
  /** Questions a user may ask at once. */
  burst: number;
  /** Questions a user gets back per minute. */
  perMinute: number;
  now?: () => number;
}

/** A per-user limit, in one process (RateLimiter) or shared by replicas through Redis. */
export interface Limiter {
  /** Takes one question from the user's allowance: 0 when allowed, else the seconds until the next is. */
  take(user: string): number | Promise<number>;
}

/** Buckets kept before quiet users' are dropped: bounded memory, whatever the number of users. */
const PRUNE_ABOVE = 10_000;

export class RateLimiter implements Limiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Users with a bucket now. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one question from the user's bucket: 0 when allowed, else the seconds until the next is. */
  take(user: string): number {
    const now = this.now();
    const refill = this.options.perMinute / 60_000;
    const b = this.buckets.get(user) ?? { tokens: this.options.burst, at: now };
    b.tokens = Math.min(this.options.burst, b.tokens + (now - b.at) * refill);
    b.at = now;
    // Re-inserted, so the map stays in order of last use: pruning reads only the buckets it drops.
    this.buckets.delete(user);
    this.buckets.set(user, b);
    if (this.buckets.size > PRUNE_ABOVE) this.prune(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / refill / 1000);
  }

  /** Drops buckets that have refilled (their users went quiet), oldest first, stopping at the first still in use. */
  private prune(now: number): void {
    const full = this.options.burst / (this.options.perMinute / 60_000);
    for (const [user, b] of this.buckets) {
      if (now - b.at <= full) break;
      this.buckets.delete(user);
    }
  }
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 10, perMinute: 20 };

export function slowDown(seconds: number): string {
  return `You're asking faster than I can keep up. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}
