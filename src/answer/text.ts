/** Plain-text rendering: the terminal chat, the CLI, and the `text` of every JSON answer. */
import type { Answer, AnswerFact, Verdict } from './model.js';

/** Quotes shown per fact in text; JSON and "More sources" carry the rest. */
export const QUOTES_SHOWN = 2;

export const VERDICT_LABEL: Record<Verdict, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  disputed: 'Sources differ',
  unknown: 'Not in the sources',
};

/** The quotes worth showing: every version where sources differ, else the first few. */
export function shownQuotes(fact: AnswerFact, max = QUOTES_SHOWN): AnswerFact['quotes'] {
  if (fact.differ) return fact.quotes;
  return fact.quotes.slice(0, max);
}

export function renderFactText(fact: AnswerFact, index?: number): string[] {
  const lines: string[] = [];
  const date = fact.dateText && !fact.statement.includes(fact.dateText) ? ` (${fact.dateText})` : '';
  lines.push(`${index !== undefined ? `${index + 1}. ` : '• '}${fact.statement}${date}`);
  const quotes = shownQuotes(fact);
  for (const q of quotes) {
    lines.push(`   “${q.quote}”`);
    lines.push(`   — ${q.citation}${q.version ? ` (gives: ${q.version})` : ''}`);
  }
  const hidden = fact.quotes.length - quotes.length;
  if (hidden > 0) lines.push(`   (+${hidden} more source${hidden > 1 ? 's' : ''})`);
  if (fact.differ) lines.push(`   ⚠ ${fact.differ}`);
  if (fact.note) lines.push(`   Note: ${fact.note}`);
  return lines;
}

export function renderText(answer: Answer): string {
  const lines: string[] = [];
  const badge = answer.verdict ? `[${VERDICT_LABEL[answer.verdict]}] ` : '';
  lines.push(`${badge}${answer.title}`);
  if (answer.summary) lines.push(answer.summary);
  if (answer.facts.length) {
    lines.push('');
    if (answer.factsLabel) lines.push(answer.factsLabel);
    answer.facts.forEach((f, i) => {
      lines.push(...renderFactText(f, answer.facts.length > 1 ? i : undefined));
    });
  }
  if (answer.suggestions?.length) {
    lines.push('', `Did you mean: ${answer.suggestions.join(', ')}?`);
  }
  if (answer.footer?.length) lines.push('', ...answer.footer);
  return lines.join('\n');
}
