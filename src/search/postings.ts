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
/**
 * Room for (term, frequency) pairs made at the start, per byte of text: the real base has one pair
 * per 14 bytes and the generated ones one per 18, so one per 4 grows only for text of very short words. Room
 * not written to costs no memory (fresh zeroed pages), and one array at a million facts is
 * large enough to go straight back to the system when freed, where blocks of a few megabytes stayed
 * with the allocator (about 50 MB of RSS after a build on a worker thread).
 */
const PAIRS_PER_BYTE = 1 / 4;

/**
 * What the postings are read from: every fact's texts as bytes and its names and labels as numbers,
 * in a few arrays that can be handed to a worker thread without copying (postings-thread.ts). A
 * million facts are about 270 MB of text: copied as strings to another thread they took seconds.
 */
export interface PostingsInput {
  facts: number;
  /**
   * Fact d's statement, quotes and value are bytes[textStart[3d + k]] up to textStart[3d + k + 1] for
   * k = 0, 1, 2 (TEXT_BOOSTS): UTF-8 of the text, or of its folded form where it is not ASCII. The
   * builder lower-cases them in place.
   */
  bytes: Uint8Array;
  textStart: Int32Array;
  /** Fact d names entities names[nameStart[d]] up to names[nameStart[d + 1]], by number; entity n's name and aliases are nameTexts[n]. */
  nameStart: Int32Array;
  names: Int32Array;
  nameTexts: string[];
  /** Fact d's tags, kind, status and relation are labels[labelStart[d]] up to labels[labelStart[d + 1]], numbers into labelTexts. */
  labelStart: Int32Array;
  labels: Int32Array;
  labelTexts: string[];
}

/** The three texts of a fact in `bytes`, in order, and their boosts. */
const TEXT_BOOSTS = [FIELDS.statement, FIELDS.quotes, FIELDS.extra] as const;

/** Flattens a fact base into what the postings are read from: one pass over the facts, no words read yet. */
export function postingsInput(base: FactBase): PostingsInput {
  const { facts } = base;
  const count = facts.length;
  // Room for every character as one byte, and for the longest text as three a character: each text
  // is written only where it would fit whole at three (below), so ASCII text never grows the buffer.
  let chars = 0;
  let longest = 0;
  const measure = (length: number) => {
    chars += length;
    longest = Math.max(longest, length);
  };
  for (const f of facts) {
    measure(f.statement.length);
    for (const s of f.sources) measure(s.quote.length + 1);
    if (f.value !== undefined) measure(String(f.value).length);
  }
  // Buffer.write puts a string's UTF-8 at an offset with no view made per text: two million texts at a million facts.
  // Never from Buffer's shared pool: the memory is handed to the worker whole.
  let bytes = Buffer.allocUnsafeSlow(chars + 3 * longest);
  let at = 0;
  const put = (text: string) => {
    if (at + text.length * 3 > bytes.length) bytes = growBuffer(bytes, at + text.length * 3);
    return bytes.write(text, at);
  };
  const write = (text: string) => {
    const written = put(text);
    // More bytes than characters: not ASCII, so folded first (accents, curly quotes), as queries are.
    at += written === text.length ? written : put(fold(text));
  };
  const textStart = new Int32Array(3 * count + 1);
  const nameStart = new Int32Array(count + 1);
  const names = new Int32List(Math.max(16, count * 2));
  const labelStart = new Int32Array(count + 1);
  const labels = new Int32List(Math.max(16, count * 4));
  const labelTexts: string[] = [];
  const labelNumbers = new Map<string, number>();
  const label = (text: string | undefined) => {
    if (text === undefined) return;
    let n = labelNumbers.get(text);
    if (n === undefined) labelNumbers.set(text, (n = labelTexts.push(text) - 1));
    labels.push(n);
  };
  const name = (n: number) => names.push(n);
  facts.forEach((fact, f) => {
    write(fact.statement);
    textStart[3 * f + 1] = at;
    for (const s of fact.sources) {
      write(s.quote);
      bytes[at++] = 32; // quotes apart: no word runs from one into the next
    }
    textStart[3 * f + 2] = at;
    if (fact.value !== undefined) write(String(fact.value));
    textStart[3 * f + 3] = at;
    // Dates are not indexed as words: date questions go to the date index, and a year in a
    // question is matched against the fact's date itself (see rankFacts).
    for (const tag of fact.tags) label(tag);
    label(fact.kind);
    label(fact.status);
    label(fact.relation);
    labelStart[f + 1] = labels.length;
    base.forEachNamed(f, name);
    // A source's own place, other than the fact's (rare): looked up by id.
    forEachOtherPlace(fact, (place) => {
      const n = base.entityNumberOf(place);
      if (n !== undefined) names.push(n);
    });
    nameStart[f + 1] = names.length;
  });
  const nameTexts = Array.from({ length: base.entityCount }, (_, n) => {
    const e = base.entity(base.entityIdOf(n));
    return e ? [e.name, ...e.aliases].join(' ') : '';
  });
  return { facts: count, bytes: bytes.subarray(0, at), textStart, nameStart, names: names.view(), nameTexts, labelStart, labels: labels.view(), labelTexts };
}

