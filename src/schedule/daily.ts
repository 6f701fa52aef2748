/**
 * The daily "On this day" poster: exactly once per channel per local day. Croner wakes it at
 * each channel's local time in its time zone (daylight saving included); on start it also
 * checks at once, so a bot that was down at post time posts when it comes back that day.
 * A day that has passed is never posted late. A failed post is retried with backoff, and
 * each channel is on its own: one failing never holds up the others. Each post is claimed in
 * the state before the platform is called and marked posted after (state.ts), so no channel-day
 * is posted twice across stops, crashes and ambiguous failures.
 */
import { Cron } from 'croner';
import type { Answer } from '../answer/model.js';
import type { Knowledge } from '../knowledge.js';
import type { Logger } from '../log.js';
import type { ChannelSchedule, EmptyDay } from './config.js';
import { type LocalDate, onThisDayPost } from './post.js';
import type { StateStore } from './state.js';

/** Which daily post a message is: its channel and local day. Platforms carry it on the message. */
export interface PostTag {
  key: string;
  day: string;
}

/** One platform's side of the daily post. */
export interface Poster {
  /** Sends the post; resolves with the message id, throws when the platform refuses (or seems to). */
  post(channelId: string, answer: Answer, tag: PostTag): Promise<string | undefined>;
  /** The bot's own post with this tag (of this answer) in the channel, if it is there: its message id. */
  find(channelId: string, tag: PostTag, answer: Answer): Promise<string | undefined>;
}

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
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  private readonly state;
  /** The state was lost (a corrupt file): any channel may have had today's post already. */
  private readonly unsure: boolean;

  constructor(private readonly options: DailyOptions) {
    const loaded = options.store.load();
    this.state = loaded.state;
    this.unsure = loaded.problem !== undefined;
    if (loaded.problem) options.log.error({ kind: 'onthisday' }, loaded.problem);
  }

  start(): void {
    for (const channel of this.options.channels) {
      const [hh, mm] = channel.time.split(':');
      this.jobs.push(new Cron(`${Number(mm)} ${Number(hh)} * * *`, { timezone: channel.timezone }, () => void this.runDue()));
    }
    void this.runDue();
  }

  /** Throws when the state cannot be written: start-up checks this before relying on it. */
  ensureWritable(): void {
    try {
      this.options.store.save(this.state);
    } catch (err) {
      throw new Error(`the daily-post state is not writable: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** No new post starts; a post in flight finishes and is recorded (see idle()). */
  stop(): void {
    this.stopped = true;
    for (const job of this.jobs) job.stop();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Resolves when no post is in flight. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** Posts to every channel whose local post time has come today and that has not had today's post. */
  async runDue(now = new Date()): Promise<void> {
    await Promise.all(this.options.channels.map((c) => this.track(this.runChannel(c, now, 0))));
  }

  private track(p: Promise<void>): Promise<void> {
    this.running.add(p);
    const done = () => this.running.delete(p);
    p.then(done, done);
    return p;
  }

  /** Today's local day when the post time has come and today's post is not recorded as sent. */
  private isDue(channel: ChannelSchedule, now: Date): string | undefined {
    const local = localTime(now, channel.timezone);
    if (local.minutes < minutesOf(channel.time)) return undefined;
    const record = this.state.records[channelKey(channel)];
    return record?.day === local.iso && record.state === 'posted' ? undefined : local.iso;
  }

  private record(key: string, day: string, state: 'claimed' | 'posted', messageId?: string): void {
    this.state.records[key] = { day, state, at: new Date().toISOString(), ...(messageId ? { messageId } : {}) };
    this.options.store.save(this.state);
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
    const tag = { key, day };
    try {
      if (!answer) {
        this.record(key, day, 'posted');
        log.info({ kind: 'onthisday', channel: key, day }, 'nothing on this day; skipped');
        this.busy.delete(key);
        return;
      }
      const poster = this.options.posters[channel.platform];
      if (!poster) throw new Error(`no ${channel.platform} connection to post with`);
      // A claim from before (a stop, a crash, a post reported failed), or no state to go by: was it sent after all?
      const before = this.state.records[key];
      if ((before?.day === day && before.state === 'claimed') || (this.unsure && before?.day !== day)) {
        const found = await poster.find(channel.id, tag, answer);
        if (found) {
          this.record(key, day, 'posted', found);
          log.info({ kind: 'onthisday', channel: key, day, messageId: found }, 'already posted (found in the channel); not posting again');
          this.busy.delete(key);
          return;
        }
      }
      // Claimed before the call: if the claim cannot be written, nothing is posted (it could not be settled later).
      this.record(key, day, 'claimed');
      const messageId = await poster.post(channel.id, answer, tag);
      log.info({ kind: 'onthisday', channel: key, day, facts: answer.facts.length, messageId }, 'posted');
      try {
        this.record(key, day, 'posted', messageId);
      } catch (err) {
        // Posted, but not recorded: the claim on disk is settled from the channel after a restart.
        log.warn({ kind: 'onthisday', channel: key, day, err }, 'posted, but the record could not be written');
      }
      this.busy.delete(key);
    } catch (err) {
      const delay = Math.min((this.options.retryMs ?? 60_000) * 2 ** attempt, this.options.maxRetryMs ?? 30 * 60_000);
      log.warn({ kind: 'onthisday', channel: key, day, attempt: attempt + 1, retryInMs: delay, err }, 'post failed; will retry');
      // The retry asks again whether the post is due: past midnight it is not, and the day is not backfilled.
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.track(this.runChannel(channel, new Date(), attempt + 1));
      }, delay);
      this.timers.add(timer);
    }
  }
}
