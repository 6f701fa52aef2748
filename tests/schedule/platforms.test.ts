import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createDiscordClient } from '../../adapters/discord/client.js';
import { discordPoster } from '../../adapters/discord/post.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { slackPoster } from '../../adapters/slack/post.js';
import { silentLogger } from '../../src/log.js';
import { ScheduleConfigError, scheduleFromEnv } from '../../src/schedule/config.js';
import { DailyPoster } from '../../src/schedule/daily.js';
import { FileStateStore } from '../../src/schedule/state.js';
import { FakeDiscord } from '../fakes/discord.js';
import { FakeSlack } from '../fakes/slack.js';
import { realKnowledge } from '../helpers.js';

/** The real Bolt app and discord.js Client, logged in to their stand-ins. */
async function platforms() {
  const slack = await new FakeSlack().start();
  const discord = await new FakeDiscord().start();
  const app = createSlackApp({ config: { botToken: 'xoxb-t', signingSecret: 's', port: 0, apiUrl: slack.apiUrl }, knowledge: realKnowledge, log: silentLogger() });
  const client = createDiscordClient({ config: { token: 'd-t', apiUrl: discord.apiUrl }, knowledge: realKnowledge, log: silentLogger() });
  const ready = new Promise<void>((r) => client.once(Events.ClientReady, () => r()));
  await client.login('d-t');
  await ready;
  const stop = async () => {
    await client.destroy();
    await slack.stop();
    await discord.stop();
  };
  return { slack, discord, app, client, stop };
}

describe('daily posts through the Slack and Discord stand-ins', () => {
  it('posts the day\'s events to a Slack channel and a Discord channel, each in its own format', async () => {
    const { slack, discord, app, client, stop } = await platforms();
    try {
      const poster = new DailyPoster({
        channels: [
          { platform: 'slack', id: 'C-general', time: '09:00', timezone: 'Europe/Berlin' },
          { platform: 'discord', id: '999999999999999999', time: '09:00', timezone: 'Asia/Almaty' },
        ],
        posters: { slack: slackPoster(app), discord: discordPoster(client) },
        knowledge: realKnowledge,
        empty: 'skip',
        store: new FileStateStore(join(mkdtempSync(join(tmpdir(), 'otd-')), 'state.json')),
        log: silentLogger(),
      });
      await poster.runDue(new Date('2026-06-15T10:00:00Z'));
      const s = slack.calls.find((c) => c.method === 'chat.postMessage')!;
      expect(s.args.channel).toBe('C-general');
      expect((s.args.blocks as { text?: { text: string } }[])[0]!.text!.text).toBe('On this day in SCO history: 15 June');
      expect(JSON.stringify(s.args.blocks)).not.toContain('share_answer');
      const d = discord.calls.find((c) => c.method === 'POST' && c.path === '/api/v10/channels/999999999999999999/messages')!;
      const body = d.body as { embeds: { title: string; fields: unknown[] }[]; allowed_mentions: unknown };
      expect(body.embeds[0]!.title).toBe('On this day in SCO history: 15 June');
      expect(body.embeds[0]!.fields.length).toBeGreaterThan(1);
      expect(body.allowed_mentions).toEqual({ parse: [] });
    } finally {
      await stop();
    }
  });
});

