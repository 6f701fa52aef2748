/**
 * The Slack app: `/sco`, the "Fact-check" message shortcut, @mentions, and the Share and
 * More-sources buttons, on the real Bolt App. HTTP mode with the signing secret by default;
 * Socket Mode when an app-level token is given. Every handler acks first, then answers.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { RequestGuard } from './requests.js';
import type { InFlight } from '../../src/inflight.js';
import { MemorySeen } from '../state/shared.js';
import { isoPoint } from '../../src/facts/dates.js';
import { answerFact } from '../../src/answer/cite.js';
import { parseToday, type Request, todayOf } from '../../src/ask.js';
import type { Today } from '../../src/commands/context.js';
import type { Knowledge } from '../../src/knowledge.js';
import type { Logger } from '../../src/log.js';
import { type Answered, answerSafely, newReference, type Ops, SOMETHING_WENT_WRONG } from '../shared/answering.js';
import type { OpsRoute } from '../ops/http.js';
import { ACTION_MORE_FACTS, ACTION_MORE_SOURCES, ACTION_SHARE, allSourcesMessage, answerToSlack, factUnfurl, failureMessage, type SlackMessage } from './blocks.js';
import type { SlackConfig } from './config.js';
import { slackToPlain } from './escape.js';

export const SHORTCUT_FACT_CHECK = 'fact_check';
/** Where Slack sends commands, events and interactions. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackBotOptions {
  config: SlackConfig;
  /** The current fact base: a function, so a reload is seen by the next request. */
  knowledge: () => Knowledge;
  log: Logger;
  /** The day "on this day" means; the local date by default. */
  today?: () => Today;
  /** Metrics and the rate limit, shared with the other adapters. */
  ops?: Ops;
  /** Extra routes on the HTTP server (health, readiness, metrics) in HTTP mode. */
  routes?: OpsRoute[];
  /** Tracks every request from arrival to its answer, so a stop can wait for them. */
  inflight?: InFlight;
  /** Where the fact pages are published (PUBLIC_URL): answers link to them. */
  publicUrl?: string;
  /** True the first time an event id is seen (in memory by default; Redis across replicas). */
  firstSeen?: (key: string, ttlMs: number) => Promise<boolean>;
}

/** How long an event id is remembered: Slack retries within minutes, three times at most. */
export const EVENT_ID_TTL_MS = 60 * 60_000;

