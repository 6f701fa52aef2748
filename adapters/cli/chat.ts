/** `factbot chat`: the same answers as Slack and Discord, in a terminal. */
import { createInterface } from 'node:readline';
import { ask } from '../../src/ask.js';
import { renderText } from '../../src/answer/text.js';
import { ANSWER_LIMITS } from '../../src/answer/limits.js';
import type { Answer } from '../../src/answer/model.js';
import type { Knowledge } from '../../src/knowledge.js';

export async function chat(k: Knowledge, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal: interactive, prompt: 'sco> ' });
  const write = (s: string) => output.write(`${s}\n`);
  if (interactive) {
    write(`sco-factbot: ${k.base.facts.length} facts from ${k.base.documents.size} documents. Ask a question, "help" for examples, "quit" to leave.`);
    rl.prompt();
  }
  // `more` shows the next page of the last answer.
  let last: { answer: Answer; page: number } | undefined;
  for await (const line of rl) {
    const text = line.trim();
    if (/^(quit|exit|bye|\\q)$/i.test(text)) break;
    if (/^more$/i.test(text)) {
      if (last && (last.page + 1) * ANSWER_LIMITS.factsPerPage < last.answer.facts.length) {
        last.page += 1;
        write(`${renderText(last.answer, last.page)}\n`);
      } else write('Nothing more to show: ask another question.\n');
    } else if (text) {
      last = { answer: ask(k, text), page: 0 };
      write(`${renderText(last.answer)}\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
