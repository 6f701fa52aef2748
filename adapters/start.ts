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
import { defaultFactsDir } from '../src/paths.js';
import { LiveKnowledge } from '../src/reload.js';
import { type ScheduleConfig, ScheduleConfigError, scheduleFromEnv } from '../src/schedule/config.js';
import { DailyPoster, type Poster } from '../src/schedule/daily.js';
import { FileStateStore } from '../src/schedule/state.js';
import { chat } from './cli/chat.js';
import { createDiscordClient } from './discord/client.js';
import { discordConfigFromEnv } from './discord/config.js';
import { discordPoster } from './discord/post.js';
import { opsRoutes, opsServer } from './ops/http.js';
import { Metrics } from './ops/metrics.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './shared/ratelimit.js';
import { createSlackApp } from './slack/app.js';
import { ConfigError, slackConfigFromEnv } from './slack/config.js';
import { slackPoster } from './slack/post.js';

export { ConfigError };

/** How long a stop may wait for work in flight before it exits anyway. */
const STOP_GRACE_MS = 5000;

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
  const live = new LiveKnowledge(factsDir, await load(), log, (result) => metrics.reloads.inc({ result }));
  live.watch();
  const knowledge = live.current;
  const ops = { metrics, limiter: new RateLimiter(DEFAULT_RATE_LIMIT) };
  const waiting = new Set<string>([...(slack ? ['slack'] : []), ...(discord ? ['discord'] : [])]);
  const routes = opsRoutes(metrics, () => [...waiting]);
  const stops: (() => Promise<void>)[] = [];
  const posters: Partial<Record<'slack' | 'discord', Poster>> = {};

  if (slack) {
    const app = createSlackApp({ config: slack, knowledge, log, ops, routes });
    posters.slack = counted('slack', slackPoster(app), metrics);
    await (slack.appToken ? app.start() : app.start(slack.port));
    stops.push(async () => {
      await app.stop();
    });
    waiting.delete('slack');
    log.info({ platform: 'slack', mode: slack.appToken ? 'socket' : 'http', port: slack.appToken ? undefined : slack.port, facts: knowledge().base.facts.length }, 'started');
  }
  if (!slack || slack.appToken) {
    // No Slack HTTP server to share: the health and metrics routes get one of their own.
    const server: Server = opsServer(routes);
    await new Promise<void>((resolve) => server.listen(port, resolve));
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    log.info({ port }, 'health and metrics server listening');
  }
  if (discord) {
    const client = createDiscordClient({ config: discord, knowledge, log, ops });
    posters.discord = counted('discord', discordPoster(client), metrics);
    await client.login(discord.token);
    stops.push(async () => {
      await client.destroy();
    });
    waiting.delete('discord');
    log.info({ platform: 'discord', facts: knowledge().base.facts.length }, 'started');
  }
  if (schedule) {
    const daily = new DailyPoster({ channels: schedule.channels, posters, knowledge, empty: schedule.empty, store: new FileStateStore(schedule.statePath), log });
    daily.start();
    // First to stop: no new post starts while the rest shuts down; the state is saved after every post.
    stops.unshift(async () => daily.stop());
    log.info({ kind: 'onthisday', channels: schedule.channels.map((c) => `${c.platform}:${c.id} ${c.time} ${c.timezone}`) }, 'daily posts scheduled');
  }
  stops.unshift(async () => live.stop());

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: no new work; finishing what is in flight');
    const timer = setTimeout(() => {
      log.warn('stop took too long; exiting');
      process.exit(0);
    }, STOP_GRACE_MS);
    timer.unref();
    void (async () => {
      for (const s of stops) await s().catch((err: unknown) => log.warn({ err }, 'error while stopping'));
      log.info('stopped');
      process.exit(0);
    })();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function counted(platform: 'slack' | 'discord', post: Poster, metrics: Metrics): Poster {
  return async (channel, answer) => {
    try {
      await post(channel, answer);
      metrics.posts.inc({ platform, result: 'ok' });
    } catch (err) {
      metrics.posts.inc({ platform, result: 'failed' });
      throw err;
    }
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
