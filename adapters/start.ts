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

export { ConfigError };

export async function start(load: () => Promise<Knowledge>, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Read every setting before starting anything, so a bad one stops start-up cleanly.
  const slack = slackConfigFromEnv(env);
  const discord = discordConfigFromEnv(env);
  if (!slack && !discord) {
    await chat(await load());
    return;
  }
  const log = createLogger({ env });
  const knowledge = await load();
  const stops: (() => Promise<void>)[] = [];
  if (slack) {
    const app = createSlackApp({ config: slack, knowledge: () => knowledge, log });
    await (slack.appToken ? app.start() : app.start(slack.port));
    stops.push(async () => {
      await app.stop();
    });
    log.info({ platform: 'slack', mode: slack.appToken ? 'socket' : 'http', port: slack.appToken ? undefined : slack.port, facts: knowledge.base.facts.length }, 'started');
  }
  if (discord) {
    const client = createDiscordClient({ config: discord, knowledge: () => knowledge, log });
    await client.login(discord.token);
    stops.push(() => client.destroy());
    log.info({ platform: 'discord', facts: knowledge.base.facts.length }, 'started');
  }
  const stop = async () => {
    log.info('stopping');
    await Promise.allSettled(stops.map((s) => s()));
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
