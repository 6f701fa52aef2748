/**
 * Reads facts/*.yaml, validates every file and every item, and builds a FactBase.
 * Every problem in every file is collected, never just the first, and each one names
 * its file, line and field so a curator can go straight to it.
 */
import { isMap, isNode, isSeq, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import type { z } from 'zod';
import { parseFactDate, type FactDate } from './dates.js';
import { readFactFiles } from './files.js';
import { FactBase, type Entity, type Fact, type Origin, type Quote, type SourceDocument } from './model.js';
import { documentSchema, entitySchema, factSchema } from './schema.js';
// The key two aliases collide on: the same folding the alias map uses.
import { key as aliasKey } from '../text/normalize.js';

export interface LoadIssue {
  file: string;
  line: number;
  field: string;
  problem: string;
}

export interface LoadResult {
  /** Built from every item that passed its own checks, so one bad fact does not hide the rest. */
  base: FactBase;
  issues: LoadIssue[];
}

export const SOURCES_FILE = 'sources.yaml';

export function formatIssue(i: LoadIssue): string {
  return `${i.file}:${i.line}: ${i.field}: ${i.problem}`;
}

export class FactBaseInvalid extends Error {
  constructor(readonly issues: LoadIssue[]) {
    super(`the fact base has ${issues.length} problem(s):\n${issues.map(formatIssue).join('\n')}`);
  }
}

/** Loads and throws FactBaseInvalid listing every problem if there is any. */
export function loadFactBaseStrict(dir: string): FactBase {
  const { base, issues } = loadFactBase(dir);
  if (issues.length) throw new FactBaseInvalid(issues);
  return base;
}

interface ParsedFile {
  name: string;
  doc: YamlDocument;
  lines: LineCounter;
}

export function loadFactBase(dir: string, files?: Map<string, string>): LoadResult {
  const issues: LoadIssue[] = [];
  const sources = files ?? readFactFiles(dir);
  const documents: SourceDocument[] = [];
  const entities: Entity[] = [];
  const facts: Fact[] = [];

  for (const [name, text] of sources) {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const file: ParsedFile = { name, doc, lines };
    if (doc.errors.length) {
      for (const e of doc.errors) {
        // Without prettyErrors the parser gives offsets, not lines: the line counter turns them into lines.
        const line = e.linePos?.[0]?.line ?? (e.pos?.[0] !== undefined ? lines.linePos(e.pos[0]).line : 1);
        issues.push({ file: name, line, field: '(yaml)', problem: e.message.split('\n')[0] ?? e.message });
      }
      continue;
    }
    const root = doc.contents;
    if (root === null) continue; // an empty file is allowed
    if (!isMap(root)) {
      issues.push({ file: name, line: 1, field: '(file)', problem: 'must be a mapping with `entities:` and/or `facts:`' });
      continue;
    }
    const allowed = name === SOURCES_FILE ? ['documents'] : ['entities', 'facts'];
    for (const pair of root.items) {
      const k = String((pair.key as { value?: unknown })?.value ?? pair.key);
      const keyStart = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
      const line = keyStart === undefined ? lineOf(file, [k]) : lines.linePos(keyStart).line;
      if (!allowed.includes(k)) issues.push({ file: name, line, field: k, problem: `unknown section; expected ${allowed.join(' or ')}` });
    }
    for (const section of allowed) {
      const seq = doc.get(section, true);
      if (seq === undefined || seq === null) continue;
      if (!isSeq(seq)) {
        issues.push({ file: name, line: lineOf(file, [section]), field: section, problem: 'must be a list' });
        continue;
      }
      seq.items.forEach((_, index) => {
        const path = [section, index];
        const node = doc.getIn(path, true);
        const raw: unknown = isNode(node) ? node.toJS(doc) : node;
        if (section === 'documents') {
          const d = check(documentSchema, raw, file, path, issues);
          if (d) documents.push(d);
        } else if (section === 'entities') {
          const e = check(entitySchema, raw, file, path, issues);
          if (e) entities.push({ ...e, origin: at(file, path) });
        } else {
          const f = check(factSchema, raw, file, path, issues);
          if (f) facts.push(toFact(f, file, path));
        }
      });
    }
  }

  const broken = crossCheck(documents, entities, facts, issues);
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { base: new FactBase(documents, entities, facts.filter((f) => !broken.has(f))), issues };
}

function at(file: ParsedFile, path: (string | number)[]): Origin {
  return { file: file.name, line: lineOf(file, path) };
}

/** The line of the deepest node on the path that exists (a missing key points at its parent). */
function lineOf(file: ParsedFile, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? file.doc.contents : file.doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return file.lines.linePos(range[0]).line;
    // For a key whose value is null the pair has no range; fall back to the parent.
  }
  return 1;
}

function fieldName(raw: unknown, path: (string | number)[]): string {
  const [section, index, ...rest] = path;
  const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
  const head = id ?? `${String(section)}[${String(index)}]`;
  const tail = rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
  return head + tail;
}

function check<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  file: ParsedFile,
  path: (string | number)[],
  issues: LoadIssue[],
): z.infer<T> | undefined {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const full = [...path, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    issues.push({ file: file.name, line: lineOf(file, full), field: fieldName(raw, full), problem: describe(issue) });
  }
  return undefined;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing';
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return issue.message;
}

