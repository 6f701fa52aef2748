/**
 * `npm run discord:register`: puts the commands in place with one bulk overwrite, so running
 * it twice changes nothing. With DISCORD_GUILD_ID, in that server only (instant, for
 * development); without it, globally (for production).
 */
import { REST, Routes } from 'discord.js';
import { ConfigError } from '../slack/config.js';
import { commandDefinitions } from './commands.js';
import type { DiscordConfig } from './config.js';

export interface Registered {
  scope: 'guild' | 'global';
  names: string[];
}

export async function registerCommands(config: DiscordConfig): Promise<Registered> {
  if (!config.appId) throw new ConfigError('DISCORD_APP_ID is not set: registering commands needs the application id');
  const rest = new REST({ version: '10', ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  const route = config.guildId ? Routes.applicationGuildCommands(config.appId, config.guildId) : Routes.applicationCommands(config.appId);
  const result = (await rest.put(route, { body: commandDefinitions() })) as { name: string }[];
  return { scope: config.guildId ? 'guild' : 'global', names: result.map((c) => c.name) };
}
