/** Discord settings from the environment, checked at start-up: a malformed one stops the bot with its name. */
import { ConfigError } from '../slack/config.js';

export interface DiscordConfig {
  token: string;
  /** The application id: needed to register commands. */
  appId?: string;
  /** Register commands in this guild only (development), instead of globally. */
  guildId?: string;
  /** Where the REST API is (and so the gateway URL it hands out): Discord, a proxy, or a stand-in in tests. */
  apiUrl?: string;
  /** Gateway shards: a count, or "auto" for Discord's recommendation; one when unset. */
  shards?: number | 'auto';
}

export function discordConfigFromEnv(env: NodeJS.ProcessEnv): DiscordConfig | undefined {
  const token = env.DISCORD_TOKEN?.trim();
  if (!token) return undefined;
  const appId = env.DISCORD_APP_ID?.trim() || undefined;
  const guildId = env.DISCORD_GUILD_ID?.trim() || undefined;
  const apiUrl = env.DISCORD_API_URL?.trim() || undefined;
  if (appId && !/^\d{5,25}$/.test(appId)) throw new ConfigError(`DISCORD_APP_ID must be the application's numeric id, not "${appId}"`);
  if (guildId && !/^\d{5,25}$/.test(guildId)) throw new ConfigError(`DISCORD_GUILD_ID must be a numeric server id, not "${guildId}"`);
  if (apiUrl && !/^https?:\/\//.test(apiUrl)) throw new ConfigError(`DISCORD_API_URL must be an http(s) URL, not "${apiUrl}"`);
  const rawShards = env.DISCORD_SHARDS?.trim() || undefined;
  if (rawShards && rawShards !== 'auto' && !/^[1-9]\d{0,4}$/.test(rawShards)) throw new ConfigError(`DISCORD_SHARDS must be a number of shards or "auto", not "${rawShards}"`);
  const shards = rawShards === 'auto' ? ('auto' as const) : rawShards ? Number(rawShards) : undefined;
  return { token, ...(shards !== undefined ? { shards } : {}), ...(appId ? { appId } : {}), ...(guildId ? { guildId } : {}), ...(apiUrl ? { apiUrl: apiUrl.replace(/\/+$/, '') } : {}) };
}
