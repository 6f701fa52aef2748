/** Plain-text rendering: the terminal chat, the CLI, and the `text` of every JSON answer. */
import { moreText, pageOf, type ShownFact } from './layout.js';
import type { Answer, Verdict } from './model.js';

export const VERDICT_LABEL: Record<Verdict, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  disputed: 'Sources differ',
  unknown: 'Not in the sources',
};

function renderFactText({ fact, number, quotes, hiddenQuotes }: ShownFact, numbered: boolean): string[] {
  const lines: string[] = [];
  const date = fact.dateText && !fact.statement.includes(fact.dateText) ? ` (${fact.dateText})` : '';
  lines.push(`${numbered ? `${number}. ` : '• '}${fact.statement}${date}`);
  for (const q of quotes) {
    lines.push(`   “${q.quote}”`);
    lines.push(`   — ${q.citation}${q.version ? ` (gives: ${q.version})` : ''}`);
  }
  if (hiddenQuotes > 0) lines.push(`   (+${hiddenQuotes} more source${hiddenQuotes > 1 ? 's' : ''})`);
  if (fact.differ) lines.push(`   ⚠ ${fact.differ}`);
  if (fact.note) lines.push(`   Note: ${fact.note}`);
  return lines;
}

/** One page of the answer as text; `more` in the chat shows the next. */
export function renderText(answer: Answer, page = 0, moreHint = 'type `more`'): string {
  const shown = pageOf(answer, page);
  const lines: string[] = [];
  if (shown.page === 0) {
    const badge = answer.verdict ? `[${VERDICT_LABEL[answer.verdict]}] ` : '';
    lines.push(`${badge}${answer.title}`);
    if (answer.summary) lines.push(answer.summary);
  } else {
    lines.push(`${answer.title} (continued)`);
  }
  if (shown.facts.length) {
    lines.push('');
    if (answer.factsLabel && shown.page === 0) lines.push(answer.factsLabel);
    for (const f of shown.facts) lines.push(...renderFactText(f, answer.facts.length > 1));
  }
  if (shown.page === 0 && answer.suggestions?.length) lines.push('', `Did you mean: ${answer.suggestions.join(', ')}?`);
  if (shown.page === 0 && answer.footer?.length) lines.push('', ...answer.footer);
  if (shown.more > 0) lines.push('', `${moreText(shown.more)}: ${moreHint}.`);
  return lines.join('\n');
}
