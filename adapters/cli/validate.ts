/** `factbot validate`: the fact base's schema, references and quotes, every problem at once. */
import { formatIssue, loadFactBase } from '../../src/facts/load.js';
import { formatFailure, verifyQuotes } from '../../src/facts/quotes.js';

export interface ValidateResult {
  ok: boolean;
  lines: string[];
}

export function validateFactBase(factsDir: string, sourcesDir: string): ValidateResult {
  const lines: string[] = [];
  const { base, issues } = loadFactBase(factsDir);
  for (const issue of issues) lines.push(formatIssue(issue));
  const quotes = verifyQuotes(base, sourcesDir);
  for (const failure of quotes.failures) lines.push(formatFailure(failure));
  const ok = issues.length === 0 && quotes.failures.length === 0;
  const summary = `${base.facts.length} facts, ${base.entities.size} entities, ${base.documents.size} documents`;
  if (quotes.skipped) lines.push(`quotes: SKIPPED: ${quotes.skipped}`);
  else lines.push(`quotes: ${quotes.checked - quotes.failures.length} of ${quotes.checked} found word for word in their documents`);
  lines.push(ok ? `ok: ${summary}` : `FAILED: ${issues.length + quotes.failures.length} problem(s); ${summary}`);
  return { ok, lines };
}
