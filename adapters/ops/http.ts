/**
 * /healthz (the process is up), /readyz (the fact base is loaded and every platform is
 * connected) and /metrics (Prometheus). On Slack's own HTTP server in HTTP mode; on a server
 * of their own at PORT otherwise.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';

export interface OpsRoute {
  path: string;
  method: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export function opsRoutes(metrics: Metrics, ready: () => string[]): OpsRoute[] {
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
        const waiting = ready();
        json(res, waiting.length ? 503 : 200, waiting.length ? { status: 'not ready', waiting } : { status: 'ready' });
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        void metrics.registry.metrics().then((text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        });
      },
    },
  ];
}

/** A server for the ops routes alone, for Socket Mode and Discord-only bots. */
export function opsServer(routes: OpsRoute[]): Server {
  return createServer((req, res) => {
    const route = routes.find((r) => r.path === (req.url ?? '').split('?')[0] && r.method === req.method);
    if (route) route.handler(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
}
