/**
 * Posting a scheduled answer to a Discord channel, over REST: no channel cache or intents needed.
 * The post carries a nonce for its channel-day with `enforce_nonce`, so Discord itself drops a
 * repeat sent within minutes; after a longer gap (a restart) the bot reads the channel's latest
 * messages for its own post of that day (the day's title, by the bot, within the last day and a half).
 */
import { createHash } from 'node:crypto';
import { type Client, Routes } from 'discord.js';
import type { Poster, PostTag } from '../../src/schedule/daily.js';
import { answerToDiscord } from './embeds.js';

/** Messages read back when looking for the bot's own post, and how old it may be. */
const HISTORY_LIMIT = 50;
const FIND_WITHIN_MS = 36 * 3600_000;

/** Discord's nonce holds 25 characters: a hash of the channel-day. */
export function postNonce(tag: PostTag): string {
  return createHash('sha256').update(`${tag.key} ${tag.day}`).digest('hex').slice(0, 25);
}

interface Message {
  id: string;
  timestamp: string;
  author?: { id?: string };
  embeds?: { title?: string }[];
}

export function discordPoster(client: Client): Poster {
  return {
    async post(channel, answer, tag) {
      const { embeds } = answerToDiscord(answer);
      const msg = (await client.rest.post(Routes.channelMessages(channel), {
        body: { embeds, allowed_mentions: { parse: [] }, nonce: postNonce(tag), enforce_nonce: true },
      })) as Partial<Message>;
      return msg.id;
    },
    async find(channel, _tag, answer) {
      const title = answerToDiscord(answer).embeds[0]?.title;
      const messages = (await client.rest.get(Routes.channelMessages(channel), { query: new URLSearchParams({ limit: String(HISTORY_LIMIT) }) })) as Message[];
      const since = Date.now() - FIND_WITHIN_MS;
      const mine = messages.find((m) => m.author?.id === client.user?.id && Date.parse(m.timestamp) >= since && m.embeds?.[0]?.title === title);
      return mine?.id;
    },
  };
}
