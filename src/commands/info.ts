/** `sources` and `help`: the documents behind the answers, and how to ask. */
import type { Answer } from '../answer/model.js';
import type { CommandContext } from './context.js';

export function sources(ctx: CommandContext): Answer {
  const { base } = ctx.k;
  const counts = new Map<string, number>();
  for (const f of base.facts) for (const s of new Set(f.sources.map((q) => q.doc))) counts.set(s, (counts.get(s) ?? 0) + 1);
  const lines = [...base.documents.values()].map((d) => {
    const where = [d.venue, d.doi ? `doi:${d.doi}` : '', d.licence ? `licence ${d.licence}` : ''].filter(Boolean).join('; ');
    return `• ${d.authors.join(', ')} (${d.year}). ${d.title}. ${d.kind}, ${where}. [${counts.get(d.id) ?? 0} facts]`;
  });
  return {
    intent: 'sources',
    title: `Every answer quotes one of these ${base.documents.size} documents`,
    summary: lines.join('\n'),
    facts: [],
    footer: [`${base.facts.length} facts in all, each with a verbatim quote checked against its document.`],
  };
}

export const HELP_LINES = [
  'Ask in plain words, or use a command:',
  '• `member india`: a country\'s status history (member, observer, dialogue partner, since when)',
  '• `members 2010`: members, observers and dialogue partners as of a year (`observers 2010` for one group)',
  '• `treaty charter`: a treaty, convention, declaration or programme: when, where, what it says',
  '• `date 7 June 2002`, `date June 2002`, `date 2002`: what happened then',
  '• `onthisday` or `onthisday 15 June`: events on this day in SCO history',
  '• `check India joined the SCO in 2015`: supported, contradicted, sources differ, or not in the sources',
  '• `sources`: the documents behind every answer',
  'Or just ask: "when did india join?", "what is RATS?", "who are the observers?"',
];

export function help(): Answer {
  return {
    intent: 'help',
    title: 'sco-factbot: facts about the Shanghai Cooperation Organisation, each with a quote and its source',
    summary: HELP_LINES.join('\n'),
    facts: [],
  };
}
