/**
 * One copy of each repeated value, and one shape for every fact: what keeps a large fact base
 * small. A loaded base repeats the same few strings (kinds, relations, entity ids in `about`,
 * document ids, "Chapter 3") and the same dates across thousands of facts, each parsed as its
 * own copy; here each is kept once. Every fact gets the same fields in the same order (absent
 * ones undefined), so the engine gives all facts one hidden class and the index loops that read
 * them stay monomorphic. Facts are immutable, so sharing a value is safe.
 */
import type { DatePoint, FactDate } from './dates.js';
import type { Fact, Quote } from './model.js';

const NONE: readonly never[] = Object.freeze([]);

/** A date point as one number, yyyymmdd with 0 for a missing month or day. */
const pointKey = (p: DatePoint) => p.year * 10_000 + (p.month ?? 0) * 100 + (p.day ?? 0);

export class Compactor {
  private readonly strings = new Map<string, string>();
  private readonly dates = new Map<number, FactDate>();

  /** The one kept copy of an equal string. */
  text<T extends string | undefined>(s: T): T {
    if (s === undefined) return s;
    const kept = this.strings.get(s);
    if (kept !== undefined) return kept as T;
    this.strings.set(s, s);
    return s;
  }

  /** The one kept object of an equal date (start and end packed into one number as the key). */
  date(d: FactDate | undefined): FactDate | undefined {
    if (!d) return d;
    const k = pointKey(d.start) * 1e8 + (d.end ? pointKey(d.end) : 0);
    const kept = this.dates.get(k);
    if (kept) return kept;
    this.dates.set(k, d);
    return d;
  }

  private readonly lists = new Map<string, readonly string[]>();

  /** The one kept list of equal strings in equal order (tags: a few lists over thousands of facts, each an array of its own as parsed). */
  private list(xs: readonly string[]): string[] {
    if (!xs.length) return NONE as unknown as string[];
    const k = xs.join('\u0000');
    let kept = this.lists.get(k);
    if (!kept) this.lists.set(k, (kept = Object.freeze(xs.map((x) => this.text(x)))));
    return kept as string[];
  }

  private quote(s: Quote): Quote {
    return { doc: this.text(s.doc), quote: s.quote, where: this.text(s.where), date: this.date(s.date), place: this.text(s.place), value: s.value, origin: s.origin };
  }

  /** The compact copy of a fact, with its entity ids (about, place) already kept by the caller, which numbers them. */
  fact(f: Fact, about: string[], place: string | undefined): Fact {
    return {
      id: f.id,
      kind: this.text(f.kind),
      about: about.length ? about : (NONE as unknown as string[]),
      status: this.text(f.status),
      relation: this.text(f.relation),
      date: this.date(f.date),
      place,
      value: f.value,
      statement: f.statement,
      note: f.note,
      tags: this.list(f.tags),
      sources: f.sources.map((s) => this.quote(s)),
      origin: f.origin,
    };
  }
}
