import { type Client, Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordClient } from '../../adapters/discord/client.js';
import { embedSize } from '../../adapters/discord/embeds.js';
import { DISCORD_LIMITS } from '../../adapters/discord/limits.js';
import { registerCommands } from '../../adapters/discord/register.js';
import type { Knowledge } from '../../src/knowledge.js';
import { createLogger } from '../../src/log.js';
import { FakeDiscord, type RestCall } from '../fakes/discord.js';
import { LogCapture, realKnowledge } from '../helpers.js';

type Embed = { title?: string; description?: string; color?: number; fields?: { name: string; value: string }[]; footer?: { text: string } };
type Body = { type: number; data?: { flags?: number; embeds?: Embed[]; content?: string; components?: { components: { custom_id: string; label: string }[] }[]; allowed_mentions?: unknown; choices?: { name: string; value: string }[] } };


function expectWithinLimits(data: Body['data']) {
  const embeds = data?.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  let total = 0;
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    total += embedSize(e as never);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.total);
  expect(data?.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
}

async function startClient(fake: FakeDiscord, knowledge: () => Knowledge, logs = new LogCapture()) {
  const client = createDiscordClient({
    config: { token: 'discord-test-token-abcdef', apiUrl: fake.apiUrl },
    knowledge,
    log: createLogger({ env: { DISCORD_TOKEN: 'discord-test-token-abcdef' }, destination: logs }),
    today: () => ({ year: 2026, month: 7, day: 3 }),
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('discord-test-token-abcdef');
  await ready;
  return { client, logs };
}

describe('Discord: the real discord.js Client against the stand-in', () => {
  const fake = new FakeDiscord();
  let client: Client;
  let logs: LogCapture;

  const ask = async (payload: ReturnType<FakeDiscord['chatInput']>, count = 1): Promise<RestCall[]> => {
    fake.dispatchInteraction(payload);
    return fake.waitFor(() => {
      const calls = fake.callbacksFor(payload);
      return calls.length >= count ? calls : undefined;
    });
  };

  beforeAll(async () => {
    await fake.start();
    ({ client, logs } = await startClient(fake, realKnowledge));
  });
  afterAll(async () => {
    await client.destroy();
    await fake.stop();
  });

  it('logs in with no intents: interactions arrive without any', () => {
    expect(fake.identifies).toHaveLength(1);
    expect((fake.identifies[0] as { intents: number }).intents).toBe(0);
    expect((fake.identifies[0] as { token: string }).token).toBe('discord-test-token-abcdef');
  });

  it('/sco member answers privately with an embed of quotes, a Share button, and no pings', async () => {
    const [call] = await ask(fake.chatInput('member', { country: 'India' }));
    const body = call!.body as Body;
    expect(body.type).toBe(4);
    expect(body.data!.flags! & 64).toBe(64);
    expect(body.data!.allowed_mentions).toEqual({ parse: [] });
    expectWithinLimits(body.data);
    const embed = body.data!.embeds![0]!;
    expect(embed.title).toBe('India in the SCO');
    expect(embed.fields![0]!.value).toMatch(/^> .+\n— \*Janibekov 2018, /s);
    const buttons = body.data!.components![0]!.components;
    expect(buttons.at(-1)).toMatchObject({ custom_id: 'share', label: 'Share' });
  });

  it('autocompletes countries: exact and prefix first, at most 25', async () => {
    const [call] = await ask(fake.autocomplete('member', 'country', 'kaz'));
    const body = call!.body as Body;
    expect(body.type).toBe(8);
    expect(body.data!.choices![0]).toEqual({ name: 'Kazakhstan', value: 'Kazakhstan' });
    const [all] = await ask(fake.autocomplete('member', 'country', ''));
    expect((all!.body as Body).data!.choices!.length).toBe(25);
  });

  it('autocompletes treaties with typos', async () => {
    const [call] = await ask(fake.autocomplete('treaty', 'name', 'chartr'));
    expect((call!.body as Body).data!.choices!.map((c) => c.name)).toContain('SCO Charter');
  });

  it('/sco check defers first, then fills in the verdict in its colour', async () => {
    const calls = await ask(fake.chatInput('check', { claim: 'India joined the SCO in 2015' }), 2);
    expect((calls[0]!.body as Body).type).toBe(5);
    expect(calls[1]!.method).toBe('PATCH');
    const data = calls[1]!.body as Body['data'];
    expect(data!.embeds![0]!.title).toMatch(/^Contradicted: /);
    expect(data!.embeds![0]!.color).toBe(0xc62828);
    expect(data!.allowed_mentions).toEqual({ parse: [] });
  });

  it('Share posts the private answer publicly, saying who shared it', async () => {
    const embed = { title: 'India in the SCO', description: 'India: observer → member.', fields: [{ name: '1. fact', value: '> quote' }] };
    const [call] = await ask(fake.button('share', [embed]));
    const body = call!.body as Body;
    expect(body.type).toBe(4);
    expect(body.data!.flags ?? 0).toBe(0);
    expect(body.data!.embeds![0]!.title).toBe('India in the SCO');
    expect(body.data!.embeds![0]!.footer!.text).toBe('Shared by Ana');
    expect(body.data!.allowed_mentions).toEqual({ parse: [] });
  });

  it('More sources shows every quote of the fact privately', async () => {
    const fact = realKnowledge().base.facts.find((f) => f.sources.length >= 4)!;
    const [call] = await ask(fake.button(`more:${fact.id}`));
    const body = call!.body as Body;
    expect(body.data!.flags! & 64).toBe(64);
    expect(body.data!.embeds![0]!.fields).toHaveLength(fact.sources.length);
    expectWithinLimits(body.data);
  });

  it('the "Fact-check" message menu answers in the channel, referring to the message', async () => {
    const payload = fake.messageMenu('Mongolia became an observer in 2004');
    const calls = await ask(payload, 2);
    expect((calls[0]!.body as Body).type).toBe(5);
    expect(((calls[0]!.body as Body).data?.flags ?? 0) & 64).toBe(0);
    const data = calls[1]!.body as Body['data'];
    expect(data!.content).toMatch(/^Fact-check of https:\/\/discord\.com\/channels\/555555555555555555\/333333333333333333\/\d+$/);
    expect(data!.embeds![0]!.title).toMatch(/^Supported: /);
    expect(data!.embeds![0]!.color).toBe(0x2e7d32);
  });

  it('shows a page of three facts, one "N more" line, and a More button that opens the next page', async () => {
    const [call] = await ask(fake.chatInput('date', { when: '2008' }));
    const data = (call!.body as Body).data!;
    expectWithinLimits(data);
    const embed = data.embeds![0]!;
    expect(embed.fields).toHaveLength(3);
    expect(embed.footer!.text.match(/more facts/g)).toHaveLength(1);
    const more = data.components![0]!.components.find((c) => c.custom_id.startsWith('next:'))!;
    expect(more.label).toMatch(/^More \(\d+\)$/);

    const [next] = await ask(fake.button(more.custom_id));
    const page = (next!.body as Body).data!;
    expectWithinLimits(page);
    expect(page.flags! & 64).toBe(64);
    expect(page.embeds![0]!.title).toMatch(/\(continued\)$/);
    expect(page.embeds![0]!.fields![0]!.name).toMatch(/^4\. /);
    expect(page.embeds![0]!.fields!.map((f) => f.name)).not.toContain(embed.fields![0]!.name);
  });

  it('echoes no live or masked link a user typed, in any part of a multi-part claim', async () => {
    const [, edit] = await ask(fake.chatInput('check', { claim: 'India joined in 2015 and [RATS](https://evil.example) is in Tashkent, per evil.example' }), 2);
    const data = JSON.stringify((edit!.body as Body).data ?? edit!.body);
    expect(data).toContain('hxxps[:]//evil[.]example');
    expect(data).not.toMatch(/\]\(https?:|https?:\/\/evil|evil\.example/);
  });

  it('a More button the bot no longer remembers asks for the question again', async () => {
    const [call] = await ask(fake.button('next:unknown:1'));
    expect((call!.body as Body).data!.content).toMatch(/ask the question again/);
  });

  it('never pings: every message the bot sends sets allowed_mentions to nothing', async () => {
    await ask(fake.chatInput('check', { claim: '@everyone @here <@&123> <@444444444444444444> India joined in 2015' }), 2);
    const sent = fake.calls.filter((c) => c.method !== 'GET' && c.body && typeof c.body === 'object' && !Array.isArray(c.body));
    for (const c of sent) {
      const data = (c.body as Body).data ?? (c.body as Body['data']);
      if ((c.body as Body).type === 8 || (c.body as Body).type === 5) continue;
      expect(data!.allowed_mentions, c.path).toEqual({ parse: [] });
    }
  });

  it('resumes after the gateway drops the connection, and still answers', async () => {
    fake.dropConnection();
    await fake.waitFor(() => (fake.resumes.length ? true : undefined), 15_000);
    expect(fake.resumes[0]).toMatchObject({ session_id: 'session-1', token: 'discord-test-token-abcdef' });
    const [call] = await ask(fake.chatInput('help'));
    expect((call!.body as Body).data!.embeds![0]!.title).toMatch(/sco-factbot/);
  });

  it('logs each answer and never the token', () => {
    const answered = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'answered');
    expect(answered.some((l) => l.platform === 'discord' && l.intent === 'member')).toBe(true);
    expect(logs.lines.join('\n')).not.toContain('discord-test-token-abcdef');
  });
});

describe('Discord failures', () => {
  it('a failure inside the bot answers privately with a reference that is in the log', async () => {
    const fake = await new FakeDiscord().start();
    const { client, logs } = await startClient(fake, () => {
      throw new Error('kaput');
    });
    try {
      const payload = fake.chatInput('member', { country: 'India' });
      fake.dispatchInteraction(payload);
      const [call] = await fake.waitFor(() => (fake.callbacksFor(payload).length ? fake.callbacksFor(payload) : undefined));
      const body = call!.body as Body;
      expect(body.data!.flags! & 64).toBe(64);
      expect(body.data!.content).toMatch(/^Something went wrong/);
      const reference = /`([0-9a-f]{8})`/.exec(body.data!.content!)![1];
      expect(logs.lines.some((l) => l.includes(reference!) && l.includes('kaput'))).toBe(true);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });
});

describe('npm run discord:register', () => {
  it('overwrites the commands of one guild in bulk, the same each time', async () => {
    const fake = await new FakeDiscord().start();
    try {
      const config = { token: 't0k3n', appId: fake.appId, guildId: '555555555555555555', apiUrl: fake.apiUrl };
      expect(await registerCommands(config)).toEqual({ scope: 'guild', names: ['sco', 'Fact-check'] });
      await registerCommands(config);
      const puts = fake.calls.filter((c) => c.method === 'PUT');
      expect(puts.map((p) => p.path)).toEqual([`/api/v10/applications/${fake.appId}/guilds/555555555555555555/commands`, `/api/v10/applications/${fake.appId}/guilds/555555555555555555/commands`]);
      expect(puts[0]!.body).toEqual(puts[1]!.body);
      expect(puts[0]!.auth).toBe('Bot t0k3n');
      const sco = (puts[0]!.body as { name: string; options: { name: string; options?: { name: string; autocomplete?: boolean }[] }[] }[])[0]!;
      expect(sco.options.map((o) => o.name)).toEqual(['ask', 'member', 'members', 'treaty', 'date', 'onthisday', 'check', 'sources', 'help']);
      expect(sco.options.find((o) => o.name === 'member')!.options![0]).toMatchObject({ name: 'country', autocomplete: true });
    } finally {
      await fake.stop();
    }
  });

  it('registers globally without a guild id', async () => {
    const fake = await new FakeDiscord().start();
    try {
      expect((await registerCommands({ token: 't', appId: fake.appId, apiUrl: fake.apiUrl })).scope).toBe('global');
      expect(fake.calls.find((c) => c.method === 'PUT')!.path).toBe(`/api/v10/applications/${fake.appId}/commands`);
    } finally {
      await fake.stop();
    }
  });
});