describe('a post claimed but not recorded as sent, after a restart', () => {
  it('is found in the Slack and Discord channels (message metadata, the bot\'s own embed) and not sent again', async () => {
    const { slack, discord, app, client, stop } = await platforms();
    const statePath = join(mkdtempSync(join(tmpdir(), 'otd-')), 'state.json');
    const channels = [
      { platform: 'slack' as const, id: 'C-general', time: '09:00', timezone: 'Europe/Berlin' },
      { platform: 'discord' as const, id: '999999999999999999', time: '09:00', timezone: 'Asia/Almaty' },
    ];
    const make = () =>
      new DailyPoster({ channels, posters: { slack: slackPoster(app), discord: discordPoster(client) }, knowledge: realKnowledge, empty: 'skip', store: new FileStateStore(statePath), log: silentLogger() });
    try {
      await make().runDue(new Date('2026-06-15T10:00:00Z'));
      // A crash right after the platforms took the posts: the state still says "claimed".
      const state = JSON.parse(readFileSync(statePath, 'utf8')) as { records: Record<string, { state: string }> };
      for (const r of Object.values(state.records)) r.state = 'claimed';
      writeFileSync(statePath, JSON.stringify(state));
      await make().runDue(new Date('2026-06-15T11:00:00Z'));
      expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
      expect(slack.calls.some((c) => c.method === 'conversations.history')).toBe(true);
      expect(discord.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toHaveLength(1);
      expect(discord.calls.some((c) => c.method === 'GET' && c.path.endsWith('/messages'))).toBe(true);
      const after = JSON.parse(readFileSync(statePath, 'utf8')) as { records: Record<string, { state: string; messageId?: string }> };
      for (const r of Object.values(after.records)) expect(r).toMatchObject({ state: 'posted' });
      // The Slack post carries its channel-day; the Discord post a nonce Discord enforces.
      const post = slack.calls.find((c) => c.method === 'chat.postMessage')!;
      expect(JSON.stringify(post.args.metadata)).toContain('2026-06-15');
      const d = discord.calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'))!.body as { nonce: string; enforce_nonce: boolean };
      expect(d.enforce_nonce).toBe(true);
      expect(d.nonce).toHaveLength(25);
    } finally {
      await stop();
    }
  });
});

describe('schedule settings', () => {
  it('reads the common case from the environment', () => {
    expect(scheduleFromEnv({ ONTHISDAY_SLACK_CHANNELS: 'C1, C2', ONTHISDAY_DISCORD_CHANNELS: '123', ONTHISDAY_TIME: '08:30', ONTHISDAY_TZ: 'Asia/Almaty' })).toEqual({
      channels: [
        { platform: 'slack', id: 'C1', time: '08:30', timezone: 'Asia/Almaty' },
        { platform: 'slack', id: 'C2', time: '08:30', timezone: 'Asia/Almaty' },
        { platform: 'discord', id: '123', time: '08:30', timezone: 'Asia/Almaty' },
      ],
      empty: 'skip',
      statePath: 'state/onthisday.json',
    });
    expect(scheduleFromEnv({})).toBeUndefined();
  });

  it('reads per-channel times and zones from a YAML file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'otd-cfg-')), 'schedule.yaml');
    writeFileSync(file, 'timezone: Europe/Berlin\nempty: nearest\nchannels:\n  - {platform: slack, id: C1}\n  - {platform: discord, id: 123456, time: "07:15", timezone: America/New_York}\n');
    expect(scheduleFromEnv({ ONTHISDAY_CONFIG: file })).toEqual({
      channels: [
        { platform: 'slack', id: 'C1', time: '09:00', timezone: 'Europe/Berlin' },
        { platform: 'discord', id: '123456', time: '07:15', timezone: 'America/New_York' },
      ],
      empty: 'nearest',
      statePath: 'state/onthisday.json',
    });
  });

  it.each([
    [{ ONTHISDAY_SLACK_CHANNELS: 'C1', ONTHISDAY_TZ: 'Mars/Olympus' }, 'ONTHISDAY_TZ: timezone: is not an IANA time zone'],
    [{ ONTHISDAY_SLACK_CHANNELS: 'C1', ONTHISDAY_TIME: '9am' }, 'ONTHISDAY_TIME: time: must be a time as HH:MM'],
    [{ ONTHISDAY_SLACK_CHANNELS: 'C1', ONTHISDAY_EMPTY: 'always' }, 'ONTHISDAY_EMPTY: empty:'],
  ])('names a bad setting: %j', (env, message) => {
    expect(() => scheduleFromEnv(env)).toThrow(ScheduleConfigError);
    expect(() => scheduleFromEnv(env)).toThrow(message);
  });

  it('names the file and field of a bad setting in the YAML', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'otd-cfg-')), 'schedule.yaml');
    writeFileSync(file, 'channels:\n  - {platform: teams, id: C1}\n');
    expect(() => scheduleFromEnv({ ONTHISDAY_CONFIG: file })).toThrow(`ONTHISDAY_CONFIG (${file}): channels[0].platform:`);
  });
});
