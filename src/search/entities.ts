/**
 * Finding the entities a text names: an exact alias map over word n-grams first, then
 * near spellings for typos ("Kazakstan", "Kirgyzstan", "Tashkient").
 *
 * The near-spelling search started as fuse.js over every alias; at 100,000 facts (about
 * 60,000 aliases) that took ~50 ms a query and over a second for a sentence (bench/). It is
 * now an edit-distance search over aliases bucketed by first letter: the same answers on
 * the eval sets, well under a millisecond.
 */
import { distance } from 'fastest-levenshtein';
import { MONTHS } from '../facts/dates.js';
import type { Entity, FactBase } from '../facts/model.js';
import { key } from '../text/normalize.js';
import { allowedEdits, NearIndex, typoSteps } from '../text/near.js';
import { slipCost } from '../text/typing.js';
import { JoinedTexts } from './joined.js';
import { STOP_WORDS } from '../text/terms.js';

export interface EntityMention {
  entity: Entity;
  /** The words of the text that named it. */
  text: string;
  /** Word positions [start, end) in the query's key. */
  start: number;
  end: number;
  exact: boolean;
  /** 0 for an exact alias, up to 1 for a weak near match. */
  score: number;
}

interface AliasEntry {
  id: string;
  type: Entity['type'];
  alias: string;
  /** How many words the alias has. */
  words: number;
  /** Its place in `aliases`, to keep suggestions in one order however they were found. */
  order: number;
}

/** Names that hold the text, at most, offered as suggestions: more are no help. */
const INSIDE_LIMIT = 50;
/** A word more names have than this tells none of them apart: it suggests only those with another word of the text. */
const DISTINCTIVE_WORD_LIMIT = 50;
/** Words a typo or two from a word of the text that suggest names, closest first. */
const NEAR_WORDS = 30;
/** Names within a few typos of a text that `fuzzy` weighs, closest first. */
const FUZZY_CANDIDATES = 50;

/**
 * A word of a name typed exactly, that few names have, says which name is meant: the name's other
 * words may then have this many typos more each ("Janng Zemin", "SCO Energy Clluub"), within the
 * whole name's own limit.
 */
const ANCHORED_EXTRA_EDITS = 1;

/** Shortest word of a name that suggests the name when typed exactly ("Roy" of "Roy Allison"). */
const MIN_SUGGESTING_WORD = 3;

/**
 * Words that are names of nothing by themselves, even when a near match says so. Month names
 * are dates, which the date reader takes: "November" is not a misspelt "Novekbek".
 */
export const GENERIC_WORDS = new Set([
  ...STOP_WORDS, ...MONTHS.map((m) => m.toLowerCase()), 'member', 'members', 'state', 'states', 'council', 'summit', 'summits', 'treaty', 'treaties', 'agreement', 'agreements',
  'convention', 'declaration', 'protocol', 'programme', 'program', 'strategy', 'concept', 'year', 'first', 'meeting', 'meetings',
  'countries', 'country', 'status', 'observer', 'observers', 'partner', 'partners', 'dialogue', 'signed', 'when', 'where',
]);

/** Edit distance to the whole alias or to its closest run of as many words as the text has ("chartr" ~ "sco charter"). */
function closestDistance(alias: string, text: string): number {
  let best = distance(alias, text);
  const words = alias.split(' ');
  const n = text.split(' ').length;
  for (let i = 0; i + n <= words.length && words.length > n; i++) best = Math.min(best, distance(words.slice(i, i + n).join(' '), text));
  return best;
}

/** A stop word at either end of a reading must be the name's own first or last word. */
function edgesFit(alias: string, first: string, last: string): boolean {
  const words = alias.split(' ');
  return (!STOP_WORDS.has(first) || words[0] === first) && (!STOP_WORDS.has(last) || words.at(-1) === last);
}

/**
 * Word for word, no word more typos away than a word of its length may be (one at least): a
 * name's typos are spread as a person's are, not piled into one word ("ministries" is not
 * "ministers", "set" not "caec").
 */
function wordsFit(alias: string, words: string[], loosened: (typed: string) => boolean): boolean {
  return alias.split(' ').every((w, i) => {
    if (w === words[i]) return true;
    const limit = Math.max(1, allowedEdits(w.length)) + (loosened(words[i]!) ? ANCHORED_EXTRA_EDITS : 0);
    return typoSteps(w, words[i]!, limit) <= limit;
  });
}

/** True when the name has this word, whole (no string made: it runs over thousands of names). */
function hasWord(alias: string, word: string): boolean {
  for (let i = alias.indexOf(word); i >= 0; i = alias.indexOf(word, i + 1)) {
    const end = i + word.length;
    if ((i === 0 || alias.charCodeAt(i - 1) === 32) && (end === alias.length || alias.charCodeAt(end) === 32)) return true;
  }
  return false;
}

