/**
 * Structured logs (pino), one JSON line per event. Secrets never reach the log: known
 * secret settings are redacted by path, and any secret value from the environment is
 * replaced wherever it appears in a message.
 */
import { pino, type Logger } from 'pino';
import { redactor } from './redact.js';

export type { Logger };

export { SECRET_SETTINGS } from './redact.js';

export function createLogger(options: { level?: string; env?: NodeJS.ProcessEnv; destination?: NodeJS.WritableStream } = {}): Logger {
  const env = options.env ?? process.env;
  const scrub = redactor(env);
  const clean = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (value instanceof Error) return clean(pino.stdSerializers.err(value), depth + 1);
    if (Array.isArray(value)) return depth > 5 ? value : value.map((v) => clean(v, depth + 1));
    if (value && typeof value === 'object' && depth <= 5) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, depth + 1)]));
    return value;
  };
  return pino(
    {
      level: options.level ?? env.LOG_LEVEL ?? 'info',
      redact: { paths: ['token', 'botToken', 'appToken', 'signingSecret', '*.token', '*.botToken', '*.appToken', '*.signingSecret', 'headers.authorization'], censor: '[REDACTED]' },
      hooks: {
        // Messages, fields and error texts can all quote a token (a library's error naming a bad one).
        logMethod(args, method) {
          method.apply(this, args.map((a) => clean(a)) as Parameters<typeof method>);
        },
      },
    },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

/** A logger that drops everything: for tests and the terminal chat. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
