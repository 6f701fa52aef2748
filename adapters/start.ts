/**
 * `npm start`: Slack when its tokens are in the environment (and Discord beside it when its
 * token is there), the terminal chat when none are. A setting that is missing or malformed
 * stops start-up with one line that names it.
 */
import type { Knowledge } from '../src/knowledge.js';
import { createLogger } from '../src/log.js';
import { chat } from './cli/chat.js';
import { createSlackApp } from './slack/app.js';
import { ConfigError, slackConfigFromEnv } from './slack/config.js';

export { ConfigError };

export async function start(load: () => Promise<Knowledge>, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const slack = slackConfigFromEnv(env);
  if (env.DISCORD_TOKEN?.trim()) throw new ConfigError('DISCORD_TOKEN is set, but the Discord adapter is not in this version yet; unset it');
  if (!slack) {
    await chat(await load());
    return;
  }
  const log = createLogger({ env });
  const knowledge = await load();
  const app = createSlackApp({ config: slack, knowledge: () => knowledge, log });
  await (slack.appToken ? app.start() : app.start(slack.port));
  log.info({ platform: 'slack', mode: slack.appToken ? 'socket' : 'http', port: slack.appToken ? undefined : slack.port, facts: knowledge.base.facts.length }, 'started');
  const stop = async () => {
    log.info('stopping');
    await app.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
