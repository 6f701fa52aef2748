/**
 * /healthz (the process is up), /readyz (the fact base is loaded and every platform is
 * connected) and /metrics (Prometheus). On Slack's own HTTP server in HTTP mode; on a server
 * of their own at PORT otherwise.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';

export interface OpsRoute {
  path: string;
  method: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * Who may read /metrics: with METRICS_TOKEN set, whoever sends it as a bearer token, on any port;
 * without it, only on a server of the bot's own (`open`), never on Slack's public HTTP port.
 */
export interface MetricsAccess {
  token?: string;
  open: boolean;
}

function mayReadMetrics(req: IncomingMessage, access: MetricsAccess): 200 | 401 | 404 {
  if (access.token) {
    const given = Buffer.from(String(req.headers.authorization ?? ''));
    const wanted = Buffer.from(`Bearer ${access.token}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted) ? 200 : 401;
  }
  return access.open ? 200 : 404;
}

/** What readiness knows: the platforms still waited for, and what is degraded but does not stop answers (Redis). */
export interface Readiness {
  waiting: () => string[];
  degraded?: () => Promise<string | undefined>;
}

export function opsRoutes(metrics: Metrics, ready: (() => string[]) | Readiness, access: MetricsAccess = { open: true }): OpsRoute[] {
  const readiness: Readiness = typeof ready === 'function' ? { waiting: ready } : ready;
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  return [
    { path: '/healthz', method: 'GET', handler: (_req, res) => json(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_req, res) => {
        const waiting = readiness.waiting();
        if (waiting.length) return json(res, 503, { status: 'not ready', waiting });
        // Degraded is still ready: answers need no shared state, only its promises do.
        void (readiness.degraded?.() ?? Promise.resolve(undefined)).then((problem) => json(res, 200, problem ? { status: 'ready', degraded: problem } : { status: 'ready' }));
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (req, res) => {
        const allowed = mayReadMetrics(req, access);
        if (allowed !== 200) {
          res.writeHead(allowed, allowed === 401 ? { 'www-authenticate': 'Bearer' } : {});
          res.end();
          return;
        }
        void metrics.registry.metrics().then((text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        });
      },
    },
  ];
}

/** Matches a path against a route's ("/facts/:id"): the params, or undefined. */
function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i]!.startsWith(':')) {
      try {
        params[want[i]!.slice(1)] = decodeURIComponent(got[i]!);
      } catch {
        return undefined;
      }
    } else if (want[i] !== got[i]) return undefined;
  }
  return params;
}

/** A server for the ops routes (and pages) alone, for Socket Mode, Discord-only bots and `factbot serve`. */
export function opsServer(routes: OpsRoute[]): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    for (const r of routes) {
      if (r.method !== req.method) continue;
      const params = matchPath(r.path, path);
      if (!params) continue;
      Object.assign(req, { params });
      return r.handler(req, res);
    }
    res.writeHead(404);
    res.end();
  });
}