/** The postings of a fact base, built on this thread. */
export function buildPostings(base: FactBase): Postings {
  return postingsFrom(postingsInput(base));
}

export function postingsFrom(input: PostingsInput): Postings {
  const builder = new PostingsBuilder(input.facts, input.bytes.length);
  const { bytes, textStart, nameStart, names, labelStart, labels } = input;
  // Entity names and labels (kinds, relations, tags) recur across many facts: each is turned into
  // term numbers once, kept as runs of one typed array (at a million facts, reading one small array
  // per entity mention cost seconds).
  const runTerms = new Int32List(1 << 16);
  const runs = (texts: string[]) => {
    const at = new Int32Array(texts.length).fill(-1);
    const count = new Int32Array(texts.length);
    return (n: number, boost: number) => {
      if (at[n]! < 0) {
        const ids = builder.termIds(texts[n]!);
        at[n] = runTerms.length;
        count[n] = ids.length;
        for (const id of ids) runTerms.push(id);
      }
      for (let i = at[n]!, end = i + count[n]!; i < end; i++) builder.add(runTerms.at(i), boost);
    };
  };
  const addName = runs(input.nameTexts);
  const addLabel = runs(input.labelTexts);
  for (let f = 0; f < input.facts; f++) {
    for (let k = 0; k < 3; k++) builder.scan(bytes, textStart[3 * f + k]!, textStart[3 * f + k + 1]!, TEXT_BOOSTS[k]!);
    for (let i = labelStart[f]!; i < labelStart[f + 1]!; i++) addLabel(labels[i]!, FIELDS.extra);
    for (let i = nameStart[f]!; i < nameStart[f + 1]!; i++) addName(names[i]!, FIELDS.names);
    builder.endFact();
  }
  return builder.finish();
}

/** Reads facts one at a time (scan and add, then endFact), then lays out their postings. */
class PostingsBuilder {
  readonly vocab = new Vocabulary();
  private readonly words = new WordTable(this.vocab);
  private readonly lengths: Float32Array;
  // Every (term, frequency) pair of every fact in order; fact d's pairs start at pairStart[d].
  private pairTerms: Int32Array;
  private pairTfs: Uint16Array;
  private pairs = 0;
  private readonly pairStart: Int32Array;
  private doc = 0;
  // The current fact's frequencies by term number, the terms it has so far, and its length.
  private tf = new Float64Array(1 << 12);
  private seen = new Int32Array(256);
  private seenCount = 0;
  private length = 0;

  constructor(
    private readonly count: number,
    textBytes: number,
  ) {
    const room = Math.max(1 << 10, Math.ceil(textBytes * PAIRS_PER_BYTE) + count * 8);
    this.pairTerms = new Int32Array(room);
    this.pairTfs = new Uint16Array(room);
    this.lengths = new Float32Array(count);
    this.pairStart = new Int32Array(count + 1);
  }

  /** The term numbers of a text's words, stop words left out. */
  termIds(text: string): number[] {
    return terms(text).map((t) => this.vocab.id(t));
  }

  /** Adds every word of buf[from, to) to the current fact, lower-casing the bytes as it goes. */
  scan(buf: Uint8Array, from: number, to: number, boost: number): void {
    // Bytes, not the string: a word seen before is looked up by its bytes and makes no string at all.
    // A byte that is not ASCII (the folded text kept some) separates words, as in terms().
    const words = this.words;
    let start = -1;
    let hash = 0;
    for (let i = from; i <= to; i++) {
      let c = i < to ? buf[i]! : 32;
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
    if (pairs + seenCount > this.pairTerms.length) {
      this.pairTerms = grow(this.pairTerms, pairs + seenCount);
      this.pairTfs = grow(this.pairTfs, pairs + seenCount);
    }
    const { pairTerms, pairTfs } = this;
    for (let j = 0; j < seenCount; j++) {
      const id = seen[j]!;
      pairTerms[pairs] = id;
      pairTfs[pairs] = Math.min(TF_MAX, Math.round(tf[id]! * TF_SCALE));
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
    for (let j = 0; j < pairs; j++) offsets[pairTerms[j]! + 1]!++;
    for (let t = 0; t < vocab.length; t++) offsets[t + 1]! += offsets[t]!;
    const cursor = offsets.slice(0, vocab.length);
    const docs = new Int32Array(pairs);
    const tfs = new Uint16Array(pairs);
    for (let doc = 0; doc < count; doc++) {
      for (let j = pairStart[doc]!; j < pairStart[doc + 1]!; j++) {
        const at = cursor[pairTerms[j]!]!++;
        docs[at] = doc;
        tfs[at] = pairTfs[j]!;
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

function growBuffer(a: Buffer<ArrayBuffer>, atLeast: number): Buffer<ArrayBuffer> {
  const bigger = Buffer.allocUnsafeSlow(Math.max(atLeast, a.length * 2));
  a.copy(bigger);
  return bigger;
}

function grow<T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(a: T, atLeast: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(atLeast, a.length * 2));
  bigger.set(a);
  return bigger;
}
