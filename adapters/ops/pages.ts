/**
 * The fact pages on the bot's own HTTP server: `/` (search, documents, calendar), `/facts/:id`
 * and `/check?claim=…`. The same routes go on Slack's HTTP server (Bolt's custom routes, which
 * read `:id`) and on the plain server otherwise, and on `factbot serve` with no platform at all.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultSourcesDir } from '../../src/paths.js';
import { todayOf } from '../../src/ask.js';
import type { Knowledge } from '../../src/knowledge.js';
import { checkPage, factPage, indexPage, type PageOptions } from '../../src/pages/pages.js';
import { page } from '../../src/pages/html.js';
import type { OpsRoute } from './http.js';

/** The pages' settings from the environment: the documents folder when it is there, and PUBLIC_URL. */
export function pageSettings(env: NodeJS.ProcessEnv): { sourcesDir?: string; publicUrl?: string } {
  const sourcesDir = existsSync(defaultSourcesDir(env)) ? defaultSourcesDir(env) : undefined;
  const publicUrl = env.PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined;
  return { ...(sourcesDir ? { sourcesDir } : {}), ...(publicUrl ? { publicUrl } : {}) };
}

/** A claim longer than this is not a claim: the page says so rather than judging it. */
const MAX_CLAIM_LENGTH = 1000;

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'", 'referrer-policy': 'no-referrer' });
  res.end(html);
}

const notFound = (res: ServerResponse, what: string) => send(res, 404, page('Not found', `<h1>Not found</h1><p>${what}</p><p><a href="/">Search the facts</a></p>`));

export function pageRoutes(knowledge: () => Knowledge, options: Omit<PageOptions, 'today'> & { today?: () => PageOptions['today'] }): OpsRoute[] {
  const opts = (): PageOptions => ({ ...options, today: options.today?.() ?? todayOf() });
  const query = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://local').searchParams;
  return [
    { path: '/', method: 'GET', handler: (req, res) => send(res, 200, indexPage(knowledge(), query(req).get('q') ?? undefined, opts())) },
    {
      path: '/facts/:id',
      method: 'GET',
      handler: (req, res) => {
        const id = (req as IncomingMessage & { params?: { id?: string } }).params?.id ?? '';
        const html = factPage(knowledge(), id, opts());
        if (html) send(res, 200, html);
        else notFound(res, 'No fact has that id. Facts may be renamed when the fact base changes.');
      },
    },
    {
      path: '/check',
      method: 'GET',
      handler: (req, res) => {
        const claim = (query(req).get('claim') ?? '').trim();
        if (!claim || claim.length > MAX_CLAIM_LENGTH) return notFound(res, 'Give a claim to check: /check?claim=India joined the SCO in 2017');
        send(res, 200, checkPage(knowledge(), claim, opts()).html);
      },
    },
  ];
}
