/**
 * The one redaction step every printed or logged line goes through: the values of the secret
 * settings wherever they appear, and anything shaped like a Slack or Discord secret, so a token
 * pasted into the wrong setting ("PORT must be a port number, not …") is not printed either.
 */

/** Environment variables whose values are secrets. */
export const SECRET_SETTINGS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN', 'REDIS_URL', 'METRICS_TOKEN'] as const;

/** Shapes of secrets, wherever they stand. */
const SECRET_SHAPES: readonly { re: RegExp; reason: string }[] = [
  { re: /\bxox[abposre]-[A-Za-z0-9-]{6,}/g, reason: 'Slack bot, user and refresh tokens' },
  { re: /\bxapp-[A-Za-z0-9-]{6,}/g, reason: 'Slack app-level tokens' },
  { re: /\b[A-Za-z0-9_-]{20,30}\.[A-Za-z0-9_-]{5,8}\.[A-Za-z0-9_-]{25,}/g, reason: 'Discord bot tokens: three base64url parts' },
  { re: /\b[0-9a-f]{32}\b/gi, reason: 'Slack signing secrets: 32 hex digits' },
  { re: /\/\/[^/\s:@]*:[^/\s@]+@/g, reason: 'a password in a URL (redis://user:secret@host)' },
];

export const REDACTED = '[REDACTED]';
/** A setting's value shorter than this is not a secret worth hiding (and would blank common words). */
const MIN_SECRET_LENGTH = 6;

export type Redact = (text: string) => string;

export function redactor(env: NodeJS.ProcessEnv = process.env): Redact {
  const values = SECRET_SETTINGS.map((name) => env[name]?.trim()).filter((v): v is string => Boolean(v && v.length >= MIN_SECRET_LENGTH));
  return (text) => {
    let out = text;
    for (const v of values) out = out.split(v).join(REDACTED);
    for (const s of SECRET_SHAPES) out = out.replace(s.re, (m) => (m.startsWith('//') ? `//${REDACTED}@` : REDACTED));
    return out;
  };
}
