/** Slack settings from the environment, checked at start-up: a missing one stops the bot with its name. */

export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  /** Set: Socket Mode. Unset: HTTP mode with the signing secret. */
  appToken?: string;
  port: number;
  /** Where the Web API is: Slack itself, a proxy, or a stand-in in tests. */
  apiUrl?: string;
}

export class ConfigError extends Error {}

export function slackConfigFromEnv(env: NodeJS.ProcessEnv): SlackConfig | undefined {
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  if (!botToken) return undefined;
  const appToken = env.SLACK_APP_TOKEN?.trim() || undefined;
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() || undefined;
  if (!appToken && !signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify requests (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (appToken && !appToken.startsWith('xapp-')) throw new ConfigError('SLACK_APP_TOKEN must be an app-level token starting with "xapp-"');
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const apiUrl = env.SLACK_API_URL?.trim() || undefined;
  if (apiUrl && !/^https?:\/\//.test(apiUrl)) throw new ConfigError(`SLACK_API_URL must be an http(s) URL, not "${apiUrl}"`);
  return { botToken, ...(signingSecret ? { signingSecret } : {}), ...(appToken ? { appToken } : {}), port, ...(apiUrl ? { apiUrl } : {}) };
}
