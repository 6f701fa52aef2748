/**
 * Building the inverted index over facts, fast: at 100,000 facts this reads about five million
 * words, so the time per word is what counts.
 *
 * - Words are read straight off the text by character code and looked up by a hash of those
 *   codes, so a word seen before makes no string at all; each distinct word is folded, checked
 *   against the stop words and stemmed once (`terms()`, the same function queries use).
 * - Postings go into a few growing typed arrays, then are laid out term by term in one block
 *   (compressed sparse rows): no array per term, little for the garbage collector.
 */
import type { Fact, FactBase } from '../facts/model.js';
import { fold } from '../text/normalize.js';
import { terms } from '../text/terms.js';
import { Int32List } from '../ints.js';

/**
 * Term t's facts are docs[offsets[t]] up to docs[offsets[t + 1]], in fact order, with their
 * weighted frequencies in tfs, in tenths (TF_SCALE): every field boost is a whole number of
 * tenths, so the sums are exact, and two bytes a posting instead of four.
 */
export interface Postings {
  vocab: string[];
  offsets: Int32Array;
  docs: Int32Array;
  tfs: Uint16Array;
  /** Each fact's length in terms, for BM25's length normalisation. */
  lengths: Float32Array;
}

/** Field boosts: a word in the statement says more than the same word in a long quote. */
export const FIELDS = { statement: 2, names: 1.5, extra: 1.2, quotes: 1 } as const;
/** Stored frequencies are in tenths of a word: FIELDS are all whole tenths. */
export const TF_SCALE = 10;
/** The largest stored frequency (Uint16): a word 6,553 times in one fact, which no fact has. */
const TF_MAX = 0xffff;
/** Pairs are kept in blocks of this many, so a million facts' pairs are never copied to grow. */
const PAIR_BITS = 20;
const PAIR_BLOCK = 1 << PAIR_BITS;

const UTF8 = new TextEncoder();

export function buildPostings(base: FactBase): Postings {
  const builder = new PostingsBuilder(base.facts.length);
  // Entity names and labels (kinds, relations, tags) recur across many facts: each is turned into term numbers once.
  // An entity's name terms are nameTerms[nameAt[e]] on for nameCount[e], filled on first sight: typed
  // arrays, since at a million facts reading one small array per entity mention cost seconds.
  const nameAt = new Int32Array(base.entityCount).fill(-1);
  const nameCount = new Int32Array(base.entityCount);
  const nameTerms = new Int32List(1 << 16);
  const addName = (entity: number) => {
    if (nameAt[entity]! < 0) {
      const e = base.entity(base.entityIdOf(entity));
      const ids = e ? builder.termIds([e.name, ...e.aliases].join(' ')) : [];
      nameAt[entity] = nameTerms.length;
      nameCount[entity] = ids.length;
      for (const id of ids) nameTerms.push(id);
    }
    for (let i = nameAt[entity]!, end = i + nameCount[entity]!; i < end; i++) builder.add(nameTerms.at(i), FIELDS.names);
  };
  const labelIds = new Map<string, number[]>();
  const label = (text: string | undefined) => {
    if (text === undefined) return;
    let ids = labelIds.get(text);
    if (!ids) labelIds.set(text, (ids = builder.termIds(text)));
    for (const id of ids) builder.add(id, FIELDS.extra);
  };
  base.facts.forEach((fact, f) => {
    builder.scan(fact.statement, FIELDS.statement);
    for (const s of fact.sources) builder.scan(s.quote, FIELDS.quotes);
    // Dates are not indexed as words: date questions go to the date index, and a year in a
    // question is matched against the fact's date itself (see rankFacts).
    for (const tag of fact.tags) label(tag);
    label(fact.kind);
    label(fact.status);
    label(fact.relation);
    if (fact.value !== undefined) builder.scan(String(fact.value), FIELDS.extra);
    base.forEachNamed(f, addName);
    // A source's own place, other than the fact's (rare): looked up by id.
    forEachOtherPlace(fact, (place) => {
      const n = base.entityNumberOf(place);
      if (n !== undefined) addName(n);
    });
    builder.endFact();
  });
  return builder.finish();
}

