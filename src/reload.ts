/**
 * Hot reload: when a file in the facts folder changes, the fact base is loaded and validated
 * in the background and swapped in only if it is valid; otherwise the bot keeps answering
 * from the last good one and the problems are logged (file:line). A request reads one
 * immutable Knowledge from start to end, so none ever sees a half-loaded base.
 *
 * A reload is held to what `factbot validate` checks: the schema and references, and every
 * quote against its document when the documents folder is configured. And it takes the files
 * only once they are stable: read, wait, read again, until two reads agree, so a file caught
 * half-written (an editor's or a `git pull`'s writes in several steps) is never taken as whole.
 */
import { type FSWatcher, watch } from 'node:fs';
import { readFactFiles } from './facts/files.js';
import { formatIssue } from './facts/load.js';
import { type Knowledge, loadKnowledge } from './knowledge.js';
import type { Logger } from './log.js';

/** How the reload waits for writes to settle: the pause between two reads, and how many reads at most. */
export const RELOAD_SETTLE = { pauseMs: 250, maxReads: 20 } as const;

export interface ReloadOptions {
  /** The documents folder: when given, every quote is checked against it, as `factbot validate` does. */
  sourcesDir?: string;
  debounceMs?: number;
  settleMs?: number;
}

const sameFiles = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([name, text]) => b.get(name) === text);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class LiveKnowledge {
  private knowledge: Knowledge;
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private reloading?: Promise<void>;
  private readonly debounceMs: number;
  private readonly settleMs: number;

  constructor(
    private readonly factsDir: string,
    initial: Knowledge,
    private readonly log: Logger,
    private readonly onReload: (result: 'ok' | 'failed') => void = () => {},
    options: ReloadOptions | number = {},
  ) {
    this.knowledge = initial;
    const o = typeof options === 'number' ? { debounceMs: options } : options;
    this.options = o;
    this.debounceMs = o.debounceMs ?? 300;
    this.settleMs = o.settleMs ?? RELOAD_SETTLE.pauseMs;
  }

  private readonly options: ReloadOptions;

  /** The fact base to answer from now. */
  readonly current = (): Knowledge => this.knowledge;

  watch(): void {
    this.watcher = watch(this.factsDir, { recursive: true }, (_event, file) => {
      if (file && !/\.ya?ml$/.test(String(file))) return;
      clearTimeout(this.timer);
      // Editors write a file in several steps: wait for the burst to end.
      this.timer = setTimeout(() => void this.reload(), this.debounceMs);
    });
  }

  /** The folder's files once two reads a pause apart agree. */
  private async stableFiles(): Promise<Map<string, string>> {
    let last = readFactFiles(this.factsDir);
    for (let i = 1; i < RELOAD_SETTLE.maxReads; i++) {
      await pause(this.settleMs);
      const next = readFactFiles(this.factsDir);
      if (sameFiles(last, next)) return next;
      last = next;
    }
    throw new Error(`the facts folder kept changing for ${(RELOAD_SETTLE.maxReads * this.settleMs) / 1000} s; will try again on the next change`);
  }

  /** Loads the folder again; resolves when the new base is in place or refused. */
  async reload(): Promise<void> {
    if (this.reloading) await this.reloading;
    this.reloading = (async () => {
      try {
        const files = await this.stableFiles();
        const next = await loadKnowledge(this.factsDir, { files });
        if (this.options.sourcesDir) {
          const { formatFailure, verifyQuotes } = await import('./facts/quotes.js');
          const quotes = verifyQuotes(next.base, this.options.sourcesDir);
          if (quotes.failures.length) throw Object.assign(new Error('quotes not found in their documents'), { lines: quotes.failures.map(formatFailure) });
        }
        this.knowledge = next;
        this.log.info({ kind: 'reload', facts: next.base.facts.length }, 'fact base reloaded');
        this.onReload('ok');
      } catch (err) {
        const e = err as { issues?: Parameters<typeof formatIssue>[0][]; lines?: string[] };
        const problems = e.issues ? e.issues.map(formatIssue) : e.lines ?? [String(err instanceof Error ? err.message : err)];
        this.log.error({ kind: 'reload', problems }, 'fact base not reloaded: keeping the last good one');
        this.onReload('failed');
      }
    })();
    await this.reloading;
    this.reloading = undefined;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }
}
