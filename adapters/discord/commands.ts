/**
 * The commands Discord shows: `/sco` with one subcommand per command of the grammar, typed
 * options with autocomplete for countries and treaties, and the "Fact-check" message menu.
 */
import type { Request } from '../../src/ask.js';
import { ApplicationCommandType, ContextMenuCommandBuilder, SlashCommandBuilder, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

export const FACT_CHECK_MENU = 'Fact-check';

export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  const sco = new SlashCommandBuilder()
    .setName('sco')
    .setDescription('Facts about the Shanghai Cooperation Organisation, each with a quote and its source')
    .addSubcommand((s) => s.setName('ask').setDescription('Ask anything in plain words').addStringOption((o) => o.setName('question').setDescription('e.g. when did india join?').setRequired(true).setMaxLength(500)))
    .addSubcommand((s) => s.setName('member').setDescription("A country's status history in the SCO").addStringOption((o) => o.setName('country').setDescription('e.g. India').setRequired(true).setAutocomplete(true).setMaxLength(100)))
    .addSubcommand((s) => s.setName('members').setDescription('Members, observers and dialogue partners as of a year').addIntegerOption((o) => o.setName('year').setDescription('e.g. 2010 (default: the latest in the sources)').setMinValue(1996).setMaxValue(2100)))
    .addSubcommand((s) => s.setName('treaty').setDescription('A treaty, charter, convention, declaration or programme').addStringOption((o) => o.setName('name').setDescription('e.g. Charter').setRequired(true).setAutocomplete(true).setMaxLength(200)))
    .addSubcommand((s) => s.setName('date').setDescription('What happened on a day, in a month or a year').addStringOption((o) => o.setName('when').setDescription('e.g. 7 June 2002, June 2002, 2002').setRequired(true).setMaxLength(50)))
    .addSubcommand((s) => s.setName('onthisday').setDescription('Events on this day in SCO history').addStringOption((o) => o.setName('date').setDescription('e.g. 15 June (default: today)').setMaxLength(50)))
    .addSubcommand((s) => s.setName('check').setDescription('Fact-check a claim against the sources').addStringOption((o) => o.setName('claim').setDescription('e.g. India joined the SCO in 2015').setRequired(true).setMaxLength(1000)))
    .addSubcommand((s) => s.setName('sources').setDescription('The documents behind every answer'))
    .addSubcommand((s) => s.setName('help').setDescription('How to ask, with examples'));
  const menu = new ContextMenuCommandBuilder().setName(FACT_CHECK_MENU).setType(ApplicationCommandType.Message);
  return [sco.toJSON(), menu.toJSON() as RESTPostAPIApplicationCommandsJSONBody];
}

/** A subcommand and its options, as the command the core runs: no text to route again. */
export function commandRequest(subcommand: string, option: (name: string) => string | number | null): Request {
  const value = (name: string) => String(option(name) ?? '').trim();
  const args: Record<string, () => Request> = {
    ask: () => value('question'),
    member: () => ({ command: 'member', args: value('country') }),
    members: () => ({ command: 'members', args: value('year') }),
    treaty: () => ({ command: 'treaty', args: value('name') }),
    date: () => ({ command: 'date', args: value('when') }),
    onthisday: () => ({ command: 'onthisday', args: value('date') }),
    check: () => ({ command: 'check', args: value('claim') }),
    sources: () => ({ command: 'sources', args: '' }),
  };
  return (args[subcommand] ?? (() => ({ command: 'help', args: '' })))();
}
