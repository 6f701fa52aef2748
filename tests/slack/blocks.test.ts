import { describe, expect, it } from 'vitest';
import { answerToSlack } from '../../adapters/slack/blocks.js';
import { escapeSlackText, slackToPlain } from '../../adapters/slack/escape.js';
import { SLACK_LIMITS } from '../../adapters/slack/limits.js';
import type { Answer } from '../../src/answer/model.js';

const longFact = (i: number) => ({
  id: `f${i}`,
  kind: 'event',
  statement: `Statement ${i} ${'word '.repeat(200)}`,
  dateText: '7 June 2002',
  quotes: Array.from({ length: 5 }, (_, j) => ({ doc: 'd', quote: `quote ${j} ${'x'.repeat(2500)}`, where: 'Chapter 1', citation: 'Someone 2013, Chapter 1' })),
});

describe('Block Kit rendering', () => {
  it('keeps a huge answer within every limit: one page of facts, how many more, and the More button', () => {
    const answer: Answer = { intent: 'lookup', title: 'T'.repeat(400), summary: 'S'.repeat(9000), facts: Array.from({ length: 120 }, (_, i) => longFact(i)), footer: ['f'.repeat(5000)] };
    const m = answerToSlack(answer, { share: { q: 'q', today: '2026-01-01' }, more: { q: 'q', today: '2026-01-01' } });
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    for (const b of m.blocks as { type: string; text?: { text: string } }[]) {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(b.type === 'header' ? SLACK_LIMITS.headerText : SLACK_LIMITS.sectionText);
    }
    expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    const more = JSON.stringify(m.blocks).match(/"More \((\d+)\)"/);
    expect(Number(more![1])).toBe(117);
    expect((m.blocks.at(-1) as { type: string }).type).toBe('actions');
    // Without a question to page through, the count is still said.
    expect(JSON.stringify(answerToSlack(answer).blocks)).toContain('117 more facts not shown.');
  });

  it('escapes what Slack would read as markup', () => {
    expect(escapeSlackText('a < b & c > d <!channel> @here')).toBe('a &lt; b &amp; c &gt; d &lt;!channel&gt; @\u200bhere');
  });

  it('reads a message\'s Slack markup back as plain words', () => {
    expect(slackToPlain('<@U1> says <https://x.org|the site> &amp; <#C1|general>: India &lt;joined&gt;')).toBe('says the site & general: India <joined>');
  });
});
