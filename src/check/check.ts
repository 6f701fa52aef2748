/** `check <claim>`: the verdict first, one sentence of why, then the quotes that decide it. */
import { answerFact } from '../answer/cite.js';
import type { Answer, AnswerFact, Verdict } from '../answer/model.js';
import type { CommandContext } from '../commands/context.js';
import { parseClaim, splitClaims } from './claim.js';
import { judge, type Judgement } from './judge.js';
import { echo } from '../text/echo.js';

const PRIORITY: Verdict[] = ['contradicted', 'disputed', 'unknown', 'supported'];

/** The quote that states the deciding value goes first: it is the one a reader sees. */
function leadWith(fact: AnswerFact, lead: number | undefined): AnswerFact {
  if (!lead) return fact;
  const quotes = [fact.quotes[lead]!, ...fact.quotes.filter((_, i) => i !== lead)];
  return { ...fact, quotes };
}

export function check(ctx: CommandContext): Answer {
  const { k, route } = ctx;
  const claimText = route.query.trim();
  if (!claimText) {
    return { intent: 'check', title: 'Which claim?', summary: 'Usage: `check <claim>`, e.g. `check India joined the SCO in 2015`.', facts: [] };
  }
  const parts = splitClaims(claimText, k.entities.mentions(claimText).map((m) => m.text)).map((text) => ({ text, j: judge(k, parseClaim(k, text)) }));
  const verdicts = parts.map((p) => p.j.verdict);
  // A claim that is partly wrong is wrong; all parts must hold for "supported".
  const verdict = PRIORITY.find((v) => verdicts.includes(v))!;
  const mixed = new Set(verdicts).size > 1;
  const summary = parts.length === 1 ? parts[0]!.j.reason : parts.map((p) => `“${echo(p.text)}”: ${p.j.verdict}. ${p.j.reason}`).join('\n');
  const evidence = [...new Set(parts.flatMap((p) => p.j.evidence))];
  const leads = new Map(parts.flatMap((p) => [...(p.j.leads ?? [])]));
  const context = evidence.length ? [] : [...new Set(parts.flatMap((p: { j: Judgement }) => p.j.context ?? []))].slice(0, 3);
  return {
    intent: 'check',
    verdict,
    claim: claimText,
    title: `“${echo(claimText)}”`,
    summary: mixed ? `Mixed: ${summary}` : summary,
    facts: (evidence.length ? evidence : context).map((f) => leadWith(answerFact(k.base, f), leads.get(f))),
    ...(context.length ? { factsLabel: 'Closest facts in the sources (they do not settle the claim):' } : {}),
  };
}
