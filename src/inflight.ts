/**
 * Work the bot has accepted and not finished: an acknowledged Slack request still to be answered,
 * a Discord interaction (the adapters), a daily post (the daily poster). A stop waits for it to drain.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs the work and tracks it until it settles; its result and error are the caller's. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.running.add(p);
    const done = () => this.running.delete(p);
    p.then(done, done);
    return p;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once nothing is running, including work started while draining. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
