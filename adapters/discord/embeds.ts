/**
 * The core's Answer as a Discord message: embeds with the facts as fields and the quotes as
 * block quotes with their citations, a colour per verdict, and buttons, all within Discord's
 * limits. Long answers are cut cleanly with "and N more".
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Answer, AnswerFact, Verdict } from '../../src/answer/model.js';
import { moreText, pageOf, type ShownFact } from '../../src/answer/layout.js';
import { VERDICT_LABEL } from '../../src/answer/text.js';
import { DISCORD_LIMITS } from './limits.js';
import { cut } from '../shared/cut.js';
import { checkUrl, factUrl } from '../../src/pages/pages.js';

export const SHARE_BUTTON = 'share';
export const MORE_SOURCES_PREFIX = 'more:';
/** A More button: `next:<token>:<page>`, the token naming the question the client remembers. */
export const MORE_FACTS_PREFIX = 'next:';

const COLOURS: Record<Verdict | 'default', number> = {
  supported: 0x2e7d32,
  contradicted: 0xc62828,
  disputed: 0xf9a825,
  unknown: 0x757575,
  default: 0x1d3557,
};

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

/** Markdown characters in quoted text shown literally, so a quote cannot restyle the message. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|>#\[\]()-])/g, '\\$1');
}

function factField({ fact, number, quotes, hiddenQuotes }: ShownFact, publicUrl?: string): APIEmbedField {
  const date = fact.dateText && !fact.statement.includes(fact.dateText) ? ` (${fact.dateText})` : '';
  const name = cut(`${number}. ${fact.statement}${date}`, DISCORD_LIMITS.fieldName);
  const tail = [fact.differ ? `⚠ ${fact.differ}` : '', hiddenQuotes > 0 ? `+${hiddenQuotes} more sources` : ''].filter(Boolean).join('\n');
  const budget = DISCORD_LIMITS.fieldValue - tail.length - 2;
  const per = Math.floor(budget / Math.max(1, quotes.length));
  const body = quotes
    .map((q) => {
      const open = publicUrl ? ` · [Open in context](${factUrl(fact.id, { publicUrl })})` : '';
      const cite = `— *${escapeMarkdown(q.citation)}*${q.version ? ` (gives: ${escapeMarkdown(q.version)})` : ''}${open}`;
      return `> ${escapeMarkdown(cut(q.quote, Math.max(40, per - cite.length - 6)))}\n${cite}`;
    })
    .join('\n');
  return { name, value: cut([body, tail].filter(Boolean).join('\n'), DISCORD_LIMITS.fieldValue) };
}

export const embedSize = (e: APIEmbed) =>
  (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

export interface EmbedOptions {
  /** Add the Share button (for private answers). */
  share?: boolean;
  /** Who shared it, shown in the footer. */
  sharedBy?: string;
  /** Which page of the facts to show, from 0. */
  page?: number;
  /** The token of the question, for the More button; no button without it. */
  moreToken?: string;
  /** Where the fact pages are published (PUBLIC_URL): each fact links to its page, a verdict's title to its page. */
  publicUrl?: string;
}

export function answerToDiscord(answer: Answer, options: EmbedOptions = {}): DiscordMessage {
  const shown = pageOf(answer, options.page ?? 0);
  const first = shown.page === 0;
  const badge = answer.verdict ? `${VERDICT_LABEL[answer.verdict]}: ` : '';
  const description = first
    ? [answer.summary ?? '', answer.factsLabel && answer.facts.length ? `*${answer.factsLabel}*` : '', answer.suggestions?.length ? `Did you mean: **${answer.suggestions.join('**, **')}**?` : ''].filter(Boolean).join('\n\n')
    : '';
  const footerParts = [...(first ? answer.footer ?? [] : []), shown.more > 0 ? `${moreText(shown.more)}${options.moreToken ? ': press More' : ' not shown'}.` : '', options.sharedBy ? `Shared by ${options.sharedBy}` : ''].filter(Boolean);
  const embed: APIEmbed = {
    title: cut(`${badge}${answer.title}${first ? '' : ' (continued)'}`, DISCORD_LIMITS.title),
    ...(answer.verdict && options.publicUrl && answer.claim ? { url: checkUrl(answer.claim, options) } : {}),
    color: COLOURS[answer.verdict ?? 'default'],
    ...(description ? { description: cut(description, DISCORD_LIMITS.description) } : {}),
    ...(footerParts.length ? { footer: { text: cut(footerParts.join('\n'), DISCORD_LIMITS.footer) } } : {}),
    fields: [],
  };
  // A page holds a few facts; each field is cut to its limit, and the whole stays under the total.
  for (const fact of shown.facts) {
    const field = factField(fact, options.publicUrl);
    if (embed.fields!.length >= DISCORD_LIMITS.fields || embedSize(embed) + field.name.length + field.value.length > DISCORD_LIMITS.total) break;
    embed.fields!.push(field);
  }
  if (!embed.fields!.length) delete embed.fields;

  const buttons: APIButtonComponent[] = [];
  for (const f of shown.facts) {
    const id = `${MORE_SOURCES_PREFIX}${f.fact.id}`;
    if (f.hiddenQuotes > 0 && id.length <= DISCORD_LIMITS.customId) {
      buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: id, label: cut(`More sources: ${f.number}`, DISCORD_LIMITS.buttonLabel) });
    }
  }
  const next = options.moreToken ? `${MORE_FACTS_PREFIX}${options.moreToken}:${shown.page + 1}` : '';
  if (shown.more > 0 && next && next.length <= DISCORD_LIMITS.customId) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: next, label: `More (${shown.more})` });
  }
  if (options.share) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: SHARE_BUTTON, label: 'Share' });
  return { embeds: [embed], components: buttons.length ? [{ type: ComponentType.ActionRow, components: buttons.slice(0, DISCORD_LIMITS.buttonsPerRow) }] : [] };
}

/** "More sources": every quote of one fact, each as a field, within the limits. */
export function allSourcesToDiscord(fact: AnswerFact): DiscordMessage {
  const embed: APIEmbed = { title: cut(`Sources: ${fact.statement}`, DISCORD_LIMITS.title), color: COLOURS.default, fields: [] };
  for (const q of fact.quotes) {
    const field = { name: cut(q.citation, DISCORD_LIMITS.fieldName), value: cut(`> ${escapeMarkdown(q.quote)}${q.version ? `\n(gives: ${escapeMarkdown(q.version)})` : ''}`, DISCORD_LIMITS.fieldValue) };
    if (embed.fields!.length >= DISCORD_LIMITS.fields || embedSize(embed) + field.name.length + field.value.length > DISCORD_LIMITS.total - 100) {
      embed.footer = { text: `…and ${fact.quotes.length - embed.fields!.length} more.` };
      break;
    }
    embed.fields!.push(field);
  }
  return { embeds: [embed], components: [] };
}

export function failureToDiscord(message: string, reference: string): DiscordMessage {
  return { content: `${message} \`${reference}\``, embeds: [], components: [] };
}

