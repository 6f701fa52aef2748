/**
 * The core's Answer as a Slack message: Block Kit blocks and a plain `text` fallback,
 * within Slack's limits. Long answers are cut cleanly, saying how many facts were left
 * out and how to narrow the question.
 */
import type { types } from '@slack/bolt';
import type { Answer, AnswerFact, Verdict } from '../../src/answer/model.js';
import { moreText, pageOf, type ShownFact } from '../../src/answer/layout.js';
import { renderText, VERDICT_LABEL } from '../../src/answer/text.js';
import { cut } from '../shared/cut.js';
import { checkUrl, factUrl } from '../../src/pages/pages.js';
import { escapeSlackText, plainSlackText } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

type KnownBlock = types.KnownBlock;

export const ACTION_SHARE = 'share_answer';
export const ACTION_MORE_SOURCES = 'more_sources';
export const ACTION_MORE_FACTS = 'more_facts';

const VERDICT_EMOJI: Record<Verdict, string> = {
  supported: ':white_check_mark:',
  contradicted: ':x:',
  disputed: ':warning:',
  unknown: ':grey_question:',
};

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** The question, carried by the Share button so the shared answer can be made again. */
  share?: { q: string; today: string };
  /** The Slack user id of whoever shared the answer into the channel. */
  sharedBy?: string;
  /** The question again, for the More button that shows the next page. */
  more?: { q: string; today: string };
  /** Which page of the facts to show, from 0. */
  page?: number;
  /** Where the fact pages are published (PUBLIC_URL): each fact links to its page. */
  publicUrl?: string;
}

/** What the Share and More buttons carry: the question, the day it was answered for, and for More the page. */
export function shareValue(q: string, today: string, page?: number): string | undefined {
  const value = JSON.stringify({ q, today, ...(page !== undefined ? { page } : {}) });
  return value.length <= SLACK_LIMITS.buttonValue ? value : undefined;
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: cut(text, SLACK_LIMITS.sectionText) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cut(text, SLACK_LIMITS.contextText) }] };
}

/** A fact as one section: the statement in bold, its quotes as block quotes, each with its citation. */
/** A link Slack shows as its label: the url is ours (PUBLIC_URL and a fact id), never the user's. */
const slackLink = (url: string, label: string) => `<${url.replace(/[<>|]/g, encodeURIComponent)}|${label}>`;

function factBlocks({ fact, quotes, hiddenQuotes }: ShownFact, publicUrl?: string): KnownBlock[] {
  const date = fact.dateText && !fact.statement.includes(fact.dateText) ? ` _(${escapeSlackText(fact.dateText)})_` : '';
  const head = `*${escapeSlackText(fact.statement)}*${date}`;
  const budget = SLACK_LIMITS.sectionText - head.length - 20;
  const perQuote = Math.max(200, Math.floor(budget / Math.max(1, quotes.length)));
  const body = quotes
    .map((q) => {
      const open = publicUrl ? ` · ${slackLink(factUrl(fact.id, { publicUrl }), 'Open in context')}` : '';
      const cite = `— _${escapeSlackText(q.citation)}_${q.version ? ` (gives: ${escapeSlackText(q.version)})` : ''}${open}`;
      return `>${escapeSlackText(cut(q.quote, perQuote - cite.length - 10))}\n${cite}`;
    })
    .join('\n');
  const main: KnownBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: cut(`${head}\n${body}`, SLACK_LIMITS.sectionText) },
    ...(hiddenQuotes > 0
      ? { accessory: { type: 'button', action_id: ACTION_MORE_SOURCES, value: fact.id, text: { type: 'plain_text', text: `More sources (${hiddenQuotes})` } } }
      : {}),
  };
  const notes = [fact.differ ? `:warning: ${escapeSlackText(fact.differ)}` : '', fact.note ? `Note: ${escapeSlackText(fact.note)}` : ''].filter(Boolean);
  return notes.length ? [main, context(notes.join('\n'))] : [main];
}

