/** A fact base with the indexes built over it: what every command reads. Immutable once built. */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { readFactFiles } from './facts/files.js';
import { FactBase, type Entity, type Fact, type SourceDocument } from './facts/model.js';
import { PACKAGE_ROOT } from './paths.js';
import { NameCompleter } from './search/complete.js';
import { DateIndex } from './search/dates.js';
import { EntityIndex } from './search/entities.js';
import { FactIndex, type FactIndexSnapshot } from './search/facts.js';
import type { Postings } from './search/postings.js';
import { postingsOnThread } from './search/postings-thread.js';

import type { Lexicon } from './understand/route.js';
import { terms } from './text/terms.js';

export class Knowledge {
  readonly entities: EntityIndex;
  readonly facts: FactIndex;
  readonly dates: DateIndex;

  /** Builds what `built` does not bring (postings read from a snapshot or built on a thread; indexes built meanwhile). */
  constructor(
    readonly base: FactBase,
    built: { postings?: Postings; entities?: EntityIndex; dates?: DateIndex } = {},
  ) {
    this.entities = built.entities ?? new EntityIndex(base, isWordOf(() => this));
    this.facts = new FactIndex(base, built.postings);
    this.dates = built.dates ?? new DateIndex(base);
  }

  /**
   * The same knowledge, the postings built on a worker thread while this one builds the other
   * indexes, for a base large enough to gain (postings-thread.ts); built here if the thread fails.
   */
  static async build(base: FactBase, minFactsForThread?: number): Promise<Knowledge> {
    const postings = postingsOnThread(base, minFactsForThread);
    if (!postings) return new Knowledge(base);
    let knowledge: Knowledge | undefined;
    const entities = new EntityIndex(base, isWordOf(() => knowledge!));
    const dates = new DateIndex(base);
    const ready = await postings.catch(() => undefined);
    knowledge = new Knowledge(base, { postings: ready, entities, dates });
    return knowledge;
  }

  /** What the router reads from the fact base: the names a text gives, and the words the facts use. */
  readonly lexicon: Lexicon = {
    names: (text) => this.entities.mentions(text).map((m) => ({ id: m.entity.id, type: m.entity.type, start: m.start, end: m.end })),
    isWord: (word) => terms(word).every((t) => this.facts.has(t)),
  };

  private completer?: NameCompleter;
  /** Autocomplete's index, built on first use: a bot without autocomplete never needs it. */
  get names(): NameCompleter {
    this.completer ??= new NameCompleter(this.base, this.entities);
    return this.completer;
  }
}

/** Read at query time, once the fact index exists: a word the facts use is not a misspelt name. */
const isWordOf = (knowledge: () => Knowledge) => (word: string) => knowledge().lexicon.isWord(word);

/** Bump when the snapshot's shape or the indexing changes, so old snapshots are not read. */
const SNAPSHOT_FORMAT = 3;
const INDEX_CODE = ['./search/facts.js', './search/postings.js', './search/postings-worker.js', './text/terms.js', './text/normalize.js', './facts/load.js', './facts/schema.js'];

interface Snapshot {
  format: number;
  documents: SourceDocument[];
  entities: Entity[];
  facts: Fact[];
  index: FactIndexSnapshot;
}

export interface LoadOptions {
  /** Where validated, indexed fact bases are kept between runs; false to neither read nor write one. */
  cacheDir?: string | false;
  /** The fact files already read (name → text), when the caller has read them (a reload that waited for them to settle). */
  files?: Map<string, string>;
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.FACTBOT_CACHE_DIR || join(PACKAGE_ROOT, 'node_modules', '.cache', 'sco-factbot');
}

/**
 * Loads, validates (throwing FactBaseInvalid with every problem) and indexes a facts folder.
 * Parsing YAML and building the index take most of a cold start, so the result is kept
 * as a snapshot keyed by a hash of the files: the next process with the same files reads
 * that instead, and never sees a stale one.
 */
export async function loadKnowledge(factsDir: string, options: LoadOptions = {}): Promise<Knowledge> {
  const files = options.files ?? readFactFiles(factsDir);
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  const hash = createHash('sha256').update(`${SNAPSHOT_FORMAT}\n`);
  // The code that shapes the index is part of the key too: a new tokenizer must not read an old index.
  for (const module of INDEX_CODE) hash.update(readModule(module));
  for (const [name, text] of files) hash.update(`${name}\n${text.length}\n${text}`);
  const name = `knowledge-${hash.digest('hex').slice(0, 24)}.json`;
  // The cache folder, or the system's temporary folder where that one is read-only (a locked-down container).
  const places = cacheDir ? [join(cacheDir, name), join(tmpdir(), 'sco-factbot-cache', name)] : [];
  for (const file of places) {
    const snapshot = readSnapshot(file);
    if (snapshot) return new Knowledge(new FactBase(snapshot.documents, snapshot.entities, snapshot.facts), { postings: FactIndex.postingsOf(snapshot.index) });
  }
  // The YAML parser and schema library load only when there is something to parse.
  const { loadFactBase, FactBaseInvalid } = await import('./facts/load.js');
  const { base, issues } = loadFactBase(factsDir, files);
  if (issues.length) throw new FactBaseInvalid(issues);
  const knowledge = await Knowledge.build(base);
  if (places.length) writeSnapshot(places, { format: SNAPSHOT_FORMAT, documents: [...base.documents.values()], entities: [...base.entities.values()], facts: [...base.facts], index: knowledge.facts.snapshot() });
  return knowledge;
}

/** A module's own code, compiled (dist/*.js) or as source (src/*.ts, under the test runner). */
function readModule(path: string): Buffer {
  try {
    return readFileSync(new URL(path, import.meta.url));
  } catch {
    return readFileSync(new URL(path.replace(/\.js$/, '.ts'), import.meta.url));
  }
}

function readSnapshot(file: string): Snapshot | undefined {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    return s.format === SNAPSHOT_FORMAT ? s : undefined;
  } catch {
    return undefined; // absent or unreadable: build afresh
  }
}

/** Written to a temporary name and renamed, so a reader never sees half a file; a read-only disk is no error. */
function writeSnapshot(places: string[], snapshot: Snapshot): void {
  let text: string;
  try {
    text = JSON.stringify(snapshot);
  } catch {
    return; // too large for one string (V8 caps a string near 512 MB, about a million facts): each start builds afresh
  }
  for (const target of places) {
    try {
      mkdirSync(dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, target);
      // Snapshots of earlier fact files are dead weight now.
      for (const old of readdirSync(dirname(target))) {
        if (/^knowledge-[0-9a-f]+\.json$/.test(old) && old !== basename(target)) rmSync(join(dirname(target), old), { force: true });
      }
      return;
    } catch {
      // try the next place
    }
  }
}
