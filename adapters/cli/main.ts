#!/usr/bin/env node
/** The `factbot` command: ask, chat, validate, onthisday, start. */
import { parseArgs } from 'node:util';
import { parseToday } from '../../src/ask.js';
import { type Knowledge, loadKnowledge } from '../../src/knowledge.js';
import { defaultFactsDir, defaultSourcesDir } from '../../src/paths.js';
import { redactor } from '../../src/redact.js';
import { askBatch, askOnce } from './ask.js';
import { calendar } from './calendar.js';
import { chat } from './chat.js';

const USAGE = `usage:
  factbot ask "QUESTION" [--json] [--today YYYY-MM-DD]
  factbot ask --json --batch FILE      one {"q": "...", "today"?: "..."} per line in, one JSON answer per line out
  factbot chat                         an interactive chat in the terminal
  factbot validate [--sources DIR]     check the fact base and every quote against its document
  factbot start                        Slack/Discord when their tokens are set, else the terminal chat
  factbot serve                        the fact pages alone, at http://localhost:PORT (default 3000): no Slack or Discord needed
  factbot onthisday [--date D]         the daily post for a date (default today)
  factbot onthisday --calendar         how many days of the year have at least one event
  factbot index                        parse, validate and index the fact base ahead of the first question
  factbot discord-register             register the Discord commands (DISCORD_GUILD_ID: one server; else global)
options: --facts DIR (default: the bundled facts/, or FACTBOT_FACTS)`;

/** Every line this command prints to stderr goes through the redaction step, as the log does. */
const redact = redactor(process.env);
const fail = (line: string) => console.error(redact(line));

async function knowledgeFrom(factsDir: string): Promise<Knowledge> {
  try {
    return await loadKnowledge(factsDir);
  } catch (err) {
    if (err instanceof Error && 'issues' in err) {
      throw new Error(`cannot start: ${err.message}\nFix these (run \`factbot validate\`) and try again.`);
    }
    throw err;
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      today: { type: 'string' },
      batch: { type: 'string' },
      facts: { type: 'string' },
      sources: { type: 'string' },
      date: { type: 'string' },
      calendar: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const factsDir = values.facts ?? defaultFactsDir();
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  const today = values.today === undefined ? undefined : parseToday(values.today);
  if (values.today !== undefined && !today) {
    fail(`--today must be a date as YYYY-MM-DD, not "${values.today}"`);
    return 2;
  }
  switch (command) {
    case 'validate': {
      // The YAML parser and schema library load only for the commands that parse the files.
      const { validateFactBase } = await import('./validate.js');
      const result = validateFactBase(factsDir, values.sources ?? defaultSourcesDir());
      for (const line of result.lines) console.log(line);
      return result.ok ? 0 : 1;
    }
    case 'ask': {
      const k = await knowledgeFrom(factsDir);
      if (values.batch) {
        for (const line of askBatch(k, values.batch, today)) process.stdout.write(`${line}\n`);
        return 0;
      }
      const question = rest.join(' ').trim();
      if (!question) {
        fail(`factbot ask: give a question, e.g. factbot ask "when did india join?"\n${USAGE}`);
        return 2;
      }
      console.log(askOnce(k, question, values.json, today));
      return 0;
    }
    case 'index': {
      // Run after install: parses, validates and indexes once, so the first question is fast.
      const k = await knowledgeFrom(factsDir);
      console.log(`indexed ${k.base.facts.length} facts, ${k.base.entities.size} entities`);
      return 0;
    }
    case 'onthisday': {
      const k = await knowledgeFrom(factsDir);
      if (values.calendar) {
        for (const line of calendar(k)) console.log(line);
        return 0;
      }
      const question = `onthisday ${values.date ?? ''}`.trim();
      console.log(askOnce(k, question, values.json, today));
      return 0;
    }
    case 'chat':
      await chat(await knowledgeFrom(factsDir));
      return 0;
    case 'start': {
      // Slack's and Discord's libraries load only here: every other command starts faster without them.
      const { start } = await import('../start.js');
      try {
        await start(() => knowledgeFrom(factsDir), process.env, factsDir);
      } catch (err) {
        // A platform half-started keeps handles open: end the process, do not wait for them.
        fail(`cannot start: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      }
      return 0;
    }
    case 'serve': {
      const { serve } = await import('../serve.js');
      const k = await knowledgeFrom(factsDir);
      const port = await serve(k, process.env);
      console.log(`fact pages at http://localhost:${port}/ (Ctrl-C to stop)`);
      return 0;
    }
    case 'discord-register': {
      const { discordConfigFromEnv } = await import('../discord/config.js');
      const { registerCommands } = await import('../discord/register.js');
      const config = discordConfigFromEnv(process.env);
      if (!config) {
        fail('cannot register: DISCORD_TOKEN is not set');
        return 1;
      }
      try {
        const done = await registerCommands(config);
        console.log(`registered ${done.names.join(', ')} ${done.scope === 'guild' ? `in server ${config.guildId} (available at once)` : 'globally (may take up to an hour to appear)'}`);
        return 0;
      } catch (err) {
        fail(`cannot register: ${err instanceof Error ? err.message : String(err)}`);
        return 1;
      }
    }
    default:
      fail(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

// exitCode rather than exit(): a piped stdout is written asynchronously and must drain first.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    fail(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  },
);
