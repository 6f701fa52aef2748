/** `factbot serve`: the fact pages and /healthz on PORT, with no Slack or Discord: browse the fact base locally. */
import type { AddressInfo } from 'node:net';
import type { Knowledge } from '../src/knowledge.js';
import { opsServer } from './ops/http.js';
import { pageRoutes, pageSettings } from './ops/pages.js';

export async function serve(k: Knowledge, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const routes = [
    { path: '/healthz', method: 'GET', handler: (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}') },
    ...pageRoutes(() => k, pageSettings(env)),
  ];
  const server = opsServer(routes);
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return (server.address() as AddressInfo).port;
}
