/** Posting a scheduled answer to a Slack channel. */
import type { App } from '@slack/bolt';
import type { Poster } from '../../src/schedule/daily.js';
import { answerToSlack } from './blocks.js';

export function slackPoster(app: App): Poster {
  return async (channel, answer) => {
    await app.client.chat.postMessage({ channel, unfurl_links: false, unfurl_media: false, ...answerToSlack(answer) });
  };
}
