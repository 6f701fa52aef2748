/**
 * What was posted where, for which local day: one small JSON file, written atomically
 * (to a temporary name, then renamed), so a crash mid-write never leaves half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface PostState {
  /** Channel key ("slack:C123") → the local day ("2026-11-24") last posted for it. */
  posted: Record<string, string>;
}

export interface StateStore {
  load(): PostState;
  save(state: PostState): void;
}

export class FileStateStore implements StateStore {
  constructor(readonly path: string) {}

  load(): PostState {
    try {
      const s = JSON.parse(readFileSync(this.path, 'utf8')) as PostState;
      return { posted: { ...(s.posted ?? {}) } };
    } catch {
      return { posted: {} }; // first run, or an unreadable file: post as if new
    }
  }

  save(state: PostState): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(tmp, this.path);
  }
}
