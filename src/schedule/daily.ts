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
import { type ClaimStore, LocalClaims } from './claims.js';
import { InFlight } from '../inflight.js';

/** How long a replica's claim on a post is honoured before another takes it over. */
export const DEFAULT_CLAIM_TIMEOUT_MS = 10 * 60_000;

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
  /** The state file of one process (wrapped in LocalClaims), or `claims` shared by replicas. */
  store?: StateStore;
  claims?: ClaimStore;
  /** How long another replica's claim is left alone before it is taken over (its holder may have died). */
  claimTimeoutMs?: number;
  log: Logger;
  /** First retry after this many ms, doubling up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** What time it is; retries and look-agains ask it too, so a run never mixes two clocks. */
  clock?: () => Date;
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
  private readonly running = new InFlight();
  private stopped = false;
  private readonly claims: ClaimStore;
  private readonly now: () => Date;

  constructor(private readonly options: DailyOptions) {
    if (!options.claims && !options.store) throw new Error('DailyPoster needs a state store or shared claims');
    this.claims = options.claims ?? new LocalClaims(options.store!);
    this.now = options.clock ?? (() => new Date());
    if (this.claims.problem) options.log.error({ kind: 'onthisday' }, this.claims.problem);
  }

  /** Throws when the state cannot be written: start-up checks this before relying on it. */
  async ensureWritable(): Promise<void> {
    try {
      await this.claims.ensureWritable();
    } catch (err) {
      throw new Error(`the daily-post state is not writable: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  start(): void {
    for (const channel of this.options.channels) {
      const [hh, mm] = channel.time.split(':');
      this.jobs.push(new Cron(`${Number(mm)} ${Number(hh)} * * *`, { timezone: channel.timezone }, () => void this.runDue()));
    }
    void this.runDue();
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
    await this.running.drain();
  }

  /** Posts to every channel whose local post time has come today and that has not had today's post. */
  async runDue(now = this.now()): Promise<void> {
    await Promise.all(this.options.channels.map((c) => this.running.run(() => this.runChannel(c, now, 0))));
  }

  /** Today's local day when the post time has come and this process has not settled today's post. */
  private isDue(channel: ChannelSchedule, now: Date): string | undefined {
    const local = localTime(now, channel.timezone);
    if (local.minutes < minutesOf(channel.time)) return undefined;
    return this.done.get(channelKey(channel)) === local.iso ? undefined : local.iso;
  }

  /** Runs the channel again after a delay; the run asks again whether the post is due (past midnight it is not). */
  private later(channel: ChannelSchedule, delayMs: number, attempt: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.running.run(() => this.runChannel(channel, this.now(), attempt));
    }, delayMs);
    this.timers.add(timer);
  }

  /** Channel-days this process knows are settled (posted, by it or another), so it does not ask again. */
  private readonly done = new Map<string, string>();

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
      const claim = await this.claims.claim(key, day);
      if (claim === 'posted') {
        this.done.set(key, day);
        this.busy.delete(key);
        return;
      }
      if (claim === 'held') {
        // Another replica is posting: look again once its claim would have expired.
        log.info({ kind: 'onthisday', channel: key, day }, 'another replica holds the post; will look again');
        this.later(channel, this.options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS, 0);
        return;
      }
      if (!answer) {
        await this.claims.posted(key, day);
        this.done.set(key, day);
        log.info({ kind: 'onthisday', channel: key, day }, 'nothing on this day; skipped');
        this.busy.delete(key);
        return;
      }
      const poster = this.options.posters[channel.platform];
      if (!poster) throw new Error(`no ${channel.platform} connection to post with`);
      // An earlier claim never marked posted: was it sent after all?
      if (claim === 'unsure') {
        const found = await poster.find(channel.id, tag, answer);
        if (found) {
          await this.claims.posted(key, day, found);
          this.done.set(key, day);
          log.info({ kind: 'onthisday', channel: key, day, messageId: found }, 'already posted (found in the channel); not posting again');
          this.busy.delete(key);
          return;
        }
      }
      const messageId = await poster.post(channel.id, answer, tag);
      this.done.set(key, day);
      log.info({ kind: 'onthisday', channel: key, day, facts: answer.facts.length, messageId }, 'posted');
      try {
        await this.claims.posted(key, day, messageId);
      } catch (err) {
        // Posted, but not recorded: the claim left is settled from the channel by whoever looks next.
        log.warn({ kind: 'onthisday', channel: key, day, err }, 'posted, but the record could not be written');
      }
      this.busy.delete(key);
    } catch (err) {
      const delay = Math.min((this.options.retryMs ?? 60_000) * 2 ** attempt, this.options.maxRetryMs ?? 30 * 60_000);
      log.warn({ kind: 'onthisday', channel: key, day, attempt: attempt + 1, retryInMs: delay, err }, 'post failed; will retry');
      // The retry asks again whether the post is due: past midnight it is not, and the day is not backfilled.
      this.later(channel, delay, attempt + 1);
    }
  }
}
