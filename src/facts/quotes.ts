/**
 * Checks that every quote appears word for word in the document it cites. Whitespace
 * and line breaks count as one space, and a word hyphenated across a line end may be
 * quoted whole ("organi-\nzation" matches "organization"); nothing else is forgiven.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactBase, Origin } from './model.js';

export interface QuoteFailure {
  origin: Origin;
  fact: string;
  doc: string;
  problem: string;
}

export interface QuoteReport {
  checked: number;
  failures: QuoteFailure[];
  /** Set when the documents were not there to check against (a user's own clone). */
  skipped?: string;
}

const spaces = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
/** Joins words broken by a hyphen at a line end, and drops soft hyphens. */
const unhyphenate = (s: string) => s.replace(/\u00ad/g, '').replace(/(\p{L})-[ \t]*\r?\n\s*(\p{L})/gu, '$1$2');

/** One document in both forms a quote may match. */
export class SourceText {
  readonly plain: string;
  readonly joined: string;
  constructor(raw: string) {
    this.plain = spaces(raw);
    this.joined = spaces(unhyphenate(raw));
  }

  contains(quote: string): boolean {
    const q = spaces(quote);
    return this.plain.includes(q) || this.joined.includes(q) || this.joined.includes(spaces(unhyphenate(quote)));
  }

  /** The quote in its context: the text around it, found as contains() finds it (whitespace as one space). */
  passage(quote: string, around = 400): { before: string; match: string; after: string } | undefined {
    for (const [text, q] of [[this.plain, spaces(quote)], [this.joined, spaces(quote)], [this.joined, spaces(unhyphenate(quote))]] as const) {
      const at = text.indexOf(q);
      if (at < 0) continue;
      const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - around)));
      const endSpace = text.indexOf(' ', Math.min(text.length, at + q.length + around));
      const end = endSpace < 0 ? text.length : endSpace;
      return { before: `${start > 0 ? '…' : ''}${text.slice(start, at).trimStart()}`, match: q, after: `${text.slice(at + q.length, end)}${end < text.length ? '…' : ''}` };
    }
    return undefined;
  }

  /** The longest start of the quote that the document has, to show where a quote goes wrong. */
  matchingPrefix(quote: string): string {
    const q = spaces(quote);
    let lo = 0;
    let hi = q.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const prefix = q.slice(0, mid);
      if (this.plain.includes(prefix) || this.joined.includes(prefix)) lo = mid;
      else hi = mid - 1;
    }
    return q.slice(0, lo);
  }
}

export function verifyQuotes(base: FactBase, sourcesDir: string): QuoteReport {
  if (!existsSync(sourcesDir)) {
    return { checked: 0, failures: [], skipped: `the source documents folder ${sourcesDir} is not here, so quotes were not checked against the documents` };
  }
  const texts = new Map<string, SourceText | string>();
  const textOf = (docId: string): SourceText | string => {
    let t = texts.get(docId);
    if (t === undefined) {
      const doc = base.documents.get(docId);
      const path = doc ? join(sourcesDir, doc.file) : '';
      t = doc && existsSync(path) ? new SourceText(readFileSync(path, 'utf8')) : `document file ${doc?.file ?? docId} is missing from ${sourcesDir}`;
      texts.set(docId, t);
    }
    return t;
  };

  const failures: QuoteFailure[] = [];
  let checked = 0;
  for (const fact of base.facts) {
    for (const s of fact.sources) {
      checked += 1;
      const text = textOf(s.doc);
      if (typeof text === 'string') {
        failures.push({ origin: s.origin, fact: fact.id, doc: s.doc, problem: text });
      } else if (!text.contains(s.quote)) {
        const prefix = text.matchingPrefix(s.quote);
        const rest = spaces(s.quote).slice(prefix.length, prefix.length + 40);
        failures.push({
          origin: s.origin,
          fact: fact.id,
          doc: s.doc,
          problem: prefix.length < 12
            ? `quote not found in ${s.doc}`
            : `quote not found in ${s.doc}: it matches up to "…${prefix.slice(-40)}" and then differs at "${rest}"`,
        });
      }
    }
  }
  return { checked, failures };
}

export function formatFailure(f: QuoteFailure): string {
  return `${f.origin.file}:${f.origin.line}: ${f.fact}.sources: ${f.problem}`;
}
