/**
 * npm run bench: prints a table and writes bench/results.json.
 * - the real fact base: cold `factbot ask` as a whole process, load + validate + index, memory;
 * - lookup latency p50/p99/max per kind of query, at the real base, 10,000 and 100,000 facts;
 * - a naive baseline on the same queries (one fuse.js over every field of every fact, default options);
 * - the Slack HTTP endpoint under load (autocannon, validly signed requests) and the Discord path.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Events } from 'discord.js';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { measure, ms, ours, type Searcher, stats } from './measure.js';
import { benchQueries, type BenchQuery, type Kind } from './queries.js';
import { createDiscordClient } from '../adapters/discord/client.js';
import { loadFactBase } from '../src/facts/load.js';
import type { FactBase } from '../src/facts/model.js';
import { Knowledge } from '../src/knowledge.js';
import { silentLogger } from '../src/log.js';
import { defaultSourcesDir, PACKAGE_ROOT } from '../src/paths.js';
import { FakeDiscord } from '../tests/fakes/discord.js';
import { FakeSlack, signSlack } from '../tests/fakes/slack.js';
import { timedFactBase } from './generate.js';
import { opsServer } from '../adapters/ops/http.js';
import { pageRoutes } from '../adapters/ops/pages.js';
import type { AddressInfo } from 'node:net';
import { HAVE_REDIS, RedisServer } from '../tests/redis.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'adapters', 'cli', 'main.js');
/** This file compiled (dist-bench/bench/): the bench runs the same compiled code as production. */
const HERE = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const mb = (n: number) => Math.round(n / 1e6);

/** Free text on the real base (the generator's event questions do not fit it): top-1 for these is the eval sets' job. */
const REAL_FREE_TEXT = ['who approves the sco budget', 'how many troops took part in interaction-2003', 'when was the shos forum founded', 'which religions does the cultural platform bring together'];

function queriesOf(k: Knowledge, perKind: number, seed: number): Record<Kind, BenchQuery[]> {
  const q = benchQueries(k, perKind, seed);
  if (!q['free text'].length) q['free text'] = REAL_FREE_TEXT.map((text) => ({ text, hits: () => true }));
  return q;
}

/** Where the run is, on stderr: a run at 100,000 facts and more takes many minutes. */
const started = performance.now();
const progress = (what: string) => console.error(`[bench ${Math.round((performance.now() - started) / 1000)} s] ${what}`);

/** The peers on the same facts and queries: MiniSearch as its README sets it up for search-as-you-type, and fuse.js with default options. */
function peers(base: FactBase, queries: Record<Kind, BenchQuery[]>, warmup: Record<Kind, BenchQuery[]>, limit: { minisearch: number; fuse: number }) {
  const rows = base.facts.map((f, i) => ({ id: i, statement: f.statement, quotes: f.sources.map((s) => s.quote).join(' '), about: f.about.map((id) => base.entityName(id)).join(' ') }));
  const names = [...base.entities.values()].filter((e) => e.type === 'country' || e.type === 'treaty').map((e, i) => ({ id: i, name: e.name, aliases: e.aliases.join(' ') }));
  /** A peer built and measured: its first fact for a question (command word dropped), its first name for a prefix. */
  const peer = (build: () => { fact: (q: string) => number | undefined; name: (q: string) => number | undefined }, limitPerKind: number) => {
    const t = performance.now();
    const search = build();
    const built = performance.now() - t;
    const searcher: Searcher = {
      first(kind, q) {
        const i = kind === 'autocomplete' ? search.name(q.text) : search.fact(q.text.replace(/^(check|member|onthisday)\s+/i, ''));
        if (i === undefined) return {};
        return kind === 'autocomplete' ? { name: names[i]!.name } : { fact: base.facts[i]! };
      },
    };
    return { build: ms(built), latency: measure(searcher, queries, warmup, { judges: false, limit: limitPerKind }) };
  };
  const out: Record<string, unknown> = {};
  out.minisearch = peer(() => {
    const facts = new MiniSearch({ fields: ['statement', 'quotes', 'about'], searchOptions: { fuzzy: 0.2, prefix: true, boost: { about: 2 } } });
    facts.addAll(rows);
    const byName = new MiniSearch({ fields: ['name', 'aliases'], searchOptions: { fuzzy: 0.2, prefix: true } });
    byName.addAll(names);
    return { fact: (q) => facts.search(q)[0]?.id as number | undefined, name: (q) => byName.search(q)[0]?.id as number | undefined };
  }, limit.minisearch);
  out.fuse = peer(() => {
    const facts = new Fuse(rows, { keys: ['statement', 'quotes', 'about'] });
    const byName = new Fuse(names, { keys: ['name', 'aliases'] });
    return { fact: (q) => facts.search(q, { limit: 1 })[0]?.item.id, name: (q) => byName.search(q, { limit: 1 })[0]?.item.id };
  }, limit.fuse);
  return out;
}

