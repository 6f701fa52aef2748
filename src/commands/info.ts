/** `sources` and `help`: the documents behind the answers, and how to ask. */
import type { Answer } from '../answer/model.js';
import type { CommandContext, Platform } from './context.js';

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

/** The commands as help shows them: the argument in words (Discord's option name) and an example. */
const HELP_COMMANDS: readonly { command: string; option?: string; example?: string; what: string }[] = [
  { command: 'member', option: 'country', example: 'India', what: "a country's status history (member, observer, dialogue partner, since when)" },
  { command: 'members', option: 'year', example: '2010', what: 'members, observers and dialogue partners as of a year' },
  { command: 'treaty', option: 'name', example: 'Charter', what: 'a treaty, convention, declaration or programme: when, where, what it says' },
  { command: 'date', option: 'when', example: '7 June 2002', what: 'what happened on a day, in a month or a year' },
  { command: 'onthisday', what: 'events on this day in SCO history' },
  { command: 'check', option: 'claim', example: 'India joined the SCO in 2015', what: 'supported, contradicted, sources differ, or not in the sources' },
  { command: 'sources', what: 'the documents behind every answer' },
];

/** How each platform writes a command, and what else it offers. */
const PLATFORM_HELP: Record<Platform, { write: (c: (typeof HELP_COMMANDS)[number]) => string; extras: string[] }> = {
  terminal: { write: (c) => `\`${c.command}${c.example ? ` ${c.example.toLowerCase()}` : ''}\``, extras: ['Type `more` after an answer for its next facts, `quit` to leave.'] },
  slack: {
    write: (c) => `\`/sco ${c.command}${c.example ? ` ${c.example.toLowerCase()}` : ''}\``,
    extras: ['Fact-check a message: its ⋯ menu → *Fact-check*; the verdict goes in its thread.', 'Answers are private: *Share in channel* posts one for everyone; *More* shows the next facts.'],
  },
  discord: {
    write: (c) => `\`/sco ${c.command}${c.option && c.example ? ` ${c.option}:${c.example}` : ''}\``,
    extras: ['Fact-check a message: right-click it → Apps → *Fact-check*.', 'Answers are private: *Share* posts one for everyone; *More* shows the next facts.'],
  },
};

export function helpLines(platform: Platform = 'terminal'): string[] {
  const p = PLATFORM_HELP[platform];
  return [
    'Ask in plain words, or use a command:',
    ...HELP_COMMANDS.map((c) => `• ${p.write(c)}: ${c.what}`),
    'Or just ask: "when did india join?", "what is RATS?", "who are the observers?"',
    ...p.extras,
  ];
}

export function help(ctx?: CommandContext): Answer {
  return {
    intent: 'help',
    title: 'sco-factbot: facts about the Shanghai Cooperation Organisation, each with a quote and its source',
    summary: helpLines(ctx?.platform).join('\n'),
    facts: [],
  };
}
