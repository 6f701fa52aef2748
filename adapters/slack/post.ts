/**
 * Posting a scheduled answer to a Slack channel. Each post carries message metadata naming the
 * channel-day it is for, so that after a stop or crash between "claimed" and "posted" the bot
 * finds its own post in `conversations.history` instead of posting again (scopes: channels:history,
 * groups:history).
 */
import type { App } from '@slack/bolt';
import type { Poster } from '../../src/schedule/daily.js';
import { answerToSlack } from './blocks.js';

export const POST_EVENT_TYPE = 'sco_onthisday';
/** How far back the channel is read for the bot's own post: a day's messages in a busy channel. */
const HISTORY_LIMIT = 200;

export function slackPoster(app: App): Poster {
  return {
    async post(channel, answer, tag) {
      const res = await app.client.chat.postMessage({
        channel,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: POST_EVENT_TYPE, event_payload: { key: tag.key, day: tag.day } },
        ...answerToSlack(answer),
      });
      return res.ts;
    },
    async find(channel, tag) {
      const res = await app.client.conversations.history({ channel, limit: HISTORY_LIMIT, include_all_metadata: true });
      const mine = (res.messages ?? []).find((m) => {
        const meta = (m as { metadata?: { event_type?: string; event_payload?: { day?: unknown } } }).metadata;
        return meta?.event_type === POST_EVENT_TYPE && meta.event_payload?.day === tag.day;
      });
      return mine?.ts;
    },
  };
}