function memory() {
  global.gc?.();
  const m = process.memoryUsage();
  return { heapMB: mb(m.heapUsed), rssMB: mb(m.rss) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The Slack endpoint under load. The stand-in runs in a process of its own and each bot replica in
 * another, so the load generator, the stand-in and the bots do not share an event loop. Every
 * request is signed afresh with its own body (the bot answers a signed request once: a replay is
 * acknowledged and not answered, which would not measure the answer path).
 */
async function slackLoad(seconds: number, rate: number, replicas = 1, distinctUsers = false) {
  const standin = spawn(process.execPath, [join(HERE, 'slack-standin.js'), 'bench-secret'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [first] = (await once(standin.stdout!, 'data')) as [Buffer];
  const standinUrl = first.toString().trim();
  const redis = replicas > 1 ? await new RedisServer().start() : undefined;
  const ports = await Promise.all(Array.from({ length: replicas }, () => freePort()));
  const bots = ports.map((port) =>
    spawn(process.execPath, [CLI, 'start'], {
      env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-secret', PORT: String(port), SLACK_API_URL: `${standinUrl}/api/`, DISCORD_TOKEN: '', LOG_LEVEL: 'warn', REDIS_URL: redis?.url ?? '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  await new Promise((r) => setTimeout(r, 2500));
  const slack = new FakeSlack('bench-secret');
  slack.url = standinUrl;
  let n = 0;
  const one = (port: number, connections: number, share: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}/slack/events`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const body = new URLSearchParams({ ...slack.commandBody('member india'), trigger_id: `bench-${process.pid}-${n++}`, user_id: distinctUsers ? `U${n}` : `U${n % 50}` }).toString();
            const ts = Math.floor(Date.now() / 1000);
            return { ...req, body, headers: { ...req.headers, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signSlack('bench-secret', ts, body) } };
          },
        },
      ],
      duration: seconds,
      overallRate: Math.max(1, Math.round(rate / share)),
      connections,
    });
  // With several replicas the load is split evenly, as a load balancer would; the slowest replica's p99 is reported.
  const run = async (connections: number) => {
    const all = await Promise.all(ports.map((p) => one(p, Math.max(1, Math.round(connections / replicas)), replicas)));
    return {
      requests: { average: all.reduce((t, r) => t + r.requests.average, 0) },
      latency: { p50: Math.max(...all.map((r) => r.latency.p50)), p99: Math.max(...all.map((r) => r.latency.p99)), max: Math.max(...all.map((r) => r.latency.max)) },
      non2xx: all.reduce((t, r) => t + r.non2xx, 0),
      errors: all.reduce((t, r) => t + r.errors, 0),
    };
  };
  await run(4); // warm-up
  const out: Record<string, unknown> = { rateTarget: rate, seconds, replicas, redis: Boolean(redis), distinctUsers };
  for (const connections of [1, 4, 10]) {
    const r = await run(connections);
    out[`connections_${connections}`] = { requestsPerSec: Math.round(r.requests.average), ackP50ms: r.latency.p50, ackP99ms: r.latency.p99, ackMaxMs: r.latency.max, non2xx: r.non2xx, errors: r.errors };
  }
  // Every request signed, warm-up included: each should have had its answer posted.
  out.requestsSent = n;
  // A moment for the answers still in flight, then the stand-in counts what it got.
  await new Promise((r) => setTimeout(r, 1000));
  for (const bot of bots) bot.kill('SIGTERM');
  standin.kill('SIGTERM');
  const [last] = (await once(standin.stdout!, 'data')) as [Buffer];
  out.answersPostedToResponseUrl = (JSON.parse(last.toString()) as { responses: number }).responses;
  await redis?.stop();
  return out;
}

/**
 * The fact pages over HTTP on the real fact base: every fact's page, verdict pages and index
 * searches, one request at a time, timed from request to the last byte.
 */
async function pagesLoad(k: Knowledge) {
  const sourcesDir = existsSync(defaultSourcesDir()) ? defaultSourcesDir() : undefined;
  const server = opsServer(pageRoutes(() => k, { ...(sourcesDir ? { sourcesDir } : {}) }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const time = async (paths: string[]) => {
    const t: number[] = [];
    for (const path of paths) {
      const start = performance.now();
      const res = await fetch(`${base}${path}`);
      await res.text();
      t.push(performance.now() - start);
    }
    return stats(t);
  };
  const claims = ['India joined the SCO in 2015', 'RATS is based in Bishkek', 'the Charter was signed in 2002', 'Mongolia became an observer in 2004'];
  const out = {
    documents: Boolean(sourcesDir),
    fact: await time(k.base.facts.map((f) => `/facts/${encodeURIComponent(f.id)}`)),
    check: await time(Array.from({ length: 100 }, (_, i) => `/check?claim=${encodeURIComponent(claims[i % claims.length]!)}`)),
    index: await time(Array.from({ length: 100 }, (_, i) => `/?q=${encodeURIComponent(['what is RATS?', 'when did india join', 'treaty charter', 'date 2008'][i % 4]!)}`)),
  };
  server.close();
  return out;
}

async function discordPath(count: number, k: Knowledge) {
  const fake = await new FakeDiscord().start();
  const client = createDiscordClient({ config: { token: 'bench', apiUrl: fake.apiUrl }, knowledge: () => k, log: silentLogger() });
  const ready = new Promise<void>((r) => client.once(Events.ClientReady, () => r()));
  await client.login('bench');
  await ready;
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const payload = fake.chatInput('member', { country: 'India' });
    const t = performance.now();
    fake.dispatchInteraction(payload);
    await fake.waitFor(() => (fake.callbacksFor(payload).length ? true : undefined));
    samples.push(performance.now() - t);
  }
  await client.destroy();
  await fake.stop();
  return stats(samples);
}

/** The real fact base: cold `factbot ask` as whole processes, load, validate, index, memory, and the queries with the peers. */
async function realBase(perKind: number, quick: boolean): Promise<{ result: Record<string, unknown>; realK: Knowledge }> {
  progress('the real fact base');
  execFileSync(process.execPath, [CLI, 'index']);
  // A bare node beside each cold ask, run for run, so the ratio does not depend on how busy the machine is.
  const processMs = (args: string[], env?: NodeJS.ProcessEnv) => {
    const t = performance.now();
    execFileSync(process.execPath, args, env ? { env } : {});
    return performance.now() - t;
  };
  const cold: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    cold.push(processMs([CLI, 'ask', '--json', 'kazakstan']));
    bare.push(processMs(['-e', '0']));
  }
  const noCache = mkdtempSync(join(tmpdir(), 'bench-cache-'));
  const coldNoSnapshot = processMs([CLI, 'ask', '--json', 'kazakstan'], { ...process.env, FACTBOT_CACHE_DIR: noCache });
  let t = performance.now();
  const { base } = loadFactBase(join(PACKAGE_ROOT, 'facts'));
  const load = performance.now() - t;
  t = performance.now();
  const realK = await Knowledge.build(base);
  const index = performance.now() - t;
  const result: Record<string, unknown> = {
    facts: base.facts.length,
    coldAskProcess: stats(cold),
    bareNodeProcess: stats(bare),
    coldAskWithoutSnapshotMs: ms(coldNoSnapshot),
    loadAndValidateMs: ms(load),
    indexMs: ms(index),
    ...memory(),
  };
  {
    const queries = queriesOf(realK, perKind, 11);
    const warmup = queriesOf(realK, 30, 12);
    global.gc?.();
    Object.assign(result, { latency: measure(ours(realK), queries, warmup, { judges: true }), peers: peers(base, queries, warmup, { minisearch: perKind, fuse: perKind }) });
  }

  return { result, realK };
}

async function main() {
  const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, date: new Date().toISOString() };
  const perKind = quick ? 50 : 300;
  const scale = process.argv.includes('--scale');

  // 1. The real fact base (a --scale run is about the generated million alone).
  const { result: real, realK } = scale ? { result: undefined, realK: undefined } : await realBase(perKind, quick);
  if (real) results.real = real;

  // 2. Generated fact bases.
  for (const n of quick ? [10_000] : scale ? [1_000_000] : [10_000, 100_000]) {
    progress(`generating ${n} facts`);
    // Two steps of a load, timed apart: the base (compact copies, entity numbers) and the indexes.
    const { base: generated, baseMs: baseBuilt } = timedFactBase(n, 7);
    global.gc?.();
    const t = performance.now();
    const k = await Knowledge.build(generated);
    const built = performance.now() - t;
    progress(`base of ${n} facts in ${Math.round(baseBuilt)} ms, indexed in ${Math.round(built)} ms; drawing queries`);
    const queries = queriesOf(k, perKind, 11);
    const warmup = queriesOf(k, 30, 12);
    global.gc?.();
    progress('timing the bot');
    const lat = measure(ours(k), queries, warmup, { judges: true });
    progress('memory in a fresh process; then the peers');
    // Memory of this size alone, in a fresh process: this one also holds the other sizes' garbage.
    const mem = JSON.parse(execFileSync(process.execPath, ['--expose-gc', join(HERE, 'rss.js'), String(n)], { encoding: 'utf8' })) as { heapMB: number; arrayBuffersMB: number; rssMB: number; baseMs: number; indexMs: number; factsHeapMB: number; factsRssMB: number };
    // The peers are slow at this size: fewer of the same queries each (the count is in the results).
    const others = scale ? {} : peers(generated, queries, warmup, n >= 100_000 ? { minisearch: 40, fuse: 4 } : { minisearch: perKind, fuse: 40 });
    results[`generated_${n}`] = { facts: n, baseMs: ms(baseBuilt), indexMs: ms(built), baseMsFreshProcess: mem.baseMs, indexMsFreshProcess: mem.indexMs, heapMB: mem.heapMB, arrayBuffersMB: mem.arrayBuffersMB, rssMB: mem.rssMB, factsAloneHeapMB: mem.factsHeapMB, factsAloneRssMB: mem.factsRssMB, latency: lat, peers: others };
  }
  if (scale) {
    writeFileSync(join(PACKAGE_ROOT, 'bench', 'results-scale.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
    return;
  }

  // 3. Platforms.
  progress('platforms');
  results.slackHttp = await slackLoad(quick ? 5 : 10, 200);
  if (HAVE_REDIS) results.slackHttpTwoReplicas = await slackLoad(quick ? 5 : 10, 200, 2);
  // Every request from a user of its own, so none is rate-limited: each one is answered.
  results.slackHttpDistinctUsers = await slackLoad(quick ? 5 : 10, 2000, 1, true);
  results.discord = await discordPath(quick ? 50 : 200, realK!);
  results.pages = await pagesLoad(realK!);

  writeFileSync(join(PACKAGE_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
}

function printTable(r: Record<string, any>) {
  const line = (cells: (string | number)[]) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 18 : 30)).join(''));
  console.log(`\nreal fact base: ${r.real.facts} facts; cold \`factbot ask\` p50 ${r.real.coldAskProcess.p50} ms (bare node ${r.real.bareNodeProcess.p50} ms; no snapshot: ${r.real.coldAskWithoutSnapshotMs} ms); load+validate ${r.real.loadAndValidateMs} ms, index ${r.real.indexMs} ms; heap ${r.real.heapMB} MB, RSS ${r.real.rssMB} MB`);
  const sizes = ['real', ...Object.keys(r).filter((k) => k.startsWith('generated_'))];
  for (const key of sizes.slice(1)) {
    const g = r[key];
    console.log(`${g.facts} facts: base ${g.baseMs} ms, index ${g.indexMs} ms (fresh process ${g.baseMsFreshProcess} + ${g.indexMsFreshProcess} ms), heap ${g.heapMB} MB, RSS ${g.rssMB} MB (fresh process); MiniSearch build ${g.peers.minisearch?.build} ms, fuse.js ${g.peers.fuse?.build} ms`);
  }
  const cell = (x: any) => (x ? `${x.p50}/${x.p99} ms${x.top1 !== undefined ? ` ${x.top1}%` : ''}${x.n < 100 ? ` n=${x.n}` : ''}` : '-');
  for (const key of sizes) {
    console.log(`\n${key}: p50/p99 and top-1 — ours, MiniSearch, fuse.js`);
    for (const kind of Object.keys(r[key].latency)) line([kind, cell(r[key].latency[kind]), cell(r[key].peers.minisearch?.latency[kind]), cell(r[key].peers.fuse?.latency[kind])]);
  }
  for (const c of [1, 4, 10]) {
    const x = r.slackHttp[`connections_${c}`];
    console.log(`Slack /slack/events at ${r.slackHttp.rateTarget} req/s over ${c} connection(s): ${x.requestsPerSec} req/s, ack p50 ${x.ackP50ms} ms, p99 ${x.ackP99ms} ms, max ${x.ackMaxMs} ms, non-2xx ${x.non2xx}`);
  }
  for (const c of [1, 4, 10]) {
    const x = r.slackHttpDistinctUsers?.[`connections_${c}`];
    if (x) console.log(`Slack, a user per request (each answered), at up to ${r.slackHttpDistinctUsers.rateTarget} req/s over ${c} connection(s): ${x.requestsPerSec} req/s, ack p50 ${x.ackP50ms} ms, p99 ${x.ackP99ms} ms, non-2xx ${x.non2xx}`);
  }
  if (r.slackHttpDistinctUsers) console.log(`  answers posted to response_url: ${r.slackHttpDistinctUsers.answersPostedToResponseUrl} of ${r.slackHttpDistinctUsers.requestsSent} requests`);
  for (const c of [1, 4, 10]) {
    const x = r.slackHttpTwoReplicas?.[`connections_${c}`];
    if (x) console.log(`Slack, two replicas and Redis, at ${r.slackHttpTwoReplicas.rateTarget} req/s over ${c} connection(s): ${x.requestsPerSec} req/s, ack p50 ${x.ackP50ms} ms, p99 ${x.ackP99ms} ms, max ${x.ackMaxMs} ms, non-2xx ${x.non2xx}`);
  }
  if (r.pages) console.log(`Fact pages over HTTP (real base${r.pages.documents ? ', documents configured' : ''}): fact p50 ${r.pages.fact.p50} / p99 ${r.pages.fact.p99} ms (n=${r.pages.fact.n}); verdict p50 ${r.pages.check.p50} / p99 ${r.pages.check.p99} ms; index search p50 ${r.pages.index.p50} / p99 ${r.pages.index.p99} ms`);
  console.log(`Discord interaction → callback: p50 ${r.discord.p50} ms, p99 ${r.discord.p99} ms (n=${r.discord.n})`);
  console.log('\nwritten: bench/results.json');
}

void main();
