/**
 * The daily "On this day" poster: exactly once per channel per local day. Croner wakes it at
 * each channel's local time in its time zone (daylight saving included); on start it also
 * checks at once, so a bot that was down at post time posts when it comes back that day.
 * A day that has passed is never posted late. A failed post is retried with backoff, and
 * each channel is on its own: one failing never holds up the others.
 */
import { Cron } from 'croner';
import type { Answer } from '../answer/model.js';
import type { Knowledge } from '../knowledge.js';
import type { Logger } from '../log.js';
import type { ChannelSchedule, EmptyDay } from './config.js';
import { type LocalDate, onThisDayPost } from './post.js';
import type { StateStore } from './state.js';

/** Sends one post to one channel; throws when the platform refuses. */
export type Poster = (channelId: string, answer: Answer) => Promise<void>;

export interface DailyOptions {
  channels: ChannelSchedule[];
  posters: Partial<Record<ChannelSchedule['platform'], Poster>>;
  knowledge: () => Knowledge;
  empty: EmptyDay;
  store: StateStore;
  log: Logger;
  /** First retry after this many ms, doubling up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export const channelKey = (c: Pick<ChannelSchedule, 'platform' | 'id'>) => `${c.platform}:${c.id}`;

/** The local date and minute of the day at an instant, in a time zone. */
export function localTime(at: Date, timeZone: string): { date: LocalDate; iso: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const date = { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
  return { date, iso: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export class DailyPoster {
  private readonly jobs: Cron[] = [];
  private readonly busy = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private readonly state;

  constructor(private readonly options: DailyOptions) {
    this.state = options.store.load();
  }

  start(): void {
    for (const channel of this.options.channels) {
      const [hh, mm] = channel.time.split(':');
      this.jobs.push(new Cron(`${Number(mm)} ${Number(hh)} * * *`, { timezone: channel.timezone }, () => void this.runDue()));
    }
    void this.runDue();
  }

  stop(): void {
    this.stopped = true;
    for (const job of this.jobs) job.stop();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Posts to every channel whose local post time has come today and that has not had today's post. */
  async runDue(now = new Date()): Promise<void> {
    await Promise.all(this.options.channels.map((c) => this.runChannel(c, now, 0)));
  }

  private isDue(channel: ChannelSchedule, now: Date): string | undefined {
    const local = localTime(now, channel.timezone);
    if (local.minutes < minutesOf(channel.time)) return undefined;
    return this.state.posted[channelKey(channel)] === local.iso ? undefined : local.iso;
  }

  private async runChannel(channel: ChannelSchedule, now: Date, attempt: number): Promise<void> {
    const key = channelKey(channel);
    if (this.stopped || (attempt === 0 && this.busy.has(key))) return;
    const day = this.isDue(channel, now);
    if (!day) {
      this.busy.delete(key);
      return;
    }
    this.busy.add(key);
    const { log } = this.options;
    const local = localTime(now, channel.timezone).date;
    const answer = onThisDayPost(this.options.knowledge(), local, this.options.empty);
    try {
      if (answer) {
        const poster = this.options.posters[channel.platform];
        if (!poster) throw new Error(`no ${channel.platform} connection to post with`);
        await poster(channel.id, answer);
        log.info({ kind: 'onthisday', channel: key, day, facts: answer.facts.length }, 'posted');
      } else {
        log.info({ kind: 'onthisday', channel: key, day }, 'nothing on this day; skipped');
      }
      this.state.posted[key] = day;
      this.options.store.save(this.state);
      this.busy.delete(key);
    } catch (err) {
      const delay = Math.min((this.options.retryMs ?? 60_000) * 2 ** attempt, this.options.maxRetryMs ?? 30 * 60_000);
      log.warn({ kind: 'onthisday', channel: key, day, attempt: attempt + 1, retryInMs: delay, err }, 'post failed; will retry');
      // The retry asks again whether the post is due: past midnight it is not, and the day is not backfilled.
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.runChannel(channel, new Date(), attempt + 1);
      }, delay);
      this.timers.add(timer);
    }
  }
}
