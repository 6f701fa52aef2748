/** The JSON answer of `factbot ask --json` and batch mode: a stable shape for scripts and the eval. */
import type { Answer, AnswerFact, Intent, Verdict } from './model.js';
import { renderText } from './text.js';

export interface JsonAnswer {
  intent: Intent;
  text: string;
  title: string;
  facts: Pick<AnswerFact, 'id' | 'statement' | 'date' | 'quotes' | 'differ'>[];
  verdict?: Verdict;
  suggestions?: string[];
}

export function toJson(answer: Answer): JsonAnswer {
  return {
    intent: answer.intent,
    text: renderText(answer),
    title: answer.title,
    facts: answer.facts.map((f) => ({
      id: f.id,
      statement: f.statement,
      ...(f.date ? { date: f.date } : {}),
      quotes: f.quotes,
      ...(f.differ ? { differ: f.differ } : {}),
    })),
    ...(answer.verdict ? { verdict: answer.verdict } : {}),
    ...(answer.suggestions?.length ? { suggestions: answer.suggestions } : {}),
  };
}
