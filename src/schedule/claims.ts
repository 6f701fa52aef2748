/**
 * Who posts a channel's daily post for a local day: a claim taken before the platform is called,
 * marked posted after. One interface, two stores: the state file of one process (state.ts), and
 * Redis for several replicas (adapters/state/redis.ts), where the claim is taken atomically.
 */
import type { StateStore } from './state.js';

/**
 * - `won`: this caller holds the claim and nobody had it: post.
 * - `unsure`: this caller holds it now, but an earlier claim was never marked posted (a stop, a
 *   crash, a failure that may have been a success, or a lost state): look in the channel first.
 * - `held`: another replica holds a live claim: leave it, and look again once it would expire.
 * - `posted`: done for that day.
 */
export type ClaimResult = 'won' | 'unsure' | 'held' | 'posted';

export interface ClaimStore {
  /** Set when the store lost what it knew (a corrupt file): every claim is `unsure` then. */
  readonly problem?: string;
  claim(key: string, day: string): Promise<ClaimResult>;
  posted(key: string, day: string, messageId?: string): Promise<void>;
  /** Throws when claims cannot be recorded: start-up checks this before relying on it. */
  ensureWritable(): Promise<void>;
}

/** Claims in one process's state file: a claim found there was left by a run that did not finish it. */
export class LocalClaims implements ClaimStore {
  readonly problem?: string;
  private readonly state;

  constructor(private readonly store: StateStore) {
    const loaded = store.load();
    this.state = loaded.state;
    if (loaded.problem) this.problem = loaded.problem;
  }

  async claim(key: string, day: string): Promise<ClaimResult> {
    const before = this.state.records[key];
    if (before?.day === day && before.state === 'posted') return 'posted';
    const unsure = (before?.day === day && before.state === 'claimed') || (this.problem !== undefined && before?.day !== day);
    this.write(key, { day, state: 'claimed' });
    return unsure ? 'unsure' : 'won';
  }

  async posted(key: string, day: string, messageId?: string): Promise<void> {
    this.write(key, { day, state: 'posted', ...(messageId ? { messageId } : {}) });
  }

  async ensureWritable(): Promise<void> {
    this.store.save(this.state);
  }

  /** Only a written claim counts: a write that fails is thrown before anything is posted. */
  private write(key: string, record: { day: string; state: 'claimed' | 'posted'; messageId?: string }): void {
    const previous = this.state.records[key];
    this.state.records[key] = { ...record, at: new Date().toISOString() };
    try {
      this.store.save(this.state);
    } catch (err) {
      if (previous) this.state.records[key] = previous;
      else delete this.state.records[key];
      throw err;
    }
  }
}
