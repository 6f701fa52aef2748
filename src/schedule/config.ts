/**
 * Settings of the daily "On this day" post: which channels, at what local time, in which
 * time zone, and what to do on a day with no event. A YAML file for the full form, and
 * environment variables for the common case; a bad setting stops start-up, named.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

export type EmptyDay = 'skip' | 'nearest';

export interface ChannelSchedule {
  platform: 'slack' | 'discord';
  id: string;
  /** "HH:MM", local to `timezone`. */
  time: string;
  timezone: string;
}

export interface ScheduleConfig {
  channels: ChannelSchedule[];
  empty: EmptyDay;
  /** Where what was posted is remembered, so a restart neither repeats nor skips a day. */
  statePath: string;
}

export class ScheduleConfigError extends Error {}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM, 24-hour (like "09:00")');
const zone = z.string().refine(isTimeZone, 'is not an IANA time zone (like "Europe/Berlin" or "Asia/Almaty")');

const fileSchema = z.strictObject({
  time: time.default('09:00'),
  timezone: zone.default('UTC'),
  empty: z.enum(['skip', 'nearest']).default('skip'),
  state: z.string().min(1).default('state/onthisday.json'),
  channels: z
    .array(z.strictObject({ platform: z.enum(['slack', 'discord']), id: z.coerce.string().min(1, 'must not be empty'), time: time.optional(), timezone: zone.optional() }))
    .default([]),
});

function fail(where: string, issues: z.core.$ZodIssue[]): never {
  const first = issues[0]!;
  throw new ScheduleConfigError(`${where}: ${first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')}: ${first.message}`);
}

/**
 * The schedule from ONTHISDAY_CONFIG (a YAML file) and/or ONTHISDAY_* variables:
 * ONTHISDAY_SLACK_CHANNELS and ONTHISDAY_DISCORD_CHANNELS (comma-separated ids),
 * ONTHISDAY_TIME, ONTHISDAY_TZ, ONTHISDAY_EMPTY, ONTHISDAY_STATE. Undefined when no channel is set.
 */
export function scheduleFromEnv(env: NodeJS.ProcessEnv): ScheduleConfig | undefined {
  let raw: Record<string, unknown> = {};
  const file = env.ONTHISDAY_CONFIG?.trim();
  if (file) {
    try {
      raw = (parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
    } catch (err) {
      throw new ScheduleConfigError(`ONTHISDAY_CONFIG: cannot read ${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  }
  const fromEnv: [string, string | undefined][] = [
    ['time', env.ONTHISDAY_TIME],
    ['timezone', env.ONTHISDAY_TZ],
    ['empty', env.ONTHISDAY_EMPTY],
    ['state', env.ONTHISDAY_STATE],
  ];
  const names: Record<string, string> = { time: 'ONTHISDAY_TIME', timezone: 'ONTHISDAY_TZ', empty: 'ONTHISDAY_EMPTY', state: 'ONTHISDAY_STATE' };
  for (const [k, v] of fromEnv) if (v?.trim()) raw[k] = v.trim();
  const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const extra = [
    ...list(env.ONTHISDAY_SLACK_CHANNELS).map((id) => ({ platform: 'slack', id })),
    ...list(env.ONTHISDAY_DISCORD_CHANNELS).map((id) => ({ platform: 'discord', id })),
  ];
  if (extra.length) raw.channels = [...((raw.channels as unknown[]) ?? []), ...extra];
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const key = String(parsed.error.issues[0]?.path[0] ?? '');
    fail(names[key] && !file ? names[key]! : file ? `ONTHISDAY_CONFIG (${file})` : 'ONTHISDAY', parsed.error.issues);
  }
  const c = parsed.data;
  if (!c.channels.length) return undefined;
  return {
    channels: c.channels.map((ch) => ({ platform: ch.platform, id: ch.id, time: ch.time ?? c.time, timezone: ch.timezone ?? c.timezone })),
    empty: c.empty,
    statePath: c.state,
  };
}