export function answerToSlack(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const shown = pageOf(answer, options.page ?? 0);
  const first = shown.page === 0;
  const blocks: KnownBlock[] = [];
  const badge = answer.verdict ? `${VERDICT_LABEL[answer.verdict]}: ` : '';
  blocks.push({ type: 'header', text: { type: 'plain_text', text: cut(plainSlackText(`${badge}${answer.title}${first ? '' : ' (continued)'}`), SLACK_LIMITS.headerText), emoji: true } });
  if (first && answer.verdict) blocks.push(section(`${VERDICT_EMOJI[answer.verdict]} *${VERDICT_LABEL[answer.verdict]}*${answer.summary ? `: ${escapeSlackText(answer.summary)}` : ''}`));
  else if (first && answer.summary) for (const part of splitSummary(escapeSlackText(answer.summary))) blocks.push(section(part));
  if (first && answer.factsLabel && answer.facts.length) blocks.push(context(escapeSlackText(answer.factsLabel)));
  for (const fact of shown.facts) blocks.push(...factBlocks(fact, options.publicUrl));
  // A verdict links to its page: the claim, the verdict, the quotes and its ClaimReview.
  if (first && answer.verdict && options.publicUrl && answer.claim) blocks.push(context(slackLink(checkUrl(answer.claim, options), 'Verdict page with every quote')));

  const buttons: KnownBlock[] = [];
  const more = shown.more > 0 && options.more ? shareValue(options.more.q, options.more.today, shown.page + 1) : undefined;
  const share = options.share && shareValue(options.share.q, options.share.today);
  const elements = [
    ...(more ? [{ type: 'button' as const, action_id: ACTION_MORE_FACTS, value: more, text: { type: 'plain_text' as const, text: `More (${shown.more})` } }] : []),
    ...(share ? [{ type: 'button' as const, action_id: ACTION_SHARE, style: 'primary' as const, value: share, text: { type: 'plain_text' as const, text: 'Share in channel' } }] : []),
  ];
  if (elements.length) buttons.push({ type: 'actions', elements });
  if (shown.more > 0 && !more) blocks.push(context(`${moreText(shown.more)} not shown.`));
  if (first && answer.suggestions?.length) blocks.push(section(`Did you mean: ${answer.suggestions.map((s) => `*${escapeSlackText(s)}*`).join(', ')}?`));
  if (first && answer.footer?.length) blocks.push(context(escapeSlackText(answer.footer.join('\n'))));
  if (options.sharedBy) blocks.push(context(`Shared by <@${options.sharedBy.replace(/[^A-Z0-9]/gi, '')}>`));
  blocks.push(...buttons);
  return { text: cut(escapeSlackText(renderText(answer, shown.page, 'press More')), SLACK_LIMITS.fallbackText), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

/** A summary longer than a section holds goes into several, split at line ends. */
function splitSummary(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + line.length + 1 > SLACK_LIMITS.sectionText) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) parts.push(current);
  return parts.slice(0, 5);
}

/** A message for failures: friendly, with the reference that is in the log. */
export function failureMessage(message: string, reference: string): SlackMessage {
  const text = `${message} \`${reference}\``;
  return { text, blocks: [section(`:warning: ${text}`)] };
}

/** A fact's link unfolded in a channel: the statement, its first quote and citation, compactly. */
export function factUnfurl(fact: AnswerFact): KnownBlock[] {
  const q = fact.quotes[0];
  const date = fact.dateText && !fact.statement.includes(fact.dateText) ? ` _(${escapeSlackText(fact.dateText)})_` : '';
  const body = q ? `\n>${escapeSlackText(cut(q.quote, 600))}\n— _${escapeSlackText(q.citation)}_` : '';
  return [section(`*${escapeSlackText(fact.statement)}*${date}${body}`), ...(fact.quotes.length > 1 ? [context(`${fact.quotes.length} sources`)] : [])];
}

/** "More sources": every quote of one fact, each with its citation. */
export function allSourcesMessage(fact: AnswerFact): SlackMessage {
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: cut(plainSlackText(`Sources: ${fact.statement}`), SLACK_LIMITS.headerText) } }];
  for (const q of fact.quotes.slice(0, SLACK_LIMITS.blocks - 2)) {
    blocks.push(section(`>${escapeSlackText(cut(q.quote, SLACK_LIMITS.sectionText - 400))}\n— _${escapeSlackText(q.citation)}_${q.version ? ` (gives: ${escapeSlackText(q.version)})` : ''}`));
  }
  if (fact.quotes.length > SLACK_LIMITS.blocks - 2) blocks.push(context(`…and ${fact.quotes.length - (SLACK_LIMITS.blocks - 2)} more.`));
  const text = cut(escapeSlackText(`${fact.statement}\n${fact.quotes.map((q) => `“${q.quote}” — ${q.citation}`).join('\n')}`), SLACK_LIMITS.fallbackText);
  return { text, blocks };
}