function toFact(f: ReturnType<typeof factSchema.parse>, file: ParsedFile, path: (string | number)[]): Fact {
  const date = f.date === undefined ? undefined : (parseFactDate(f.date) as FactDate);
  const sources: Quote[] = f.sources.map((s, i) => ({
    doc: s.doc,
    quote: s.quote,
    where: s.where,
    ...(s.date !== undefined ? { date: parseFactDate(s.date) as FactDate } : {}),
    ...(s.place !== undefined ? { place: s.place } : {}),
    ...(s.value !== undefined ? { value: s.value } : {}),
    origin: at(file, [...path, 'sources', i, 'quote']),
  }));
  return {
    id: f.id,
    kind: f.kind,
    about: f.about,
    ...(f.status ? { status: f.status } : {}),
    ...(f.relation ? { relation: f.relation } : {}),
    ...(date ? { date } : {}),
    ...(f.place ? { place: f.place } : {}),
    ...(f.value !== undefined ? { value: f.value } : {}),
    statement: f.statement,
    ...(f.note ? { note: f.note } : {}),
    tags: f.tags,
    sources,
    origin: at(file, path),
  };
}

/**
 * Rules that span files: unique ids and aliases, references that resolve.
 * Returns the facts that cannot be used (reported, and left out of the base).
 */
function crossCheck(documents: SourceDocument[], entities: Entity[], facts: Fact[], issues: LoadIssue[]): Set<Fact> {
  const brokenFacts = new Set<Fact>();
  const docIds = new Set(documents.map((d) => d.id));
  if (!documents.length) issues.push({ file: SOURCES_FILE, line: 1, field: 'documents', problem: 'no source documents are defined' });

  const entityAt = new Map<string, Origin>();
  for (const e of entities) {
    const first = entityAt.get(e.id);
    if (first) issues.push({ ...e.origin, field: `${e.id}.id`, problem: `duplicate entity id; first defined at ${first.file}:${first.line}` });
    else entityAt.set(e.id, e.origin);
  }

  // Two entities answering to one name would make lookups a coin toss.
  const aliasOwner = new Map<string, Entity>();
  for (const e of entities) {
    for (const name of new Set([e.name, ...e.aliases].map(aliasKey))) {
      const owner = aliasOwner.get(name);
      if (owner && owner.id !== e.id) {
        issues.push({ ...e.origin, field: `${e.id}.aliases`, problem: `"${name}" also names ${owner.id} (${owner.origin.file}:${owner.origin.line})` });
      } else aliasOwner.set(name, e);
    }
  }

  const types = new Map(entities.map((e) => [e.id, e.type]));
  for (const e of entities) {
    if (e.in === undefined) continue;
    if (e.type !== 'place') issues.push({ ...e.origin, field: `${e.id}.in`, problem: 'only a place lies in a country' });
    else if (types.get(e.in) !== 'country') issues.push({ ...e.origin, field: `${e.id}.in`, problem: `"${e.in}" is not a country` });
  }

  // "SCO Secretariat in Beijing" as a name would swallow the place of every claim about the Secretariat.
  const placeNames = new Set(entities.filter((e) => e.type === 'place' || e.type === 'country').flatMap((e) => [e.name, ...e.aliases].map(aliasKey)));
  for (const e of entities) {
    if (e.type === 'place' || e.type === 'event') continue;
    for (const alias of e.aliases) {
      const tail = / (?:in|at) (.+)$/.exec(aliasKey(alias));
      if (tail && placeNames.has(tail[1]!)) issues.push({ ...e.origin, field: `${e.id}.aliases`, problem: `"${alias}" ends with a place: a claim's place would be read as part of the name` });
    }
  }

  const factAt = new Map<string, Origin>();
  for (const f of facts) {
    const first = factAt.get(f.id);
    if (first) {
      issues.push({ ...f.origin, field: `${f.id}.id`, problem: `duplicate fact id; first defined at ${first.file}:${first.line}` });
      brokenFacts.add(f);
    } else factAt.set(f.id, f.origin);
    const refs: [string, string][] = [
      ...f.about.map((id, i) => [`about[${i}]`, id] as [string, string]),
      ...(f.place ? [['place', f.place] as [string, string]] : []),
    ];
    for (const [field, id] of refs) {
      if (!entityAt.has(id)) {
        issues.push({ ...f.origin, field: `${f.id}.${field}`, problem: `unknown entity "${id}"` });
        brokenFacts.add(f);
      }
    }
    f.sources.forEach((s, i) => {
      if (!docIds.has(s.doc)) {
        issues.push({ ...s.origin, field: `${f.id}.sources[${i}].doc`, problem: `unknown document "${s.doc}"; known: ${[...docIds].join(', ')}` });
        brokenFacts.add(f);
      }
      if (s.place && !entityAt.has(s.place)) {
        issues.push({ ...s.origin, field: `${f.id}.sources[${i}].place`, problem: `unknown entity "${s.place}"` });
        brokenFacts.add(f);
      }
    });
  }
  return brokenFacts;
}
