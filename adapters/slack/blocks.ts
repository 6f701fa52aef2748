/**
 * The core's Answer as a Slack message: Block Kit blocks and a plain `text` fallback,
 * within Slack's limits. Long answers are cut cleanly, saying how many facts were left
 * out and how to narrow the question.
 */
import type { types } from '@slack/bolt';
import type { Answer, AnswerFact, Verdict } from '../../src/answer/model.js';
import { renderText, shownQuotes, VERDICT_LABEL } from '../../src/answer/text.js';
import { cut } from '../shared/cut.js';
import { escapeSlackText, plainSlackText } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

type KnownBlock = types.KnownBlock;

export const ACTION_SHARE = 'share_answer';
export const ACTION_MORE_SOURCES = 'more_sources';

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
}

/** What the Share button carries: the question and the day it was answered for. */
export function shareValue(q: string, today: string): string | undefined {
  const value = JSON.stringify({ q, today });
  return value.length <= SLACK_LIMITS.buttonValue ? value : undefined;
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: cut(text, SLACK_LIMITS.sectionText) } };
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cut(text, SLACK_LIMITS.contextText) }] };
}

/** A fact as one section: the statement in bold, its quotes as block quotes, each with its citation. */
function factBlocks(fact: AnswerFact): KnownBlock[] {
  const quotes = shownQuotes(fact);
  const date = fact.dateText && !fact.statement.includes(fact.dateText) ? ` _(${escapeSlackText(fact.dateText)})_` : '';
  const head = `*${escapeSlackText(fact.statement)}*${date}`;
  const budget = SLACK_LIMITS.sectionText - head.length - 20;
  const perQuote = Math.max(200, Math.floor(budget / Math.max(1, quotes.length)));
  const body = quotes
    .map((q) => {
      const cite = `— _${escapeSlackText(q.citation)}_${q.version ? ` (gives: ${escapeSlackText(q.version)})` : ''}`;
      return `>${escapeSlackText(cut(q.quote, perQuote - cite.length - 10))}\n${cite}`;
    })
    .join('\n');
  const main: KnownBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: cut(`${head}\n${body}`, SLACK_LIMITS.sectionText) },
    ...(fact.quotes.length > quotes.length
      ? { accessory: { type: 'button', action_id: ACTION_MORE_SOURCES, value: fact.id, text: { type: 'plain_text', text: `More sources (${fact.quotes.length - quotes.length})` } } }
      : {}),
  };
  const notes = [fact.differ ? `:warning: ${escapeSlackText(fact.differ)}` : '', fact.note ? `Note: ${escapeSlackText(fact.note)}` : ''].filter(Boolean);
  return notes.length ? [main, context(notes.join('\n'))] : [main];
}

export function answerToSlack(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const blocks: KnownBlock[] = [];
  const badge = answer.verdict ? `${VERDICT_LABEL[answer.verdict]}: ` : '';
  blocks.push({ type: 'header', text: { type: 'plain_text', text: cut(plainSlackText(`${badge}${answer.title}`), SLACK_LIMITS.headerText), emoji: true } });
  if (answer.verdict) blocks.push(section(`${VERDICT_EMOJI[answer.verdict]} *${VERDICT_LABEL[answer.verdict]}*${answer.summary ? `: ${escapeSlackText(answer.summary)}` : ''}`));
  else if (answer.summary) for (const part of splitSummary(escapeSlackText(answer.summary))) blocks.push(section(part));
  if (answer.factsLabel && answer.facts.length) blocks.push(context(escapeSlackText(answer.factsLabel)));

  // Blocks kept for what comes after the facts: suggestions, footer, "and N more", share, shared-by.
  const tail: KnownBlock[] = [];
  if (answer.suggestions?.length) tail.push(section(`Did you mean: ${answer.suggestions.map((s) => `*${escapeSlackText(s)}*`).join(', ')}?`));
  if (answer.footer?.length) tail.push(context(escapeSlackText(answer.footer.join('\n'))));
  if (options.sharedBy) tail.push(context(`Shared by <@${options.sharedBy.replace(/[^A-Z0-9]/gi, '')}>`));
  const share = options.share && shareValue(options.share.q, options.share.today);
  if (share) {
    tail.push({ type: 'actions', elements: [{ type: 'button', action_id: ACTION_SHARE, style: 'primary', value: share, text: { type: 'plain_text', text: 'Share in channel' } }] });
  }

  const room = SLACK_LIMITS.blocks - blocks.length - tail.length - 1;
  let used = 0;
  let shown = 0;
  for (const fact of answer.facts) {
    const fb = factBlocks(fact);
    if (used + fb.length > room) break;
    blocks.push(...fb);
    used += fb.length;
    shown += 1;
  }
  const left = answer.facts.length - shown;
  if (left > 0) blocks.push(context(`…and ${left} more. Narrow the question (add a year, a country or a treaty name) to see them.`));
  blocks.push(...tail);
  return { text: cut(escapeSlackText(renderText(answer)), SLACK_LIMITS.fallbackText), blocks };
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