/** Reads facts one at a time (scan and add, then endFact), then lays out their postings. */
class PostingsBuilder {
  readonly vocab = new Vocabulary();
  private readonly words = new WordTable(this.vocab);
  private readonly lengths: Float32Array;
  // Every (term, frequency) pair of every fact in order, in blocks of PAIR_BLOCK; fact d's pairs start at pairStart[d].
  private readonly pairTerms: Int32Array[] = [];
  private readonly pairTfs: Uint16Array[] = [];
  private pairs = 0;
  private readonly pairStart: Int32Array;
  private doc = 0;
  // The current fact's frequencies by term number, the terms it has so far, and its length.
  private tf = new Float64Array(1 << 12);
  private seen = new Int32Array(256);
  private seenCount = 0;
  private length = 0;

  constructor(private readonly count: number) {
    this.lengths = new Float32Array(count);
    this.pairStart = new Int32Array(count + 1);
  }

  /** The term numbers of a text's words, stop words left out. */
  termIds(text: string): number[] {
    return terms(text).map((t) => this.vocab.id(t));
  }

  /** Adds every word of the text to the current fact. */
  scan(raw: string, boost: number): void {
    // Read as bytes from one reused buffer: the loop then sees one kind of array, whatever kind
    // of string (flat, sliced, two-byte) the text was. More bytes than characters means non-ASCII
    // text, which is folded first (accents, curly quotes); a byte that is not ASCII separates words.
    let buf = this.encode(raw);
    if (this.written !== raw.length) buf = this.encode(fold(raw));
    const end = this.written;
    const words = this.words;
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= end; i++) {
      let c = i < end ? buf[i]! : 32;
      if (c >= 65 && c <= 90) buf[i] = c += 32; // A-Z to a-z, as toLowerCase does for ASCII
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (start < 0) {
          start = i;
          hash = 0x811c9dc5;
        }
        hash = Math.imul(hash ^ c, 0x01000193);
      } else if (start >= 0) {
        this.add(words.termOf(buf, start, i, hash), boost);
        start = -1;
      }
    }
  }

  private buf = new Uint8Array(1 << 12);
  private written = 0;

  private encode(text: string): Uint8Array {
    if (text.length * 3 > this.buf.length) this.buf = new Uint8Array(text.length * 6);
    this.written = UTF8.encodeInto(text, this.buf).written;
    return this.buf;
  }

  /** Counts a term (-1: a stop word, not counted) in the current fact. */
  add(id: number, boost: number): void {
    if (id < 0) return;
    if (id >= this.tf.length) this.tf = grow(this.tf, id + 1);
    if (this.tf[id] === 0) {
      if (this.seenCount === this.seen.length) this.seen = grow(this.seen, this.seenCount + 1);
      this.seen[this.seenCount++] = id;
    }
    this.tf[id]! += boost;
    this.length++;
  }

  endFact(): void {
    const { seen, seenCount, tf } = this;
    this.lengths[this.doc] = this.length;
    let pairs = this.pairs;
    for (let j = 0; j < seenCount; j++) {
      const id = seen[j]!;
      const block = pairs >>> PAIR_BITS;
      if (block === this.pairTerms.length) {
        this.pairTerms.push(new Int32Array(PAIR_BLOCK));
        this.pairTfs.push(new Uint16Array(PAIR_BLOCK));
      }
      this.pairTerms[block]![pairs & (PAIR_BLOCK - 1)] = id;
      this.pairTfs[block]![pairs & (PAIR_BLOCK - 1)] = Math.min(TF_MAX, Math.round(tf[id]! * TF_SCALE));
      pairs++;
      tf[id] = 0;
    }
    this.pairs = pairs;
    this.seenCount = 0;
    this.length = 0;
    this.pairStart[++this.doc] = pairs;
  }

  /** The pairs laid out term by term: count each term's facts, then place them. */
  finish(): Postings {
    const { pairTerms, pairTfs, pairStart, pairs, count } = this;
    const vocab = this.vocab.terms;
    const offsets = new Int32Array(vocab.length + 1);
    for (let j = 0; j < pairs; j++) offsets[pairTerms[j >>> PAIR_BITS]![j & (PAIR_BLOCK - 1)]! + 1]!++;
    for (let t = 0; t < vocab.length; t++) offsets[t + 1]! += offsets[t]!;
    const cursor = offsets.slice(0, vocab.length);
    const docs = new Int32Array(pairs);
    const tfs = new Uint16Array(pairs);
    for (let doc = 0; doc < count; doc++) {
      for (let j = pairStart[doc]!; j < pairStart[doc + 1]!; j++) {
        const at = cursor[pairTerms[j >>> PAIR_BITS]![j & (PAIR_BLOCK - 1)]!]!++;
        docs[at] = doc;
        tfs[at] = pairTfs[j >>> PAIR_BITS]![j & (PAIR_BLOCK - 1)]!;
      }
    }
    return { vocab, offsets, docs, tfs, lengths: this.lengths };
  }
}

