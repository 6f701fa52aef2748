/**
 * Hot reload: when a file in the facts folder changes, the fact base is loaded and validated
 * in the background and swapped in only if it is valid; otherwise the bot keeps answering
 * from the last good one and the problems are logged (file:line). A request reads one
 * immutable Knowledge from start to end, so none ever sees a half-loaded base.
 */
import { type FSWatcher, watch } from 'node:fs';
import { formatIssue } from './facts/load.js';
import { type Knowledge, loadKnowledge } from './knowledge.js';
import type { Logger } from './log.js';

export class LiveKnowledge {
  private knowledge: Knowledge;
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private reloading?: Promise<void>;

  constructor(
    private readonly factsDir: string,
    initial: Knowledge,
    private readonly log: Logger,
    private readonly onReload: (result: 'ok' | 'failed') => void = () => {},
    private readonly debounceMs = 300,
  ) {
    this.knowledge = initial;
  }

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

  /** Loads the folder again; resolves when the new base is in place or refused. */
  async reload(): Promise<void> {
    if (this.reloading) await this.reloading;
    this.reloading = (async () => {
      try {
        const next = await loadKnowledge(this.factsDir);
        this.knowledge = next;
        this.log.info({ kind: 'reload', facts: next.base.facts.length }, 'fact base reloaded');
        this.onReload('ok');
      } catch (err) {
        const issues = (err as { issues?: Parameters<typeof formatIssue>[0][] }).issues;
        this.log.error({ kind: 'reload', problems: issues ? issues.map(formatIssue) : [String(err)] }, 'fact base not reloaded: keeping the last good one');
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
