/**
 * A stand-in for Discord on loopback: REST (GET /gateway/bot hands out its own websocket,
 * interaction callbacks, webhook edits and command registration are recorded) and a gateway
 * that sends HELLO, acks heartbeats, answers IDENTIFY with READY and RESUME with RESUMED,
 * and dispatches INTERACTION_CREATE payloads shaped like Discord's.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { waitFor } from './wait.js';

export interface RestCall {
  method: string;
  path: string;
  query: string;
  body: unknown;
  auth?: string;
}

const APP_ID = '111111111111111111';
const BOT_ID = '222222222222222222';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
  });
}

let nextId = 900000000000000000n;
export const snowflake = () => String((nextId += 1n));

export class FakeDiscord {
  readonly calls: RestCall[] = [];
  readonly identifies: unknown[] = [];
  readonly resumes: unknown[] = [];
  readonly appId = APP_ID;
  private server?: Server;
  private wss?: WebSocketServer;
  private socket?: WebSocket;
  private seq = 0;
  url = '';

  get apiUrl(): string {
    return `${this.url}/api`;
  }

  /** Answer every authorised call with 401, as Discord does for a wrong token. */
  refuseToken = false;
  /** Messages posted to channels, newest last: what GET /channels/:id/messages returns (nonces are not returned, as on Discord). */
  readonly messages = new Map<string, { id: string; nonce?: string; timestamp: string; author: { id: string }; embeds: unknown[] }[]>();

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const raw = await readBody(req);
      const [path, query = ''] = (req.url ?? '/').split('?') as [string, string?];
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // multipart bodies stay text
      }
      this.calls.push({ method: req.method ?? 'GET', path, query, body, ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
      res.setHeader('content-type', 'application/json');
      if (this.refuseToken && req.headers.authorization) {
        res.statusCode = 401;
        res.end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
      } else if (path === '/api/v10/gateway/bot') {
        res.end(JSON.stringify({ url: this.url.replace('http', 'ws'), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14400000, max_concurrency: 1 } }));
      } else if (/\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
        res.removeHeader('content-type');
        res.statusCode = 204;
        res.end();
      } else if (/\/webhooks\/\d+\/[^/]+/.test(path)) {
        res.end(JSON.stringify({ id: snowflake(), channel_id: '333', type: 0, content: '', embeds: [], components: [], author: { id: BOT_ID, username: 'factbot', discriminator: '0', avatar: null, bot: true }, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], pinned: false, flags: 0 }));
      } else if (/^\/api\/v10\/channels\/\d+\/messages$/.test(path)) {
        const channel = path.split('/')[4]!;
        const list = this.messages.get(channel) ?? [];
        if (req.method === 'POST') {
          const b = body as { embeds?: unknown[]; nonce?: string; enforce_nonce?: boolean };
          // enforce_nonce: the same nonce within a few minutes gives back the message it made.
          const same = b.enforce_nonce && b.nonce ? list.find((m) => m.nonce === b.nonce) : undefined;
          const message = same ?? { id: snowflake(), channel_id: channel, author: { id: BOT_ID, username: 'factbot', bot: true }, timestamp: new Date().toISOString(), embeds: b.embeds ?? [], nonce: b.nonce };
          if (!same) list.push(message);
          this.messages.set(channel, list);
          res.end(JSON.stringify(message));
        } else {
          res.end(JSON.stringify([...list].reverse().map(({ nonce: _n, ...m }) => m)));
        }
      } else if (/\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path) && req.method === 'PUT') {
        res.end(JSON.stringify((body as { name: string }[]).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: '1' }))));
      } else {
        res.end('{}');
      }
    });
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data) => this.onGateway(ws, JSON.parse(String(data)) as { op: number; d: unknown }));
      ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private onGateway(ws: WebSocket, msg: { op: number; d: unknown }) {
    if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
    if (msg.op === 2) {
      this.identifies.push(msg.d);
      this.send(ws, 'READY', {
        v: 10,
        user: { id: BOT_ID, username: 'factbot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
        guilds: [],
        session_id: 'session-1',
        resume_gateway_url: this.url.replace('http', 'ws'),
        application: { id: APP_ID, flags: 0 },
      });
    }
    if (msg.op === 6) {
      this.resumes.push(msg.d);
      this.send(ws, 'RESUMED', null);
    }
  }

  private send(ws: WebSocket, t: string, d: unknown) {
    this.seq += 1;
    ws.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /** Drops the gateway connection the way a network blip does; the client should resume. */
  dropConnection(): void {
    this.socket?.terminate();
  }

  async stop(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()) ?? resolve());
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  dispatchInteraction(d: Record<string, unknown>): void {
    if (!this.socket) throw new Error('no gateway connection');
    this.send(this.socket, 'INTERACTION_CREATE', d);
  }

  private base(type: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const user = { id: '444444444444444444', username: 'ana', discriminator: '0', global_name: 'Ana', avatar: null };
    return {
      id: snowflake(), application_id: APP_ID, type, data, guild_id: '555555555555555555', channel_id: '333333333333333333',
      channel: { id: '333333333333333333', type: 0, guild_id: '555555555555555555', name: 'general' },
      member: { user, roles: [], permissions: '2248473465835073', joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
      token: `tok-${snowflake()}`, version: 1, locale: 'en-US', guild_locale: 'en-US', app_permissions: '2248473465835073', entitlements: [],
      authorizing_integration_owners: { '0': '555555555555555555' }, context: 0, attachment_size_limit: 10485760,
      ...extra,
    };
  }

  /** A `/sco <sub> …` chat input command. Options: name → value (strings or integers). */
  chatInput(sub: string, options: Record<string, string | number> = {}) {
    const opts = Object.entries(options).map(([name, value]) => ({ name, type: typeof value === 'number' ? 4 : 3, value }));
    return this.base(2, { id: '666666666666666666', name: 'sco', type: 1, options: [{ name: sub, type: 1, options: opts }] });
  }

  autocomplete(sub: string, option: string, value: string) {
    return this.base(4, { id: '666666666666666666', name: 'sco', type: 1, options: [{ name: sub, type: 1, options: [{ name: option, type: 3, value, focused: true }] }] });
  }

  button(customId: string, embeds: unknown[] = []) {
    return this.base(3, { custom_id: customId, component_type: 2 }, {
      message: { id: snowflake(), channel_id: '333333333333333333', type: 20, content: '', embeds, components: [], flags: 64, author: { id: BOT_ID, username: 'factbot', discriminator: '0', avatar: null, bot: true }, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], pinned: false },
    });
  }

  messageMenu(content: string) {
    const id = snowflake();
    const message = { id, channel_id: '333333333333333333', guild_id: '555555555555555555', type: 0, content, embeds: [], components: [], author: { id: '777777777777777777', username: 'bo', discriminator: '0', global_name: 'Bo', avatar: null }, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], pinned: false, flags: 0 };
    return this.base(2, { id: '888888888888888888', name: 'Fact-check', type: 3, target_id: id, resolved: { messages: { [id]: message } } });
  }

  callbacksFor(interaction: { id: string; token: string }): RestCall[] {
    return this.calls.filter((c) => c.path.includes(`/interactions/${interaction.id}/`) || c.path.includes(`/webhooks/${APP_ID}/${interaction.token}`));
  }

  /** Waits until something the bot did shows up here: platform calls are asynchronous to the ack. */
  waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
    return waitFor(probe, timeoutMs);
  }
}