/** Bolt's logger interface over ours, so Bolt's own messages are structured and redacted too. */
function boltLogger(log: Logger) {
  let level = LogLevel.INFO;
  const child = log.child({ component: 'bolt' });
  return {
    debug: (...m: unknown[]) => child.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => child.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => child.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => child.error(m.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

const dayText = (t: Today) => isoPoint(t);
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createSlackApp(options: SlackBotOptions): App {
  const { config, knowledge, log } = options;
  const today = options.today ?? (() => todayOf());
  const logger = boltLogger(log);
  // HTTP mode: our own receiver, so that each request passes the timestamp and replay guard first.
  const receiver = config.appToken
    ? undefined
    : new HTTPReceiver({ signingSecret: config.signingSecret!, endpoints: [SLACK_EVENTS_PATH], logger, ...(options.routes?.length ? { customRoutes: options.routes } : {}) });
  if (receiver) receiver.requestListener = new RequestGuard().wrap(receiver.requestListener, [SLACK_EVENTS_PATH]);
  const app = new App({
    token: config.botToken,
    ...(config.appToken ? { appToken: config.appToken, socketMode: true } : { receiver: receiver! }),
    ...(config.apiUrl ? { clientOptions: { slackApiUrl: config.apiUrl } } : {}),
    logger,
  });
  const ops = options.ops ?? {};
  const links = options.publicUrl ? { publicUrl: options.publicUrl } : {};
  // Slack redelivers an event it thinks was not acknowledged (X-Slack-Retry-Num), possibly to
  // another replica: each event_id is answered once; Bolt has acknowledged it already.
  const memory = new MemorySeen();
  const firstSeen = options.firstSeen ?? (async (key: string, ttl: number) => memory.first(key, ttl));
  app.use(async ({ body, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string' && !(await firstSeen(`slack:event:${id}`, EVENT_ID_TTL_MS))) {
      log.info({ platform: 'slack', kind: 'event', eventId: id }, 'redelivered event: answered already');
      return;
    }
    await next();
  });
  // Every listener runs inside this: from the request to the answer sent, whatever the ack did.
  if (options.inflight) {
    const inflight = options.inflight;
    app.use(async ({ next }) => {
      await inflight.run(next);
    });
  }
  /** The message for a result that is not an answer: slow down, or something went wrong. */
  const notAnswered = (result: Exclude<Answered, { ok: true }>): SlackMessage =>
    'limited' in result ? { text: result.limited, blocks: [] } : failureMessage(SOMETHING_WENT_WRONG, result.reference);

  const answerMessage = async (text: Request, kind: string, user: string | undefined, channel: string | undefined, share: boolean, day = today()): Promise<SlackMessage> => {
    const result = await answerSafely(knowledge, text, { platform: 'slack', kind, user, channel }, log, day, ops);
    if (!result.ok) return notAnswered(result);
    // Buttons carry the question as text: a typed command reads the same as its words.
    const q = typeof text === 'string' ? text : `${text.command} ${text.args}`;
    const request = { q, today: dayText(day) };
    return answerToSlack(result.answer, { ...(share ? { share: request } : {}), more: request, ...links });
  };

  app.command('/sco', async ({ command, ack, respond }) => {
    await ack();
    // Let waiting requests be acked before this one's answer takes the CPU: acks are what Slack times.
    await yieldToIo();
    const message = await answerMessage(slackToPlain(command.text), 'command', command.user_id, command.channel_id, true);
    await respond({ response_type: 'ephemeral', ...message });
  });

  /** What a Share or More button carries; an old or foreign button reads as no question (help). */
  const buttonRequest = (action: unknown): { q: string; day: Today; page: number } => {
    const value = action && typeof action === 'object' && 'value' in action && typeof action.value === 'string' ? action.value : '';
    try {
      const parsed = JSON.parse(value) as { q?: unknown; today?: unknown; page?: unknown };
      return {
        q: typeof parsed.q === 'string' ? parsed.q : '',
        day: (typeof parsed.today === 'string' && parseToday(parsed.today)) || today(),
        page: typeof parsed.page === 'number' && Number.isInteger(parsed.page) && parsed.page > 0 ? parsed.page : 0,
      };
    } catch {
      return { q: '', day: today(), page: 0 };
    }
  };

  app.action(ACTION_MORE_FACTS, async ({ ack, body, action, respond }) => {
    await ack();
    const { q, day, page } = buttonRequest(action);
    const result = await answerSafely(knowledge, q, { platform: 'slack', kind: 'more', user: body.user.id }, log, day, ops);
    const message = result.ok ? answerToSlack(result.answer, { page, more: { q, today: dayText(day) }, ...links }) : notAnswered(result);
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  });

  app.action(ACTION_SHARE, async ({ ack, body, action, respond }) => {
    await ack();
    const { q, day } = buttonRequest(action);
    const result = await answerSafely(knowledge, q, { platform: 'slack', kind: 'share', user: body.user.id }, log, day, ops);
    if (!result.ok) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...notAnswered(result) });
      return;
    }
    await respond({ response_type: 'in_channel', replace_original: false, ...answerToSlack(result.answer, { sharedBy: body.user.id, ...links }) });
    await respond({ delete_original: true });
  });

  app.action(ACTION_MORE_SOURCES, async ({ ack, action, respond, body }) => {
    await ack();
    const id = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const fact = knowledge().base.fact(id);
    if (!fact) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'That fact is no longer in the fact base; ask again to see the current answer.' });
      return;
    }
    log.info({ platform: 'slack', kind: 'more_sources', user: body.user.id, fact: id }, 'answered');
    await respond({ response_type: 'ephemeral', replace_original: false, ...allSourcesMessage(answerFact(knowledge().base, fact)) });
  });

  app.shortcut(SHORTCUT_FACT_CHECK, async ({ shortcut, ack, client, respond }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    const claim = slackToPlain(shortcut.message.text ?? '');
    const thread = shortcut.message.thread_ts ?? shortcut.message.ts;
    const message = claim
      ? await answerMessage({ command: 'check', args: claim }, 'fact_check', shortcut.user.id, shortcut.channel.id, false)
      : { text: 'That message has no text to fact-check.', blocks: [] };
    try {
      await client.chat.postMessage({ channel: shortcut.channel.id, thread_ts: thread, unfurl_links: false, unfurl_media: false, ...message });
    } catch (err) {
      // Most often the bot is not in that channel: tell the user privately how to fix it.
      const reference = newReference();
      log.warn({ platform: 'slack', kind: 'fact_check', reference, err }, 'could not post in thread');
      await respond({ response_type: 'ephemeral', text: `I could not reply in that thread (invite me to the channel with /invite). Reference: \`${reference}\`` });
    }
  });

  app.event('app_mention', async ({ event, client }) => {
    const text = slackToPlain(event.text ?? '');
    const result = await answerSafely(knowledge, text, { platform: 'slack', kind: 'mention', user: event.user, channel: event.channel }, log, today(), ops);
    if (!result.ok) {
      // A failure is told to the one who asked, not to the whole thread.
      if (event.user) await client.chat.postEphemeral({ channel: event.channel, user: event.user, ...notAnswered(result) });
      return;
    }
    const more = { q: text, today: dayText(today()) };
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, unfurl_links: false, unfurl_media: false, ...answerToSlack(result.answer, { more, ...links }) });
  });

  // A fact page's link pasted in Slack unfolds into the fact and its first quote (the domain is PUBLIC_URL's, in the manifest).
  if (options.publicUrl) {
    const prefix = `${options.publicUrl}/facts/`;
    app.event('link_shared', async ({ event, client }) => {
      const unfurls: Record<string, { blocks: SlackMessage['blocks'] }> = {};
      for (const link of event.links ?? []) {
        if (!link.url.startsWith(prefix)) continue;
        let id = '';
        try {
          id = decodeURIComponent(link.url.slice(prefix.length).split(/[?#]/)[0]!);
        } catch {
          continue;
        }
        const fact = knowledge().base.fact(id);
        if (fact) unfurls[link.url] = { blocks: factUnfurl(answerFact(knowledge().base, fact)) };
      }
      if (!Object.keys(unfurls).length) return;
      await client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls });
      log.info({ platform: 'slack', kind: 'unfurl', links: Object.keys(unfurls).length }, 'answered');
    });
  }

  app.error(async (error) => {
    log.error({ platform: 'slack', reference: newReference(), err: error }, 'unhandled Slack error');
  });

  return app;
}
