/**
 * `npm start`: Slack when its tokens are in the environment, Discord when its token is, both
 * side by side when both are, and the terminal chat when none are. A setting that is missing
 * or malformed stops start-up with one line that names it. Running bots get hot reload of the
 * facts folder, the per-user rate limit, /healthz, /readyz and /metrics, the daily posts, and
 * a graceful stop on SIGTERM.
 */
import type { Server } from 'node:http';
import type { Knowledge } from '../src/knowledge.js';
import { createLogger } from '../src/log.js';
import { formatFailure, verifyQuotes } from '../src/facts/quotes.js';
import { defaultFactsDir } from '../src/paths.js';
import { LiveKnowledge } from '../src/reload.js';
import { type ScheduleConfig, ScheduleConfigError, scheduleFromEnv } from '../src/schedule/config.js';
import { DailyPoster, type Poster } from '../src/schedule/daily.js';
import { chat } from './cli/chat.js';
import { createDiscordClient } from './discord/client.js';
import { type DiscordConfig, discordConfigFromEnv } from './discord/config.js';
import { type Client, REST, Routes } from 'discord.js';
import { discordPoster } from './discord/post.js';
import { opsRoutes, opsServer } from './ops/http.js';
import { pageRoutes, pageSettings } from './ops/pages.js';
import { Metrics } from './ops/metrics.js';
import { createSlackApp } from './slack/app.js';
import { InFlight } from '../src/inflight.js';
import { localState } from './state/local.js';
import { RedisState } from './state/redis.js';
import type { SharedState } from './state/shared.js';
import type { Lease } from './state/lease.js';
import { ConfigError, slackConfigFromEnv } from './slack/config.js';
import { slackPoster } from './slack/post.js';

export { ConfigError };

/** How long a stop may wait for work in flight (an answer to a slow Slack, a post) before it gives up on it. */
const STOP_GRACE_MS = 10_000;
/** How long start-up waits for a platform to answer before it says the platform cannot be reached. */
const STARTUP_TIMEOUT_MS = Number(process.env.FACTBOT_STARTUP_TIMEOUT_MS ?? 20_000);

/** How long a replica's claim on a daily post is honoured before another takes it over (it may have died mid-post). */
const CLAIM_TIMEOUT_MS = Number(process.env.FACTBOT_CLAIM_TIMEOUT_MS ?? 10 * 60_000);

/** How long the Discord gateway lease lasts without renewal: a dead holder's replacement logs in after this. */
const GATEWAY_LEASE_MS = Number(process.env.FACTBOT_GATEWAY_LEASE_MS ?? 30_000);

/**
 * Holds the Discord gateway lease: logs in when it has it (now, or when the holder's lapses),
 * renews it a few times per lease, and stands by (logging so) while another replica has it.
 */
async function holdGateway(lease: Lease, login: () => Promise<void>, log: ReturnType<typeof createLogger>) {
  let timer: NodeJS.Timeout | undefined;
  let held = false;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      if (held) {
        if (!(await lease.renew())) log.error({ platform: 'discord' }, 'lost the Discord gateway lease; another replica may log in');
      } else if (await lease.acquire()) {
        held = true;
        log.info({ platform: 'discord', replica: lease.holder }, 'holding the Discord gateway');
        await login();
      } else if (!timer) {
        log.info({ platform: 'discord' }, 'another replica holds the Discord gateway; standing by');
      }
    } catch (err) {
      if (err instanceof StartError) throw err;
      log.warn({ platform: 'discord', err }, 'cannot reach Redis for the Discord gateway lease');
    }
    if (!stopped) timer = setTimeout(() => void tick().catch((err: unknown) => log.error({ err }, 'Discord gateway lease')), lease.ttlMs / 3);
  };
  await tick();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
    release: async () => {
      if (held) await lease.release().catch(() => undefined);
    },
  };
}

/** Discord's recommended number of shards for this bot (GET /gateway/bot). */
async function recommendedShards(config: DiscordConfig): Promise<number> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const info = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, info.shards ?? 1);
}

/** Something start-up needs did not work: the message names it. The process exits non-zero. */
export class StartError extends ConfigError {}

/** Why a call failed, in a few words: Slack's error code, a refused token, a port in use, a network error. */
function whyFailed(err: unknown): string {
  const e = err as { code?: string; data?: { error?: string }; message?: string; status?: number };
  if (e?.data?.error) return `Slack answered "${e.data.error}"`;
  if (e?.code === 'EADDRINUSE') return 'the port is already in use';
  if (e?.code === 'TokenInvalid' || e?.status === 401) return 'the token was refused';
  if (e?.code && /^E[A-Z]+$/.test(e.code)) return `cannot be reached (${e.code})`;
  return e?.message ?? String(err);
}

