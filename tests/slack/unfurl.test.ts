/** A fact page's link pasted in Slack unfolds into the fact and its quote, through the real Bolt app. */
import type { Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSlackApp } from '../../adapters/slack/app.js';
import { silentLogger } from '../../src/log.js';
import { FakeSlack } from '../fakes/slack.js';
import { realKnowledge } from '../helpers.js';

describe('Slack link unfurling of fact pages', () => {
  it('unfurls a link to a fact page with the statement and its first quote; other links are left alone', async () => {
    const fake = await new FakeSlack().start();
    const publicUrl = 'https://facts.example.org';
    const app = createSlackApp({ config: { botToken: 'xoxb-u', signingSecret: fake.signingSecret, port: 0, apiUrl: fake.apiUrl }, knowledge: realKnowledge, log: silentLogger(), publicUrl });
    const server = (await app.start(0)) as Server;
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/slack/events`;
    try {
      const fact = realKnowledge().base.fact('charter-signed-2002')!;
      await fake.event(url, {
        type: 'link_shared', channel: 'C7', user: 'U6', message_ts: '1700000000.002000', unfurl_id: 'u1', source: 'conversations_history',
        links: [{ domain: 'facts.example.org', url: `${publicUrl}/facts/${fact.id}` }, { domain: 'facts.example.org', url: `${publicUrl}/facts/no-such-fact` }],
      });
      const call = await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.unfurl'));
      const unfurls = (typeof call.args.unfurls === 'string' ? JSON.parse(call.args.unfurls) : call.args.unfurls) as Record<string, { blocks: { text?: { text: string } }[] }>;
      expect(Object.keys(unfurls)).toEqual([`${publicUrl}/facts/${fact.id}`]);
      const text = unfurls[`${publicUrl}/facts/${fact.id}`]!.blocks[0]!.text!.text;
      expect(text).toContain(`*${fact.statement}*`);
      expect(text).toMatch(/\n>.+\n— _/s);
      expect(call.args).toMatchObject({ channel: 'C7', ts: '1700000000.002000' });
    } finally {
      await app.stop();
      await fake.stop();
    }
  });
});