/** The numbers in a text, in order: a name's years are typed as they are or it is another name ("SCO summit 2019"). */
const numbersOf = (text: string) => text.split(' ').filter((w) => /\d/.test(w)).join(' ');

export class EntityIndex {
  private readonly aliasToId = new Map<string, string>();
  private readonly near = new NearIndex<AliasEntry>();
  private readonly base: FactBase;
  /** The most words a name has: no longer run of the text is read as one (treaty titles run to 16). */
  private longestName = 1;
  /** Every whole alias with its folded key, for scans such as autocomplete. */
  readonly aliases: AliasEntry[] = [];

  constructor(
    base: FactBase,
    /** True for a word the fact base uses (in any text): it is that word, not a typo. */
    private readonly isWord: (word: string) => boolean = () => false,
  ) {
    this.base = base;
    this.aliasStart = new Int32Array(base.entityCount);
    this.aliasCount = new Int32Array(base.entityCount);
    for (const e of base.entities.values()) {
      const number = base.entityNumberOf(e.id)!;
      this.aliasStart[number] = this.aliases.length;
      for (const alias of [e.name, ...e.aliases]) {
        const k = key(alias);
        if (!k || this.aliasToId.has(k)) continue;
        this.aliasToId.set(k, e.id);
        const words = k.split(' ');
        const entry = { id: e.id, type: e.type, alias: k, words: words.length, order: this.aliases.length };
        this.longestName = Math.max(this.longestName, words.length);
        this.aliases.push(entry);
        this.aliasCount[number]!++;
        this.near.add(k, entry);
        if (words.length > 1) for (const w of new Set(words)) if (w.length >= MIN_SUGGESTING_WORD && !GENERIC_WORDS.has(w)) this.near.add(w, entry);
      }
    }
  }

  /** The entity an exact alias names, after folding. */
  exact(text: string): Entity | undefined {
    const id = this.aliasToId.get(key(text));
    return id ? this.base.entity(id) : undefined;
  }

