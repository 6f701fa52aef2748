/**
 * Latency and top-1 agreement per kind of query, for the bot and for its peers on the same queries.
 * Each query is timed once, after a warm-up on other queries: a bot that has run a while has
 * compiled its code, but has not seen this question.
 */
import type { Answer } from '../src/answer/model.js';
import { ask } from '../src/ask.js';
import type { Fact } from '../src/facts/model.js';
import type { Knowledge } from '../src/knowledge.js';
import { complete } from '../src/search/complete.js';
import type { BenchQuery, Kind } from './queries.js';

export const ms = (n: number) => Math.round(n * 100) / 100;

export interface KindResult {
  p50: number;
  p99: number;
  max: number;
  n: number;
  /** Share of queries whose first result is the one intended, in percent. */
  top1?: number;
}

export function stats(samples: number[]): Omit<KindResult, 'top1'> {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: ms(at(0.5)), p99: ms(at(0.99)), max: ms(s.at(-1)!), n: s.length };
}

/** What a searcher gives for a query: the facts it ranks first, or the names it completes. */
export interface Searcher {
  /** The first fact, or (for a claim) the verdict; for autocomplete, the first name. */
  first(kind: Kind, q: BenchQuery): { fact?: Fact; verdict?: string; name?: string };
}

export function ours(k: Knowledge): Searcher {
  const today = { year: 2026, month: 6, day: 15 };
  return {
    first(kind, q) {
      if (kind === 'autocomplete') return { name: complete(k, q.text, ['country', 'treaty'], 25)[0]?.value };
      const a: Answer = ask(k, q.text, { today });
      const id = a.facts[0]?.id;
      return { ...(id ? { fact: k.base.fact(id) } : {}), ...(a.verdict ? { verdict: a.verdict } : {}) };
    },
  };
}

/** Whether the first result is what the query intends. A peer has no verdicts: its first fact must be the deciding one. */
export function agrees(kind: Kind, q: BenchQuery, got: ReturnType<Searcher['first']>, judges: boolean): boolean {
  if (kind === 'autocomplete') return got.name === q.name;
  if (kind === 'fact check' && judges) return got.verdict === q.verdict;
  return got.fact !== undefined && q.hits(got.fact);
}

export function measure(searcher: Searcher, queries: Record<Kind, BenchQuery[]>, warmup: Record<Kind, BenchQuery[]>, opts: { judges: boolean; limit?: number; onSample?: (kind: Kind, q: BenchQuery, ms: number) => void }): Record<string, KindResult> {
  const out: Record<string, KindResult> = {};
  for (const [kind, all] of Object.entries(queries) as [Kind, BenchQuery[]][]) {
    if (!all.length) continue;
    for (const q of warmup[kind].slice(0, Math.min(30, opts.limit ?? 30))) searcher.first(kind, q);
    const qs = all.slice(0, opts.limit ?? all.length);
    const samples: number[] = [];
    let hits = 0;
    for (const q of qs) {
      const t = performance.now();
      const got = searcher.first(kind, q);
      samples.push(performance.now() - t);
      opts.onSample?.(kind, q, samples.at(-1)!);
      if (agrees(kind, q, got, opts.judges)) hits++;
    }
    out[kind] = { ...stats(samples), top1: Math.round((1000 * hits) / qs.length) / 10 };
  }
  return out;
}
