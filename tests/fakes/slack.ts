/**
 * A stand-in for Slack on loopback: it signs and sends requests to the app the way Slack
 * does (slash commands, block actions, shortcuts, events), serves the Web API the app calls
 * (recording every call), takes posts to response_url, and serves Socket Mode
 * (apps.connections.open hands out its own websocket; envelopes go out, acks come back).
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { WebSocketServer, type WebSocket } from 'ws';
import { waitFor } from './wait.js';

export interface ApiCall {
  method: string;
  token?: string;
  args: Record<string, unknown>;
}

export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

/** Web API arguments arrive form-encoded with JSON strings inside; decode them back. */
function decodeArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(body || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parseQuery(body))) {
    const s = Array.isArray(v) ? v[0] : v;
    try {
      out[k] = s && /^[[{]/.test(s) ? JSON.parse(s) : s;
    } catch {
      out[k] = s;
    }
  }
  return out;
}

export function signSlack(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

type Signing = 'valid' | 'bad' | 'stale' | 'future';

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  readonly sockets: WebSocket[] = [];
  private readonly failures = new Map<string, string>();
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private server?: Server;
  private wss?: WebSocketServer;
  private nextResponse = 0;
  url = '';
  /** Messages posted with chat.postMessage, by channel, newest last: what conversations.history returns. */
  readonly history = new Map<string, Record<string, unknown>[]>();
  /** Web API methods that answer only after this many ms. */
  readonly apiDelayMs = new Map<string, number>();
  /** How long Slack takes to take a post to response_url: a slow Slack keeps answers in flight. */
  responseDelayMs = 0;

  constructor(readonly signingSecret = 'test-signing-secret') {}

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const body = await readBody(req);
      const path = req.url ?? '/';
      if (path.startsWith('/api/')) {
        const method = path.slice(5).split('?')[0]!;
        const args = decodeArgs(body, req.headers['content-type']);
        this.calls.push({ method, token: req.headers.authorization?.replace(/^Bearer /, ''), args });
        res.setHeader('content-type', 'application/json');
        // A slow Slack: the call is taken (recorded, and its message in the channel) before it answers.
        const delay = this.apiDelayMs.get(method);
        if (delay) {
          const result = this.apiResult(method, args);
          await new Promise((r) => setTimeout(r, delay));
          res.end(JSON.stringify(result));
          return;
        }
        const failure = this.failures.get(method);
        if (failure) {
          res.end(JSON.stringify({ ok: false, error: failure }));
          return;
        }
        res.end(JSON.stringify(this.apiResult(method, args)));
        return;
      }
      if (path.startsWith('/response/')) {
        if (this.responseDelayMs) await new Promise((r) => setTimeout(r, this.responseDelayMs));
        this.responses.push({ id: path.slice('/response/'.length), body: JSON.parse(body || '{}') as Record<string, unknown> });
        res.end('ok');
        return;
      }
      res.statusCode = 404;
      res.end();
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (ws) => {
      this.sockets.push(ws);
      ws.on('message', (raw) => {
        const msg = JSON.parse(String(raw)) as { envelope_id?: string; payload?: unknown };
        if (msg.envelope_id) this.acks.get(msg.envelope_id)?.(msg.payload);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 18060 }, connection_info: { app_id: 'A1' } }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()) ?? resolve());
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Makes every later call of a Web API method fail with this Slack error. */
  fail(method: string, error: string): void {
    this.failures.set(method, error);
  }

  private apiResult(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'factbot', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http', 'ws')}/socket` };
      case 'chat.postMessage': {
        const ts = `${(Date.now() / 1000).toFixed(6)}`;
        const meta = typeof args.metadata === 'string' ? JSON.parse(args.metadata) : args.metadata;
        const message = { type: 'message', ts, text: args.text, bot_id: 'BBOT', ...(meta ? { metadata: meta } : {}) };
        const list = this.history.get(String(args.channel)) ?? [];
        list.push(message);
        this.history.set(String(args.channel), list);
        return { ok: true, channel: args.channel, ts, message };
      }
      case 'conversations.history':
        return { ok: true, messages: [...(this.history.get(String(args.channel)) ?? [])].reverse(), has_more: false };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${Date.now() / 1000}` };
      default:
        return { ok: true };
    }
  }

  newResponseUrl(): string {
    this.nextResponse += 1;
    return `${this.url}/response/${this.nextResponse}`;
  }

  /** Sends a request to the app signed as Slack signs it (or with a bad signature, or dated ten minutes off either way). */
  async send(appUrl: string, body: string, contentType: string, sign: Signing = 'valid'): Promise<Response> {
    return this.resend(appUrl, this.signed(body, contentType, sign));
  }

  /** A signed request, to send (and send again: a replay) with resend(). */
  signed(body: string, contentType: string, sign: Signing = 'valid'): { body: string; headers: Record<string, string> } {
    const now = Math.floor(Date.now() / 1000);
    const timestamp = sign === 'stale' ? now - 10 * 60 : sign === 'future' ? now + 10 * 60 : now;
    const signature = sign === 'bad' ? signSlack('not-the-secret', timestamp, body) : signSlack(this.signingSecret, timestamp, body);
    return { body, headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature } };
  }

  async resend(appUrl: string, request: { body: string; headers: Record<string, string> }): Promise<Response> {
    return fetch(appUrl, { method: 'POST', headers: request.headers, body: request.body });
  }

  commandBody(text: string, user = 'U1', channel = 'C1'): Record<string, string> {
    return {
      token: 'legacy', team_id: 'T1', team_domain: 'fake', channel_id: channel, channel_name: 'general', user_id: user, user_name: 'ana',
      command: '/sco', text, api_app_id: 'A1', response_url: this.newResponseUrl(), trigger_id: `trigger-${Date.now()}`,
    };
  }

  async command(appUrl: string, text: string, sign: Signing = 'valid'): Promise<Response> {
    return this.send(appUrl, new URLSearchParams(this.commandBody(text)).toString(), 'application/x-www-form-urlencoded', sign);
  }

  /** A signed slash command, to send twice. */
  signedCommand(text: string): { body: string; headers: Record<string, string> } {
    return this.signed(new URLSearchParams(this.commandBody(text)).toString(), 'application/x-www-form-urlencoded');
  }

  async interaction(appUrl: string, payload: Record<string, unknown>): Promise<Response> {
    return this.send(appUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  }

  blockAction(actionId: string, value: string, user = 'U2'): Record<string, unknown> {
    return {
      type: 'block_actions', team: { id: 'T1', domain: 'fake' }, user: { id: user, username: 'bo', team_id: 'T1' }, api_app_id: 'A1', token: 'legacy',
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true }, trigger_id: 't', channel: { id: 'C1', name: 'general' },
      response_url: this.newResponseUrl(), actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1.2', text: { type: 'plain_text', text: 'x' } }],
    };
  }

  messageShortcut(text: string, ts = '1700000000.000100', threadTs?: string): Record<string, unknown> {
    return {
      type: 'message_action', callback_id: 'fact_check', trigger_id: 't', message_ts: ts, response_url: this.newResponseUrl(), token: 'legacy',
      team: { id: 'T1', domain: 'fake' }, user: { id: 'U3', name: 'cy' }, channel: { id: 'C9', name: 'discussion' },
      message: { type: 'message', user: 'U4', text, ts, ...(threadTs ? { thread_ts: threadTs } : {}) },
    };
  }

  eventBody(event: Record<string, unknown>, eventId = `Ev${Date.now()}${Math.random()}`): string {
    return JSON.stringify({ token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }], event });
  }

  async event(appUrl: string, event: Record<string, unknown>): Promise<Response> {
    return this.send(appUrl, this.eventBody(event), 'application/json');
  }

  /** The same event again, as Slack redelivers one it thinks was not acknowledged: same event_id, X-Slack-Retry-Num set. */
  async redeliver(appUrl: string, event: Record<string, unknown>, eventId: string, retry: number): Promise<Response> {
    const request = this.signed(this.eventBody(event, eventId), 'application/json');
    return this.resend(appUrl, { ...request, headers: { ...request.headers, ...(retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}) } });
  }

  /** Socket Mode: sends an envelope to the connected app and resolves with its ack's payload. */
  envelope(type: 'slash_commands' | 'interactive' | 'events_api', payload: unknown, timeoutMs = 5000): Promise<unknown> {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no Socket Mode connection');
    const id = `env-${Date.now()}-${Math.random().toString(16).slice(2)}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${type} envelope within ${timeoutMs} ms`)), timeoutMs);
      this.acks.set(id, (p) => {
        clearTimeout(timer);
        resolve(p);
      });
      socket.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    });
  }

  /** Waits until something the bot did shows up here: platform calls are asynchronous to the ack. */
  waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
    return waitFor(probe, timeoutMs);
  }
}
