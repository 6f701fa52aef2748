/**
 * The Discord bot on the real discord.js Client: `/sco` subcommands with autocomplete, the
 * Share and More-sources buttons, and the "Fact-check" message menu. It needs no gateway
 * intents at all: slash commands, autocomplete, buttons and context menus all arrive as
 * interactions whatever the intents, and the bot reads no messages and no member lists.
 * Every reply sets allowed_mentions to nothing, so no text can ping anyone.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
} from 'discord.js';
import { answerFact } from '../../src/answer/cite.js';
import { type Request, todayOf } from '../../src/ask.js';
import type { Today } from '../../src/commands/context.js';
import type { Knowledge } from '../../src/knowledge.js';
import type { Logger } from '../../src/log.js';
import { complete } from '../../src/search/complete.js';
import { answerSafely, newReference, type Ops, SOMETHING_WENT_WRONG } from '../shared/answering.js';
import { commandRequest, FACT_CHECK_MENU } from './commands.js';
import { RecentQuestions } from '../shared/recent.js';
import type { InFlight } from '../../src/inflight.js';
import { ANSWER_LIMITS } from '../../src/answer/limits.js';
import type { DiscordConfig } from './config.js';
import { cut } from '../shared/cut.js';
import { allSourcesToDiscord, answerToDiscord, type DiscordMessage, failureToDiscord, MORE_FACTS_PREFIX, MORE_SOURCES_PREFIX, SHARE_BUTTON } from './embeds.js';
import { DISCORD_LIMITS } from './limits.js';

export interface DiscordBotOptions {
  config: DiscordConfig;
  knowledge: () => Knowledge;
  log: Logger;
  today?: () => Today;
  ops?: Ops;
  /** Tracks every interaction until it is answered, so a stop can wait for them. */
  inflight?: InFlight;
  /** Where the fact pages are published (PUBLIC_URL): answers link to them. */
  publicUrl?: string;
  /** The gateway shards this client holds, of how many: all of them when not given. */
  shards?: { ids: number[] | 'auto'; count?: number };
}

const NO_PINGS = { parse: [] as never[] };
/** Intents the fact checks (the slowest answers) are deferred for, so Discord's 3 seconds never run out. */
const SLOW = new Set(['check']);