  /**
   * Entities whose names are within a few typos of the text, closest first: for "did you mean",
   * autocomplete and misspelt commands. `extraEdits` loosens it for suggestions, which also accept
   * a name inside the word ("Kazakhstanistan").
   */
  fuzzy(text: string, limit = 5, filter?: (e: Entity) => boolean, extraEdits = 0, inside = extraEdits > 0): { entity: Entity; score: number }[] {
    const q = key(text);
    if (!q) return [];
    const allowed = allowedEdits(q.length, extraEdits);
    const best = new Map<string, number>();
    const consider = (id: string, edits: number) => {
      const entity = this.base.entity(id);
      if (!entity || (filter && !filter(entity))) return;
      const score = edits / Math.max(q.length, 1);
      if (score < (best.get(id) ?? Infinity)) best.set(id, score);
    };
    // Candidates share a first letter with the text or with one of its words.
    for (const word of new Set([q, ...q.split(' ')])) {
      const candidates = this.near.near(word, allowedEdits(word.length, extraEdits), FUZZY_CANDIDATES).flatMap((m) => m.values);
      for (const c of candidates.slice(0, FUZZY_CANDIDATES)) {
        const edits = closestDistance(c.alias, q);
        if (edits <= allowed) consider(c.id, edits);
      }
    }
    if (inside && q.length >= 4) {
      // A name inside the text ("kazakhstanistan"): the text's substrings looked up as aliases.
      for (let from = 0; from + 4 <= q.length; from++) {
        for (let to = from + 4; to <= q.length; to++) {
          const id = this.aliasToId.get(q.slice(from, to));
          if (id) consider(id, (q.length - (to - from)) / 2);
        }
      }
      // The text inside a name ("kazakh"): one native search through every alias joined.
      this.joined ??= new JoinedTexts(this.aliases.map((a) => a.alias));
      this.joined.holding(
        q,
        (i) => {
          const a = this.aliases[i]!;
          consider(a.id, Math.abs(a.alias.length - q.length) / 2);
        },
        INSIDE_LIMIT,
      );
    }
    return [...best]
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit)
      .map(([id, score]) => ({ entity: this.base.entity(id)!, score }));
  }

  /**
   * Every entity named in the text, longest match first and without overlaps.
   * Exact n-grams win; single words and pairs left over get a strict near-spelling pass.
   */
  mentions(text: string): EntityMention[] {
    // One question asks for its mentions several times (routing, then the command): remember the last few.
    const cached = this.recent.get(text);
    if (cached) return cached;
    const found = this.findMentions(text);
    if (this.recent.size >= 64) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(text, found);
    return found;
  }

  private readonly recent = new Map<string, EntityMention[]>();
  /** Every alias joined, for a search inside them: built on first use. */
  private joined?: JoinedTexts;
  /**
   * Entity number n's aliases are aliases[aliasStart[n]] on for aliasCount[n] (each entity's are
   * added together): two numbers an entity, where a map of lists was about 19 MB at a million facts.
   */
  private readonly aliasStart: Int32Array;
  private readonly aliasCount: Int32Array;

  private aliasesOf(id: string): AliasEntry[] {
    const n = this.base.entityNumberOf(id);
    return n === undefined ? [] : this.aliases.slice(this.aliasStart[n], this.aliasStart[n]! + this.aliasCount[n]!);
  }

  /**
   * The aliases a word of the text suggests: those that have the word (unless too many do for it
   * to tell them apart: "cooperation"), and those with a word a typo or two from it.
   */
  private suggested(word: string, others: readonly string[]): AliasEntry[] {
    if (/\d/.test(word) || GENERIC_WORDS.has(word)) return [];
    const out: AliasEntry[] = [];
    // A word too many names have tells none apart by itself: of those, only names that also have
    // another word of the text ("Raost" is in hundreds of names; "energy transit raost" in one),
    // unless too many have both ("energy transit").
    /** Entries that all have the word `shared` (the text's word, or a near spelling of it). */
    const add = (entries: readonly AliasEntry[], shared: string) => {
      if (entries.length <= DISTINCTIVE_WORD_LIMIT) {
        out.push(...entries);
        return;
      }
      if (!others.length) return;
      // For each other word, walk the shorter list: its names (checked for this word), or these
      // (checked for it). At a million facts "transport" is in tens of thousands of names.
      const both = new Set<AliasEntry>();
      for (const w of others) {
        const theirs = w.length >= MIN_SUGGESTING_WORD && !GENERIC_WORDS.has(w) ? this.near.exactly(w) : undefined;
        const [walked, has] = theirs && theirs.length < entries.length ? [theirs, shared] : [entries, w];
        for (const e of walked) if (hasWord(e.alias, has) && both.add(e).size > DISTINCTIVE_WORD_LIMIT) return;
      }
      out.push(...[...both].sort((a, b) => a.order - b.order));
    };
    const own = this.near.exactly(word);
    add(own, word);
    // One typo more than a word alone may have: the name's typo'd word ("lomo" for "Lomi", "ostone"
    // for "Ostlen") suggests it, and the whole name is checked after. But a word the facts use
    // that no name has is taken for itself: only a near name suggests it ("ministries" is not
    // "ministers"; "secretariate" is "secretariat").
    const known = !own.length && this.isWord(word);
    const edits = word.length < 3 ? 0 : allowedEdits(word.length) + (known ? 0 : 1);
    if (edits === 0) return out;
    for (const m of this.near.near(word, edits, NEAR_WORDS)) if (m.edits > 0) add(m.values, m.text);
    // A word no name or fact has: its first letter may be the typo, even when a name with that
    // letter is as near ("riost" is "Tiost" as much as "Raost"; the slips decide, findMentions).
    if (word.length >= 4 && !own.length && !known) {
      for (const m of this.near.nearFirstTypo(word, Math.max(1, allowedEdits(word.length)), NEAR_WORDS)) add(m.values, m.text);
    }
    return out;
  }

  /**
   * True when a word of the reading is the name's own word, typed exactly, that few names have
   * and that is not a common word of the facts: it tells the name apart by itself.
   */
  private anchored(alias: string, words: string[]): boolean {
    return alias.split(' ').some((w, i) => w === words[i] && w.length >= MIN_SUGGESTING_WORD && !GENERIC_WORDS.has(w) && !/\d/.test(w) && this.near.exactly(w).length <= DISTINCTIVE_WORD_LIMIT);
  }

  private findMentions(text: string): EntityMention[] {
    const tokens = key(text).split(' ').filter(Boolean);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const found: EntityMention[] = [];
    for (let n = Math.min(this.longestName, tokens.length); n >= 1; n--) {
      for (let i = 0; i + n <= tokens.length; i++) {
        if (taken.slice(i, i + n).some(Boolean)) continue;
        const phrase = tokens.slice(i, i + n).join(' ');
        const id = this.aliasToId.get(phrase);
        const entity = id ? this.base.entity(id) : undefined;
        // A stop word alone names nothing, but for SCO and for a city: "Shanghai" left over once
        // "Shanghai Cooperation Organisation" and "Shanghai Five" are read is the city.
        if (!entity || (n === 1 && STOP_WORDS.has(phrase) && phrase !== 'sco' && phrase !== 'shos' && entity.type !== 'place')) continue;
        found.push({ entity, text: phrase, start: i, end: i + n, exact: true, score: 0 });
        for (let j = i; j < i + n; j++) taken[j] = true;
      }
    }
    // Near spellings: a name's words suggest it (a word it has, or one a typo or two away), and
    // the words of the text where it would stand must be within a few typos of the whole name.
    // One word read alone as a name may be a longer name's first word: "shanghai convension" is the
    // Convention, "sco ostlne council" a council.
    // A name read exactly may be part of a longer reading of the same name ("co gulstanbar council"
    // holds the alias "gulstanbar council"): its words suggest that name's own aliases.
    const oneWord = (m: EntityMention) => m.end - m.start === 1;
    const exactAt = (i: number) => found.find((m) => m.start <= i && m.end > i);
    // Where each word starts in the text joined by spaces: a window's length without joining it.
    const at = [0];
    for (const t of tokens) at.push(at.at(-1)! + t.length + 1);
    const near: EntityMention[] = [];
    // The words of the text that could tell a name apart (not "the", "agreement", "sco").
    const content = [...new Set(tokens.filter((t) => t.length >= MIN_SUGGESTING_WORD && !GENERIC_WORDS.has(t) && t !== 'sco'))];
    for (let i = 0; i < tokens.length; i++) {
      const read = exactAt(i);
      const suggestions = new Set(!read || oneWord(read) ? this.suggested(tokens[i]!, content.filter((w) => w !== tokens[i])) : []);
      if (read) for (const a of this.aliasesOf(read.entity.id)) suggestions.add(a);
      for (const candidate of suggestions) {
        const { alias, words } = candidate;
        const allowed = allowedEdits(alias.length - words + 1);
        if (allowed === 0) continue;
        // Windows that hold word i, of the name's length or one word more or less (a space typed or dropped).
        for (let n = Math.max(1, words - 1); n <= words + 1; n++) {
          for (let start = Math.max(0, i - n + 1); start <= i && start + n <= tokens.length; start++) {
            const length = at[start + n]! - at[start]! - 1;
            if (Math.abs(length - alias.length) > allowed || length - n + 1 < 5) continue;
            // A reading starts and ends where the name does: not on a word the name lacks ("bartem in", "in stanraka").
            if (!edgesFit(alias, tokens[start]!, tokens[start + n - 1]!)) continue;
            const phrase = tokens.slice(start, start + n).join(' ');
            if ((n === 1 && GENERIC_WORDS.has(phrase)) || numbersOf(phrase) !== numbersOf(alias)) continue;
            // Typos as people make them: two letters swapped are one ("lemni" for "lenmi"), not two.
            const edits = typoSteps(alias, phrase, allowed);
            if (edits === 0 || edits > allowed) continue;
            if (n === words) {
              const typed = tokens.slice(start, start + n);
              // Anchored, a word's typos may be more; but a word the facts use is that word ("ministers").
              const anchored = this.anchored(alias, typed);
              if (!wordsFit(alias, typed, (w) => anchored && !this.isWord(w))) continue;
            }
            const entity = this.base.entity(candidate.id);
            // Ranked by how likely the slips are, not only how many (a neighbouring key before another letter).
            if (entity) near.push({ entity, text: phrase, start, end: start + n, exact: false, score: slipCost(alias, phrase) / phrase.length });
          }
        }
      }
    }
    // Each name at its longest reading ("cso qadin ciuncil", not "qadin ciuncil" leaving "cso" over),
    // then the longest and closest names first; a name read over a one-word name replaces it (a place only by
    // a longer name that is not a place).
    const longest = new Map<string, EntityMention>();
    for (const m of near) {
      const had = longest.get(m.entity.id);
      if (!had || m.end - m.start > had.end - had.start || (m.end - m.start === had.end - had.start && m.score < had.score)) longest.set(m.entity.id, m);
    }
    // Longest readings first, as in the exact pass: a name that explains more of the text is the
    // better reading ("torzann osrurstan" is Torzan Osturstan, not the country Osturstan).
    for (const m of [...longest.values()].sort((a, b) => b.end - b.start - (a.end - a.start) || a.score - b.score)) {
      const blockers = found.filter((f) => f.start < m.end && f.end > m.start);
      // A long name read with a typo holds the short names inside it ("Regulations on the Status of
      // Dialogue Partner of the SCO" holds "dialogue partner"); a name it only overlaps stands.
      const heldInside = (f: EntityMention) => f.start >= m.start && f.end <= m.end && 2 * (f.end - f.start) <= m.end - m.start;
      if (blockers.some((f) => !f.exact || (!oneWord(f) && f.entity !== m.entity && !heldInside(f)) || f.end - f.start >= m.end - m.start)) continue;
      if (blockers.length && m.entity.type === 'place') continue;
      for (const b of blockers) found.splice(found.indexOf(b), 1);
      found.push(m);
      for (let j = m.start; j < m.end; j++) taken[j] = true;
    }
    return found.sort((a, b) => a.start - b.start);
  }
}