/** A step start-up cannot do without, within STARTUP_TIMEOUT_MS; a failure becomes one StartError line. */
async function must<T>(what: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${STARTUP_TIMEOUT_MS / 1000} s`)), STARTUP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work(), late]);
  } catch (err) {
    throw new StartError(`${what}: ${whyFailed(err)}`);
  } finally {
    clearTimeout(timer);
  }
}

export async function start(load: () => Promise<Knowledge>, env: NodeJS.ProcessEnv = process.env, factsDir = defaultFactsDir(env)): Promise<void> {
  // Read every setting before starting anything, so a bad one stops start-up cleanly.
  const slack = slackConfigFromEnv(env);
  const discord = discordConfigFromEnv(env);
  const schedule = readSchedule(env, Boolean(slack), Boolean(discord));
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  if (!slack && !discord) {
    await chat(await load());
    return;
  }
  const log = createLogger({ env });
  const metrics = new Metrics();
  const initial = await load();
  // With the documents at hand, quotes are held to them at start and on every reload, as `factbot validate` does.
  const settings = pageSettings(env);
  const { sourcesDir, publicUrl } = settings;
  if (sourcesDir) {
    const quotes = verifyQuotes(initial.base, sourcesDir);
    if (quotes.failures.length) throw new StartError(`${quotes.failures.length} quote(s) not found in their documents (${sourcesDir}); run \`factbot validate\`. First: ${formatFailure(quotes.failures[0]!)}`);
  }
  const live = new LiveKnowledge(factsDir, initial, log, (result) => metrics.reloads.inc({ result }), sourcesDir ? { sourcesDir } : {});
  live.watch();
  const knowledge = live.current;
  // Shared state: Redis when REDIS_URL is set (several replicas), else this process's memory and state file.
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const state: SharedState = redisUrl ? new RedisState({ url: redisUrl, log, claimTimeoutMs: CLAIM_TIMEOUT_MS }) : localState(schedule?.statePath);
  if (state instanceof RedisState) {
    // Not required to answer: a Redis down at start is logged, and the bot answers on.
    await state.connect().catch((err: unknown) => log.warn({ kind: 'redis', err }, 'Redis unreachable at start; answering on, shared promises wait for it'));
  }
  const ops = { metrics, limiter: state.limiter };
  const waiting = new Set<string>([...(slack ? ['slack'] : []), ...(discord ? ['discord'] : [])]);
  const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
  const ready = () => [...waiting];
  // Slack's port is public: /metrics there only with the token. The bot's own server is not Slack's.
  const readiness = { waiting: ready, degraded: () => state.problem() };
  // The fact pages, on whichever server the bot has: citations anyone can open.
  const pages = pageRoutes(knowledge, settings);
  const slackRoutes = [...opsRoutes(metrics, readiness, { ...(metricsToken ? { token: metricsToken } : {}), open: false }), ...pages];
  const routes = [...opsRoutes(metrics, readiness, { ...(metricsToken ? { token: metricsToken } : {}), open: true }), ...pages];
  const posters: Partial<Record<'slack' | 'discord', Poster>> = {};
  const inflight = new InFlight();
  // A stop in three steps: stop taking new work, let what was taken finish, then close.
  const stopTaking: (() => void)[] = [() => live.stop()];
  const closing: (() => Promise<void>)[] = [];
  const servers: Server[] = [];

  // The daily-post state is checked before any platform starts: nothing to undo if it fails.
  let daily: DailyPoster | undefined;
  if (schedule) {
    // Written before it is relied on: a folder the bot cannot write stops start-up, not a post later.
    try {
      daily = new DailyPoster({ channels: schedule.channels, posters, knowledge, empty: schedule.empty, claims: state.claims, log, claimTimeoutMs: CLAIM_TIMEOUT_MS });
      await daily.ensureWritable();
    } catch (err) {
      throw new ConfigError(`ONTHISDAY_STATE (${schedule.statePath}): ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  if (slack) {
    const app = createSlackApp({ config: slack, knowledge, log, ops, routes: slackRoutes, inflight, firstSeen: (key, ttl) => state.first(key, ttl), ...(publicUrl ? { publicUrl } : {}) });
    posters.slack = counted('slack', slackPoster(app), metrics);
    // The token first: a refused or unreachable Slack stops start-up with one line, before "started".
    await must(`Slack (SLACK_BOT_TOKEN at ${slack.apiUrl ?? 'slack.com'})`, () => app.client.auth.test());
    if (slack.appToken) {
      await must('Slack Socket Mode (SLACK_APP_TOKEN)', () => app.start());
      // Socket Mode acks over the socket: it stays open until what is in flight is answered.
      closing.push(async () => {
        await app.stop();
      });
    } else {
      const server = (await must(`PORT ${slack.port}`, () => app.start(slack.port))) as Server;
      servers.push(server);
      let closed: Promise<void> | undefined;
      stopTaking.push(() => {
        closed = app.stop().then(
          () => undefined,
          (err: unknown) => log.warn({ err }, 'error while stopping'),
        );
      });
      closing.push(async () => {
        await closed;
      });
    }
    waiting.delete('slack');
    log.info({ platform: 'slack', mode: slack.appToken ? 'socket' : 'http', port: slack.appToken ? undefined : slack.port, facts: knowledge().base.facts.length }, 'started');
  }
  if (!slack || slack.appToken) {
    // No Slack HTTP server to share: the health and metrics routes get one of their own.
    const server: Server = opsServer(routes);
    await must(`PORT ${port}`, () => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, () => resolve())));
    servers.push(server);
    let closed: Promise<void> | undefined;
    stopTaking.push(() => {
      closed = new Promise<void>((resolve) => server.close(() => resolve()));
    });
    closing.push(async () => {
      await closed;
    });
    log.info({ port }, 'health and metrics server listening');
  }
  if (discord) {
    const count = discord.shards === 'auto' ? await must(`Discord (DISCORD_TOKEN at ${discord.apiUrl ?? 'discord.com'})`, () => recommendedShards(discord)) : (discord.shards ?? 1);
    const clientFor = (ids: number[] | 'auto') => createDiscordClient({ config: discord, knowledge, log, ops, inflight, ...(publicUrl ? { publicUrl } : {}), ...(count > 1 || ids === 'auto' ? { shards: { ids, count } } : {}) });
    const login = async (client: Client, shards: string) => {
      await must(`Discord (DISCORD_TOKEN at ${discord.apiUrl ?? 'discord.com'})`, () => client.login(discord.token)).catch(async (err: unknown) => {
        await client.destroy();
        throw err;
      });
      log.info({ platform: 'discord', shards, facts: knowledge().base.facts.length }, 'started');
    };
    const clients: Client[] = [];
    if (state instanceof RedisState) {
      // One session per shard across replicas: each shard's lease holder logs in with it, the others stand by.
      for (let shard = 0; shard < count; shard++) {
        const client = clientFor([shard]);
        clients.push(client);
        const holding = await holdGateway(state.lease(`discord-gateway-${shard}-of-${count}`, GATEWAY_LEASE_MS), () => login(client, `${shard}/${count}`), log);
        stopTaking.push(() => holding.stop());
        closing.push(async () => {
          await holding.release();
        });
      }
    } else {
      const client = clientFor(Array.from({ length: count }, (_, i) => i));
      clients.push(client);
      await login(client, `all ${count}`);
    }
    // Daily posts go over REST, which needs no gateway session: any client's will do.
    posters.discord = counted('discord', discordPoster(clients[0]!), metrics);
    // Interactions are answered over REST: the gateway closes once they are.
    closing.push(async () => {
      for (const c of clients) await c.destroy();
    });
    waiting.delete('discord');
  }
  if (daily && schedule) {
    const poster = daily;
    poster.start();
    stopTaking.push(() => poster.stop());
    log.info({ kind: 'onthisday', channels: schedule.channels.map((c) => `${c.platform}:${c.id} ${c.time} ${c.timezone}`) }, 'daily posts scheduled');
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.info({ signal }, 'already stopping: finishing what is in flight');
      return;
    }
    stopping = true;
    log.info({ signal, inFlight: inflight.size }, 'stopping: no new work; finishing what is in flight');
    const timer = setTimeout(() => {
      log.warn({ inFlight: inflight.size }, 'stop took too long; exiting with work unfinished');
      process.exit(1);
    }, STOP_GRACE_MS);
    timer.unref();
    void (async () => {
      for (const s of stopTaking) s();
      // Idle keep-alive connections would hold a closing server open: close them now.
      for (const server of servers) server.closeIdleConnections();
      await Promise.all([inflight.drain(), daily?.idle()]);
      for (const server of servers) server.closeAllConnections();
      for (const c of closing) await c().catch((err: unknown) => log.warn({ err }, 'error while stopping'));
      await state.close();
      log.info('stopped');
      process.exit(0);
    })();
  };
  // Not once: a second signal during the stop must not kill the process half-way.
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function counted(platform: 'slack' | 'discord', poster: Poster, metrics: Metrics): Poster {
  return {
    async post(channel, answer, tag) {
      try {
        const id = await poster.post(channel, answer, tag);
        metrics.posts.inc({ platform, result: 'ok' });
        return id;
      } catch (err) {
        metrics.posts.inc({ platform, result: 'failed' });
        throw err;
      }
    },
    find: (channel, tag, answer) => poster.find(channel, tag, answer),
  };
}

function readSchedule(env: NodeJS.ProcessEnv, slack: boolean, discord: boolean): ScheduleConfig | undefined {
  let schedule: ScheduleConfig | undefined;
  try {
    schedule = scheduleFromEnv(env);
  } catch (err) {
    if (err instanceof ScheduleConfigError) throw new ConfigError(err.message);
    throw err;
  }
  if (schedule?.channels.some((c) => c.platform === 'slack') && !slack) throw new ConfigError('daily posts name Slack channels, but SLACK_BOT_TOKEN is not set');
  if (schedule?.channels.some((c) => c.platform === 'discord') && !discord) throw new ConfigError('daily posts name Discord channels, but DISCORD_TOKEN is not set');
  return schedule;
}
