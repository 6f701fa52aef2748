#!/usr/bin/env node
/** The `factbot` command: ask, chat, validate, start. */
import { parseArgs } from 'node:util';
import { defaultFactsDir, defaultSourcesDir } from '../../src/paths.js';
import { validateFactBase } from './validate.js';

const USAGE = `usage:
  factbot ask "QUESTION" [--json] [--today YYYY-MM-DD]
  factbot ask --json --batch FILE      one {"q": "...", "today"?: "..."} per line in, one answer per line out
  factbot chat                         an interactive chat in the terminal
  factbot validate [--sources DIR]     check the fact base and every quote against its document
  factbot start                        Slack/Discord when their tokens are set, else the terminal chat
options: --facts DIR (default: the bundled facts/, or FACTBOT_FACTS)`;

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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const factsDir = values.facts ?? defaultFactsDir();
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'validate': {
      const result = validateFactBase(factsDir, values.sources ?? defaultSourcesDir());
      for (const line of result.lines) console.log(line);
      return result.ok ? 0 : 1;
    }
    default:
      console.error(`unknown command "${command}" ${rest.length ? '' : ''}\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