export function createDiscordClient(options: DiscordBotOptions): Client {
  const { config, knowledge, log } = options;
  const today = options.today ?? (() => todayOf());
  const client = new Client({
    intents: [],
    allowedMentions: NO_PINGS,
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
    ...(options.shards ? { shards: options.shards.ids, ...(options.shards.count ? { shardCount: options.shards.count } : {}) } : {}),
  });
  // REST works before (and without) a gateway session: a standby replica can still send daily posts.
  client.rest.setToken(config.token);

  const recent = new RecentQuestions();
  const answer = async (request: Request, kind: string, i: Interaction, share: boolean, day = today(), page = 0, token?: string): Promise<DiscordMessage> => {
    const result = await answerSafely(knowledge, request, { platform: 'discord', kind, user: i.user.id, channel: i.channelId ?? undefined }, log, day, options.ops);
    if (!result.ok) return 'limited' in result ? { content: result.limited, embeds: [], components: [] } : failureToDiscord(SOMETHING_WENT_WRONG, result.reference);
    // Only an answer with more pages needs its question remembered.
    const moreToken = token ?? (result.answer.facts.length > ANSWER_LIMITS.factsPerPage ? recent.remember({ request, today: day }) : undefined);
    return answerToDiscord(result.answer, { share, page, ...(moreToken ? { moreToken } : {}), ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
  };

  async function onCommand(i: ChatInputCommandInteraction) {
    const sub = i.options.getSubcommand(false) ?? 'help';
    const text = commandRequest(sub, (name) => i.options.get(name)?.value as string | number | null);
    // Claims can take longest: defer first, then fill the answer in.
    if (SLOW.has(sub)) {
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply({ ...(await answer(text, sub, i, true)), allowedMentions: NO_PINGS });
      return;
    }
    await i.reply({ ...(await answer(text, sub, i, true)), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  }

  async function onAutocomplete(i: AutocompleteInteraction) {
    const focused = i.options.getFocused(true);
    const types = focused.name === 'country' ? (['country'] as const) : (['treaty'] as const);
    await i.respond(complete(knowledge(), String(focused.value), [...types], DISCORD_LIMITS.choices));
  }

  async function onButton(i: ButtonInteraction) {
    if (i.customId === SHARE_BUTTON) {
      // The private answer is re-posted as it was shown: nothing to look up again, nothing stored.
      const embeds = i.message.embeds.map((e) => e.toJSON());
      const footer = `Shared by ${i.user.displayName ?? i.user.username}`;
      for (const e of embeds) e.footer = { text: cut([e.footer?.text, footer].filter(Boolean).join('\n'), DISCORD_LIMITS.footer) };
      await i.reply({ embeds, allowedMentions: NO_PINGS });
      log.info({ platform: 'discord', kind: 'share', user: i.user.id }, 'answered');
      return;
    }
    if (i.customId.startsWith(MORE_FACTS_PREFIX)) {
      const [token = '', page = '0'] = i.customId.slice(MORE_FACTS_PREFIX.length).split(':');
      const asked = recent.recall(token);
      const message = asked
        ? await answer(asked.request, 'more', i, false, asked.today, Number(page) || 0, token)
        : { content: 'That answer is too old to page through; ask the question again.', embeds: [], components: [] };
      await i.reply({ ...message, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    if (i.customId.startsWith(MORE_SOURCES_PREFIX)) {
      const fact = knowledge().base.fact(i.customId.slice(MORE_SOURCES_PREFIX.length));
      const message = fact ? allSourcesToDiscord(answerFact(knowledge().base, fact)) : { content: 'That fact is no longer in the fact base; ask again to see the current answer.', embeds: [], components: [] };
      await i.reply({ ...message, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    }
  }

  async function onFactCheck(i: MessageContextMenuCommandInteraction) {
    await i.deferReply();
    const target = i.targetMessage;
    const claim = target.content?.trim();
    const message = claim ? await answer({ command: 'check', args: claim }, 'fact_check', i, false) : { content: 'That message has no text to fact-check.', embeds: [], components: [] };
    const refer = `Fact-check of ${target.url}`;
    await i.editReply({ ...message, content: cut([refer, message.content].filter(Boolean).join('\n'), DISCORD_LIMITS.content), allowedMentions: NO_PINGS });
  }

  const handle = async (i: Interaction) => {
    try {
      if (i.isAutocomplete()) await onAutocomplete(i);
      else if (i.isChatInputCommand() && i.commandName === 'sco') await onCommand(i);
      else if (i.isMessageContextMenuCommand() && i.commandName === FACT_CHECK_MENU) await onFactCheck(i);
      else if (i.isButton()) await onButton(i);
    } catch (err) {
      // Never leave an interaction unanswered, and never show a stack trace.
      const reference = newReference();
      log.error({ platform: 'discord', reference, err }, 'failed to handle interaction');
      if (!i.isRepliable()) return;
      const message = { content: `${SOMETHING_WENT_WRONG} \`${reference}\``, allowedMentions: NO_PINGS };
      try {
        if (i.deferred || i.replied) await i.followUp({ ...message, flags: MessageFlags.Ephemeral });
        else await i.reply({ ...message, flags: MessageFlags.Ephemeral });
      } catch (second) {
        log.error({ platform: 'discord', reference, err: second }, 'could not report the failure');
      }
    }
  };
  client.on('interactionCreate', (i) => void (options.inflight ? options.inflight.run(() => handle(i)) : handle(i)));
  client.on('error', (err) => log.error({ platform: 'discord', err }, 'client error'));
  return client;
}
