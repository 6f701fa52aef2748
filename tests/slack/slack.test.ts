import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_MORE_FACTS, ACTION_MORE_SOURCES, ACTION_SHARE } from '../../adapters/slack/blocks.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { SLACK_LIMITS } from '../../adapters/slack/limits.js';
import type { Knowledge } from '../../src/knowledge.js';
import { createLogger } from '../../src/log.js';
import { FakeSlack } from '../fakes/slack.js';
import { LogCapture, realKnowledge } from '../helpers.js';

type Block = { type: string; text?: { text: string }; elements?: { type: string; text?: { text: string }; value?: string; action_id?: string }[]; accessory?: { action_id: string; value: string } };

/** Every message the app sends must fit Block Kit's limits. */
function expectWithinLimits(message: { text?: unknown; blocks?: unknown }) {
  const blocks = (message.blocks ?? []) as Block[];
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  expect(typeof message.text).toBe('string');
  expect((message.text as string).length).toBeGreaterThan(0);
  for (const b of blocks) {
    if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (b.type === 'header') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    for (const e of b.elements ?? []) if (e.value) expect(e.value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
  }
}

const allText = (m: { text?: unknown; blocks?: unknown }) => JSON.stringify(m);


async function startApp(fake: FakeSlack, knowledge: () => Knowledge, logs = new LogCapture()) {
  const env = { SLACK_BOT_TOKEN: 'xoxb-test-token-1234', SLACK_SIGNING_SECRET: fake.signingSecret };
  const app = createSlackApp({
    config: { botToken: env.SLACK_BOT_TOKEN, signingSecret: fake.signingSecret, port: 0, apiUrl: fake.apiUrl },
    knowledge,
    log: createLogger({ env, destination: logs, level: 'debug' }),
    today: () => ({ year: 2026, month: 6, day: 15 }),
  });
  const server = (await app.start(0)) as unknown as { address(): AddressInfo };
  return { app, url: `http://127.0.0.1:${server.address().port}/slack/events`, logs };
}

describe('Slack over HTTP: the real Bolt app against the stand-in', () => {
  const fake = new FakeSlack();
  let app: App;
  let url: string;
  let logs: LogCapture;

  beforeAll(async () => {
    await fake.start();
    ({ app, url, logs } = await startApp(fake, realKnowledge));
  });
  afterAll(async () => {
    await app.stop();
    await fake.stop();
  });

  it('/sco acks at once, then answers privately with quotes, citations and a Share button', async () => {
    const before = fake.responses.length;
    const res = await fake.command(url, 'member india');
    expect(res.status).toBe(200);
    const post = await fake.waitFor(() => fake.responses[before]);
    expect(post.body.response_type).toBe('ephemeral');
    expectWithinLimits(post.body);
    const blocks = post.body.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'India in the SCO' } });
    const facts = blocks.filter((b) => b.type === 'section' && b.text!.text.includes('\n>'));
    expect(facts.length).toBeGreaterThan(0);
    expect(facts[0]!.text!.text).toMatch(/— _Janibekov 2018, /);
    const share = blocks.find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === ACTION_SHARE)!;
    expect(share).toMatchObject({ action_id: ACTION_SHARE, text: { text: 'Share in channel' } });
    // The answer first: the status line before any fact.
    expect(blocks[1]!.text!.text).toMatch(/^India: observer .* → member/);
    expect(JSON.parse(share.value!)).toEqual({ q: 'member india', today: '2026-06-15' });
  });

  it('Share posts the same answer publicly, says who shared it, and removes the private one', async () => {
    const before = fake.responses.length;
    await fake.interaction(url, fake.blockAction(ACTION_SHARE, JSON.stringify({ q: 'member india', today: '2026-06-15' }), 'U2'));
    const [shared, removed] = await fake.waitFor(() => (fake.responses.length >= before + 2 ? fake.responses.slice(before, before + 2) : undefined));
    expect(shared!.body.response_type).toBe('in_channel');
    expect(allText(shared!.body)).toContain('Shared by <@U2>');
    expect((shared!.body.blocks as Block[])[0]).toMatchObject({ text: { text: 'India in the SCO' } });
    expect(allText(shared!.body)).not.toContain(ACTION_SHARE);
    expect(removed!.body).toEqual({ delete_original: true });
  });

  it('More sources shows every quote of the fact', async () => {
    const k = realKnowledge();
    const fact = k.base.facts.find((f) => f.sources.length >= 4)!;
    const before = fake.responses.length;
    await fake.interaction(url, fake.blockAction(ACTION_MORE_SOURCES, fact.id));
    const post = await fake.waitFor(() => fake.responses[before]);
    expectWithinLimits(post.body);
    const quotes = (post.body.blocks as Block[]).filter((b) => b.type === 'section');
    expect(quotes).toHaveLength(fact.sources.length);
  });

  it('offers More sources on a fact with more quotes than shown', async () => {
    const before = fake.responses.length;
    await fake.command(url, 'kazakstan');
    const post = await fake.waitFor(() => fake.responses[before]);
    const more = (post.body.blocks as Block[]).find((b) => b.accessory?.action_id === ACTION_MORE_SOURCES);
    expect(more).toBeDefined();
  });

  it('shows a page of three facts and a More button that opens the next page', async () => {
    const before = fake.responses.length;
    await fake.command(url, 'date 2008');
    const post = await fake.waitFor(() => fake.responses[before]);
    expectWithinLimits(post.body);
    const blocks = post.body.blocks as Block[];
    const facts = (b: Block[]) => b.filter((x) => x.type === 'section' && x.text!.text.includes('\n>'));
    expect(facts(blocks)).toHaveLength(3);
    const more = blocks.find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === ACTION_MORE_FACTS)!;
    expect(more.text!.text).toMatch(/^More \(\d+\)$/);
    expect(JSON.parse(more.value!)).toEqual({ q: 'date 2008', today: '2026-06-15', page: 1 });
    const first = facts(blocks).map((b) => b.text!.text);

    const next = fake.responses.length;
    await fake.interaction(url, fake.blockAction(ACTION_MORE_FACTS, more.value!, 'U3'));
    const page = await fake.waitFor(() => fake.responses[next]);
    expectWithinLimits(page.body);
    expect(page.body.response_type).toBe('ephemeral');
    const second = facts(page.body.blocks as Block[]).map((b) => b.text!.text);
    expect(second).toHaveLength(3);
    expect(second.some((t) => first.includes(t))).toBe(false);
    expect((page.body.blocks as Block[])[0]!.text!.text).toMatch(/\(continued\)$/);
  });

  it('never lets user text become a mention: @channel, @here, @everyone, users or channels', async () => {
    const before = fake.responses.length;
    await fake.command(url, 'check <!channel> <!here> <!everyone> <@U999> <#C123> @channel @everyone India joined in 2015');
    const post = await fake.waitFor(() => fake.responses[before]);
    const text = allText(post.body);
    expect(text).not.toMatch(/<!(channel|here|everyone)>|<@U999>|<#C123>/);
    expect(text).not.toMatch(/(?<!\u200b)@(channel|everyone)\b/);
    expect((post.body.blocks as Block[])[0]!.text!.text).toMatch(/^Contradicted: “@\u200bchannel @\u200beveryone India joined in 2015”$/);
  });

  it('echoes no live link: a URL or domain in a multi-part claim is defanged in every block and the fallback', async () => {
    const before = fake.responses.length;
    await fake.command(url, 'check India joined in 2015 and RATS is based in Tashkent, see https://evil.example/x and evil.example');
    const post = await fake.waitFor(() => fake.responses[before]);
    // What Slack shows: the fallback and every block, not the buttons' hidden values.
    const text = JSON.stringify(post.body, (k, v) => (k === 'value' ? undefined : v));
    expect(text).toContain('hxxps[:]//evil[.]example/x');
    expect(text).not.toMatch(/https?:\/\/evil|evil\.example/);
  });

  it('answers a signed request once: the same request sent again is acknowledged and not answered', async () => {
    const before = fake.responses.length;
    const request = fake.signedCommand('member mongolia');
    expect((await fake.resend(url, request)).status).toBe(200);
    await fake.waitFor(() => fake.responses[before]);
    expect((await fake.resend(url, request)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.responses.length).toBe(before + 1);
  });

  it('rejects a bad or stale signature with 401 and answers nothing', async () => {
    const responses = fake.responses.length;
    const calls = fake.calls.length;
    expect((await fake.command(url, 'member india', 'bad')).status).toBe(401);
    expect((await fake.command(url, 'member india', 'stale')).status).toBe(401);
    // Bolt alone accepts a request dated ahead; the guard refuses the window both ways.
    expect((await fake.command(url, 'member india', 'future')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.responses.length).toBe(responses);
    expect(fake.calls.length).toBe(calls);
  });

  it('the Fact-check shortcut answers in the message\'s thread, with the verdict first', async () => {
    const before = fake.calls.length;
    const res = await fake.interaction(url, fake.messageShortcut('I think <@U5> said India joined the SCO in 2015', '1700000000.000200'));
    expect(res.status).toBe(200);
    const call = await fake.waitFor(() => fake.calls.slice(before).find((c) => c.method === 'chat.postMessage'));
    expect(call.args).toMatchObject({ channel: 'C9', thread_ts: '1700000000.000200' });
    expectWithinLimits(call.args);
    const blocks = call.args.blocks as Block[];
    expect(blocks[0]!.text!.text).toMatch(/^Contradicted: /);
    expect(blocks[1]!.text!.text).toMatch(/^:x: \*Contradicted\*: India became a member of the SCO on 9 June 2017/);
  });

  it('a shortcut in a thread replies in that thread', async () => {
    const before = fake.calls.length;
    await fake.interaction(url, fake.messageShortcut('Mongolia became an observer in 2004', '1700000000.000400', '1700000000.000300'));
    const call = await fake.waitFor(() => fake.calls.slice(before).find((c) => c.method === 'chat.postMessage'));
    expect(call.args.thread_ts).toBe('1700000000.000300');
    expect((call.args.blocks as Block[])[0]!.text!.text).toMatch(/^Supported: /);
  });

  it('an @mention answers in the thread, without the mention in the question', async () => {
    const before = fake.calls.length;
    await fake.event(url, { type: 'app_mention', user: 'U6', text: '<@UBOT> what is RATS?', ts: '1700000000.000500', channel: 'C7', event_ts: '1700000000.000500' });
    const call = await fake.waitFor(() => fake.calls.slice(before).find((c) => c.method === 'chat.postMessage'));
    expect(call.args).toMatchObject({ channel: 'C7', thread_ts: '1700000000.000500' });
    expect((call.args.blocks as Block[])[0]!.text!.text).toBe('Regional Anti-Terrorist Structure');
  });

  it('logs one line per answer, with intent and timing, and never the tokens', () => {
    const answered = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'answered');
    expect(answered.length).toBeGreaterThan(3);
    expect(answered[0]).toMatchObject({ platform: 'slack', kind: 'command', intent: 'member' });
    expect(logs.lines.join('\n')).not.toContain('xoxb-test-token-1234');
  });
});