/** The places a fact's sources give that it does not name itself, each once (no list made: this runs for every fact). */
function forEachOtherPlace(f: Fact, each: (id: string) => void): void {
  const { about, sources } = f;
  for (let i = 0; i < sources.length; i++) {
    const place = sources[i]!.place;
    if (place && place !== f.place && !about.includes(place) && sources.findIndex((s) => s.place === place) === i) each(place);
  }
}

/** Terms and their numbers, numbered as first seen. */
class Vocabulary {
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }
}

/**
 * Raw words (as read, ASCII case aside) to term numbers, -1 for a stop word, in an open-addressing
 * hash table keyed by the words' character codes: looking up a word seen before reads the text in place.
 */
class WordTable {
  private slots = new Int32Array(1 << 14).fill(-1);
  /** Word w's bytes are bytes[starts[w], starts[w + 1]). */
  private bytes = new Uint8Array(1 << 16);
  private starts = new Int32Array(1 << 13);
  private hashes = new Int32Array(1 << 13);
  private ids = new Int32Array(1 << 13);
  private count = 0;

  constructor(private readonly vocab: Vocabulary) {}

  /** The term number of the lower-case ASCII word buf[start, end), hashed as `hash`. */
  termOf(buf: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const w = this.slots[slot]!;
      if (w < 0) return this.insert(buf, start, end, hash, slot);
      if (this.hashes[w] === hash && this.sameWord(w, buf, start, end)) return this.ids[w]!;
    }
  }

  private sameWord(w: number, buf: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[w]!;
    if (this.starts[w + 1]! - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.bytes[from + i] !== buf[start + i]) return false;
    return true;
  }

  private insert(buf: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const t = terms(String.fromCharCode(...buf.subarray(start, end)));
    const id = t.length === 1 ? this.vocab.id(t[0]!) : -1;
    const w = this.count++;
    if (w + 2 > this.starts.length) {
      this.starts = grow(this.starts, w + 2);
      this.hashes = grow(this.hashes, w + 2);
      this.ids = grow(this.ids, w + 2);
    }
    const from = this.starts[w]!;
    if (from + end - start > this.bytes.length) this.bytes = grow(this.bytes, from + end - start);
    this.bytes.set(buf.subarray(start, end), from);
    this.starts[w + 1] = from + end - start;
    this.hashes[w] = hash;
    this.ids[w] = id;
    this.slots[slot] = w;
    // Kept at most half full, so a probe ends soon.
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let w = 0; w < this.count; w++) {
      let slot = this.hashes[w]! & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = w;
    }
  }
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(a: T, atLeast: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(atLeast, a.length * 2));
  bigger.set(a);
  return bigger;
}
