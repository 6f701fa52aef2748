/** The embedded default: one process, memory for events and limits, the state file for the daily posts. */
import { LocalClaims } from '../../src/schedule/claims.js';
import { FileStateStore } from '../../src/schedule/state.js';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from '../shared/ratelimit.js';
import { MemorySeen, type SharedState } from './shared.js';

export function localState(statePath: string | undefined, limits: RateLimitOptions = DEFAULT_RATE_LIMIT): SharedState {
  const seen = new MemorySeen();
  const claims = statePath
    ? new LocalClaims(new FileStateStore(statePath))
    : new LocalClaims({ load: () => ({ state: { records: {} } }), save: () => {} });
  return {
    kind: 'local',
    first: async (key, ttlMs) => seen.first(key, ttlMs),
    claims,
    limiter: new RateLimiter(limits),
    problem: async () => undefined,
    close: async () => {},
  };
}