describe('Slack failures the user sees', () => {
  const fake = new FakeSlack();
  let app: App;
  let url: string;
  let logs: LogCapture;

  beforeAll(async () => {
    await fake.start();
    ({ app, url, logs } = await startApp(fake, () => {
      throw new Error('the fact base exploded');
    }));
  });
  afterAll(async () => {
    await app.stop();
    await fake.stop();
  });

  it('a failure inside the bot answers "Something went wrong" privately, with a reference that is in the log', async () => {
    await fake.command(url, 'member india');
    const post = await fake.waitFor(() => fake.responses[0]);
    expect(post.body.response_type).toBe('ephemeral');
    const text = String(post.body.text);
    expect(text).toMatch(/^Something went wrong/);
    expect(text).not.toMatch(/exploded|at .*\.ts:\d+/);
    const reference = /`([0-9a-f]{8})`/.exec(text)![1]!;
    const logged = logs.lines.map((l) => JSON.parse(l)).find((l) => l.reference === reference);
    expect(logged.err.message).toBe('the fact base exploded');
  });

  it('when the bot cannot post in a thread, it tells the user privately how to fix it', async () => {
    const fake2 = new FakeSlack();
    await fake2.start();
    const { app: app2, url: url2 } = await startApp(fake2, realKnowledge);
    fake2.fail('chat.postMessage', 'not_in_channel');
    await fake2.interaction(url2, fake2.messageShortcut('India joined the SCO in 2015'));
    const post = await fake2.waitFor(() => fake2.responses[0]);
    expect(String(post.body.text)).toMatch(/invite me to the channel/);
    await app2.stop();
    await fake2.stop();
  });
});

describe('Slack in Socket Mode', () => {
  it('connects through apps.connections.open, acks envelopes, and answers', async () => {
    const fake = await new FakeSlack().start();
    const app = createSlackApp({
      config: { botToken: 'xoxb-test', appToken: 'xapp-test', port: 0, apiUrl: fake.apiUrl },
      knowledge: realKnowledge,
      log: createLogger({ level: 'silent' }),
    });
    await app.start();
    try {
      expect(fake.calls.some((c) => c.method === 'apps.connections.open' && c.token === 'xapp-test')).toBe(true);
      const body = fake.commandBody('members 2018');
      await fake.envelope('slash_commands', body);
      const post = await fake.waitFor(() => fake.responses[0]);
      expect(post.body.response_type).toBe('ephemeral');
      expect(allText(post.body)).toMatch(/Members \(8\)/);
    } finally {
      await app.stop();
      await fake.stop();
    }
  });
});
