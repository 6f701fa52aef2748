/** Posting a scheduled answer to a Discord channel, over REST: no channel cache or intents needed. */
import { type Client, Routes } from 'discord.js';
import type { Poster } from '../../src/schedule/daily.js';
import { answerToDiscord } from './embeds.js';

export function discordPoster(client: Client): Poster {
  return async (channel, answer) => {
    const { embeds } = answerToDiscord(answer);
    await client.rest.post(Routes.channelMessages(channel), { body: { embeds, allowed_mentions: { parse: [] } } });
  };
}
