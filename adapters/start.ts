/**
 * `npm start`: Slack when its tokens are in the environment, Discord when its token is, both
 * side by side when both are, and the terminal chat when none are. A setting that is missing
 * or malformed stops start-up with one line that names it.
 */
import type { Knowledge } from '../src/knowledge.js';
import { createLogger } from '../src/log.js';
import { chat } from './cli/chat.js';
import { createDiscordClient } from './discord/client.js';
import { discordConfigFromEnv } from './discord/config.js';
import { createSlackApp } from './slack/app.js';
import { ConfigError, slackConfigFromEnv } from './slack/config.js';
import { slackPoster } from './slack/post.js';
import { discordPoster } from './discord/post.js';
import { type ScheduleConfig, ScheduleConfigError, scheduleFromEnv } from '../src/schedule/config.js';
import { DailyPoster, type Poster } from '../src/schedule/daily.js';
import { FileStateStore } from '../src/schedule/state.js';

export { ConfigError };

export async function start(load: () => Promise<Knowledge>, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Read every setting before starting anything, so a bad one stops start-up cleanly.
  const slack = slackConfigFromEnv(env);
  const discord = discordConfigFromEnv(env);
  const schedule = readSchedule(env, Boolean(slack), Boolean(discord));
  if (!slack && !discord) {
    await chat(await load());
    return;
  }
  const log = createLogger({ env });
  const knowledge = await load();
  const stops: (() => Promise<void>)[] = [];
  const posters: Partial<Record<'slack' | 'discord', Poster>> = {};
  if (slack) {
    const app = createSlackApp({ config: slack, knowledge: () => knowledge, log });
    posters.slack = slackPoster(app);
    await (slack.appToken ? app.start() : app.start(slack.port));
    stops.push(async () => {
      await app.stop();
    });
    log.info({ platform: 'slack', mode: slack.appToken ? 'socket' : 'http', port: slack.appToken ? undefined : slack.port, facts: knowledge.base.facts.length }, 'started');
  }
  if (discord) {
    const client = createDiscordClient({ config: discord, knowledge: () => knowledge, log });
    posters.discord = discordPoster(client);
    await client.login(discord.token);
    stops.push(() => client.destroy());
    log.info({ platform: 'discord', facts: knowledge.base.facts.length }, 'started');
  }
  if (schedule) {
    const daily = new DailyPoster({ channels: schedule.channels, posters, knowledge: () => knowledge, empty: schedule.empty, store: new FileStateStore(schedule.statePath), log });
    daily.start();
    // First in the list: no new post starts while the rest shuts down (the state is saved after each post).
    stops.unshift(async () => daily.stop());
    log.info({ kind: 'onthisday', channels: schedule.channels.map((c) => `${c.platform}:${c.id} ${c.time} ${c.timezone}`) }, 'daily posts scheduled');
  }
  const stop = async () => {
    log.info('stopping');
    await Promise.allSettled(stops.map((s) => s()));
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
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
