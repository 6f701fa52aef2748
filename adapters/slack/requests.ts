/**
 * Before Bolt reads a request: its timestamp must be within the window in both directions (Bolt
 * refuses old ones only; one dated ten minutes ahead would be accepted, and replayable later),
 * and a signature seen within the window is not answered again (a replayed request gets 200 and
 * nothing else). Bolt then verifies the signature itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Slack's own window for a request's timestamp, in seconds either side of now. */
export const REQUEST_WINDOW_SECONDS = 5 * 60;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export class RequestGuard {
  /** Signatures seen, with the second they expire; pruned as the window moves. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000)) {}

  /** Wraps a request listener: a request out of the window gets 401, a replay 200 with no body. */
  wrap(listener: Listener, paths: readonly string[]): Listener {
    return (req, res) => {
      const path = (req.url ?? '').split('?')[0]!;
      if (req.method !== 'POST' || !paths.includes(path)) return listener(req, res);
      const verdict = this.admit(String(req.headers['x-slack-request-timestamp'] ?? ''), String(req.headers['x-slack-signature'] ?? ''));
      if (verdict === 'ok') return listener(req, res);
      req.resume();
      res.writeHead(verdict === 'replay' ? 200 : 401);
      res.end();
    };
  }

  admit(timestamp: string, signature: string): 'ok' | 'stale' | 'replay' {
    const now = this.nowSeconds();
    const ts = Number(timestamp);
    if (!Number.isInteger(ts) || Math.abs(now - ts) > REQUEST_WINDOW_SECONDS) return 'stale';
    for (const [sig, until] of this.seen) {
      if (until >= now) break; // in insertion order, so the rest expire later
      this.seen.delete(sig);
    }
    if (!signature) return 'ok'; // Bolt refuses it
    if (this.seen.has(signature)) return 'replay';
    this.seen.set(signature, now + 2 * REQUEST_WINDOW_SECONDS);
    return 'ok';
  }
}
