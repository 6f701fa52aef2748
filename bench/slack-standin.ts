/** The Slack stand-in in a process of its own, so a load test measures the bot, not the stand-in. */
import { FakeSlack } from '../tests/fakes/slack.js';

const fake = await new FakeSlack(process.argv[2] ?? 'bench-secret').start();
process.stdout.write(`${fake.url}\n`);
process.on('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify({ responses: fake.responses.length, calls: fake.calls.length })}\n`);
  void fake.stop().then(() => process.exit(0));
});
