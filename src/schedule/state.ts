/**
 * What was posted where, for which local day: one small JSON file. A post is recorded twice:
 * claimed before the platform is called, posted (with the message id) after it answers; so a
 * stop, a crash or a "sent but reported failed" between the two leaves a claim, which the poster
 * settles by looking for its own post in the channel instead of posting blindly again.
 *
 * Written atomically (a fixed temporary name, then renamed), so a crash mid-write never leaves
 * half a file, and a later write reuses the same temporary name rather than leaving another.
 * A file that cannot be read is kept aside under a new name and reported, not taken as "nothing".
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface PostRecord {
  /** The local day ("2026-11-24") the record is for. */
  day: string;
  state: 'claimed' | 'posted';
  /** When the record was last written (ISO). */
  at: string;
  messageId?: string;
}

export interface PostState {
  /** Channel key ("slack:C123") → the channel's latest record. */
  records: Record<string, PostRecord>;
}

export interface LoadedState {
  state: PostState;
  /** Set when the file could not be read: what happened and what the poster will do. */
  problem?: string;
}

export interface StateStore {
  load(): LoadedState;
  /** Throws when the state cannot be written: the caller must not rely on it then. */
  save(state: PostState): void;
}

export class FileStateStore implements StateStore {
  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get tmp(): string {
    return `${this.path}.tmp`;
  }

  load(): LoadedState {
    this.removeLeftovers();
    if (!existsSync(this.path)) return { state: { records: {} } };
    let text = '';
    try {
      text = readFileSync(this.path, 'utf8');
      return { state: parse(JSON.parse(text)) };
    } catch (err) {
      const aside = `${this.path}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(this.path, aside);
      return {
        state: { records: {} },
        problem: `the daily-post state ${this.path} could not be read (${err instanceof Error ? err.message : String(err)}); kept as ${aside}. Today's posts are checked against each channel before posting, so none is sent twice.`,
      };
    }
  }

  save(state: PostState): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.tmp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(this.tmp, this.path);
  }

  /** Temporary files of writes a kill interrupted (this name, and the per-process names of old versions). */
  private removeLeftovers(): void {
    const dir = dirname(this.path);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
    const name = basename(this.path);
    for (const f of readdirSync(dir)) if (f.startsWith(`${name}.`) && f.endsWith('.tmp')) rmSync(join(dir, f), { force: true });
  }
}

/** The file as written by this version, or by the one before it (`posted: {key: day}`). */
function parse(raw: unknown): PostState {
  if (!raw || typeof raw !== 'object') throw new Error('not a JSON object');
  const o = raw as { records?: unknown; posted?: unknown };
  const records: Record<string, PostRecord> = {};
  if (o.records && typeof o.records === 'object') {
    for (const [key, r] of Object.entries(o.records as Record<string, Partial<PostRecord>>)) {
      if (!r || typeof r.day !== 'string' || (r.state !== 'claimed' && r.state !== 'posted')) throw new Error(`record "${key}" is malformed`);
      records[key] = { day: r.day, state: r.state, at: String(r.at ?? ''), ...(r.messageId ? { messageId: String(r.messageId) } : {}) };
    }
  }
  if (o.posted && typeof o.posted === 'object') {
    for (const [key, day] of Object.entries(o.posted as Record<string, unknown>)) if (typeof day === 'string' && !records[key]) records[key] = { day, state: 'posted', at: '' };
  }
  return { records };
}

/** A store in memory: for tests, and for a bot whose state need not outlive it. */
export class MemoryStateStore implements StateStore {
  private saved: PostState = { records: {} };
  failWrites = false;

  load(): LoadedState {
    return { state: structuredClone(this.saved) };
  }

  save(state: PostState): void {
    if (this.failWrites) throw new Error('state not writable');
    this.saved = structuredClone(state);
  }
}
