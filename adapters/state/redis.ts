/**
 * Shared state in Redis (ioredis), for several replicas:
 * - a Slack event is answered once: `SET sco:event:<id> 1 NX PX <ttl>` by whichever replica gets it first;
 * - a daily post is claimed atomically per (platform, channel, local day) by a Lua script (one
 *   round trip, no race): the winner posts and marks it posted; a claim older than the claim
 *   timeout is taken over as `unsure` (its holder may have died mid-post), so the new holder looks
 *   in the channel before posting;
 * - each user's allowance is counted in Redis (rate-limiter-flexible), with an in-memory
 *   insurance limiter so questions are still limited, per replica, while Redis is down.
 *
 * While Redis is down the bot keeps answering (it needs no state to answer): events are then
 * answered without the once-only check, and a daily post waits for Redis rather than risk two.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../../src/log.js';
import type { ClaimResult, ClaimStore } from '../../src/schedule/claims.js';
import { DEFAULT_RATE_LIMIT, type Limiter, type RateLimitOptions } from '../shared/ratelimit.js';
import type { SharedState } from './shared.js';
import { Lease } from './lease.js';

/** How long a daily-post record is kept (a day's post is settled by then), and a claim honoured. */
export const REDIS_TIMES = { recordTtlMs: 3 * 24 * 3600_000, claimTimeoutMs: 10 * 60_000 } as const;

/**
 * KEYS[1] the channel-day; ARGV: now (ms), claim timeout (ms), this replica, record ttl (ms).
 * Values: "posted:<ms>:<message id>" or "claimed:<ms>:<replica>".
 */
const CLAIM = `
local v = redis.call('GET', KEYS[1])
local mine = 'claimed:' .. ARGV[1] .. ':' .. ARGV[3]
if not v then
  redis.call('SET', KEYS[1], mine, 'PX', ARGV[4])
  return 'won'
end
local state, at, who = string.match(v, '^(%a+):(%d+):(.*)$')
if state == 'posted' then return 'posted' end
if who ~= ARGV[3] and tonumber(ARGV[1]) - tonumber(at) < tonumber(ARGV[2]) then return 'held' end
redis.call('SET', KEYS[1], mine, 'PX', ARGV[4])
return 'unsure'
`;

export interface RedisStateOptions {
  url: string;
  log: Logger;
  /** Names this replica in its claims; random by default. */
  replica?: string;
  limits?: RateLimitOptions;
  claimTimeoutMs?: number;
  /** Prefix of every key, so several bots can share one Redis. */
  prefix?: string;
}

export class RedisState implements SharedState {
  readonly kind = 'redis' as const;
  readonly redis: Redis;
  readonly claims: ClaimStore;
  readonly limiter: Limiter;
  private readonly prefix: string;
  private down = false;
  readonly replica: string;

  constructor(private readonly options: RedisStateOptions) {
    this.prefix = options.prefix ?? 'sco:';
    // Fail fast while Redis is down (no queue of commands waiting for it), reconnect in the background.
    this.redis = new Redis(options.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n) => Math.min(n * 200, 2000), lazyConnect: true });
    this.redis.on('error', (err) => {
      if (!this.down) options.log.warn({ kind: 'redis', err }, 'Redis unreachable: answering on, but redelivered Slack events may be answered again and daily posts wait for Redis');
      this.down = true;
    });
    this.redis.on('ready', () => {
      if (this.down) options.log.info({ kind: 'redis' }, 'Redis reachable again');
      this.down = false;
    });
    this.redis.defineCommand('scoClaim', { numberOfKeys: 1, lua: CLAIM });
    const replica = options.replica ?? randomBytes(6).toString('hex');
    this.replica = replica;
    const claimTimeoutMs = options.claimTimeoutMs ?? REDIS_TIMES.claimTimeoutMs;
    const key = (k: string, day: string) => `${this.prefix}onthisday:${k}:${day}`;
    const redis = this.redis as Redis & { scoClaim(key: string, now: number, timeout: number, replica: string, ttl: number): Promise<ClaimResult> };
    this.claims = {
      claim: (k, day) => redis.scoClaim(key(k, day), Date.now(), claimTimeoutMs, replica, REDIS_TIMES.recordTtlMs),
      posted: async (k, day, messageId) => {
        await redis.set(key(k, day), `posted:${Date.now()}:${messageId ?? ''}`, 'PX', REDIS_TIMES.recordTtlMs);
      },
      ensureWritable: async () => {
        await redis.set(`${this.prefix}writable`, String(Date.now()), 'PX', 60_000);
      },
    };
    const limits = options.limits ?? DEFAULT_RATE_LIMIT;
    // The same allowance as the local limiter: `burst` questions, refilled at `perMinute`.
    const window = Math.max(1, Math.round((limits.burst / limits.perMinute) * 60));
    const insurance = new RateLimiterMemory({ points: limits.burst, duration: window });
    const shared = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `${this.prefix}rl`, points: limits.burst, duration: window, insuranceLimiter: insurance });
    this.limiter = {
      take: async (user) => {
        try {
          await shared.consume(user);
          return 0;
        } catch (res) {
          const ms = (res as RateLimiterRes).msBeforeNext;
          return typeof ms === 'number' ? Math.max(1, Math.ceil(ms / 1000)) : 0;
        }
      },
    };
  }

  /** A lease held by this replica alone while it renews it (the Discord gateway). */
  lease(name: string, ttlMs: number): Lease {
    return new Lease(this.redis, `${this.prefix}lease:${name}`, this.replica, ttlMs);
  }

  async connect(): Promise<void> {
    await this.redis.connect();
  }

  async first(key: string, ttlMs: number): Promise<boolean> {
    try {
      return (await this.redis.set(`${this.prefix}seen:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
    } catch {
      return true; // Redis down: better answered twice than not at all
    }
  }

  async problem(): Promise<string | undefined> {
    try {
      await this.redis.ping();
      return undefined;
    } catch (err) {
      return `redis: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
