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
import type { Entity, FactBase } from '../facts/model.js';
import { key } from '../text/normalize.js';
import { allowedEdits, NearIndex } from '../text/near.js';
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
  /** True when the indexed text is the whole alias, not one of its words. */
  whole: boolean;
}

/** Longest name read as one mention, in words: treaty titles run to a dozen ("Regulations on the Observer Status at the SCO"). */
const MAX_NGRAM = 14;

/** Words that are names of nothing by themselves, even when a near match says so. */
export const GENERIC_WORDS = new Set([
  ...STOP_WORDS, 'member', 'members', 'state', 'states', 'council', 'summit', 'summits', 'treaty', 'treaties', 'agreement', 'agreements',
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

export class EntityIndex {
  private readonly aliasToId = new Map<string, string>();
  private readonly near = new NearIndex<AliasEntry>();
  private readonly base: FactBase;
  /** Every whole alias with its folded key, for scans such as autocomplete. */
  readonly aliases: AliasEntry[] = [];

  constructor(base: FactBase) {
    this.base = base;
    for (const e of base.entities.values()) {
      for (const alias of [e.name, ...e.aliases]) {
        const k = key(alias);
        if (!k || this.aliasToId.has(k)) continue;
        this.aliasToId.set(k, e.id);
        const entry = { id: e.id, type: e.type, alias: k, whole: true };
        this.aliases.push(entry);
        this.near.add(k, entry);
        const words = k.split(' ');
        if (words.length > 1) for (const w of new Set(words)) if (w.length >= 4 && !GENERIC_WORDS.has(w)) this.near.add(w, { id: e.id, type: e.type, alias: k, whole: false });
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
      for (const m of this.near.near(word, allowedEdits(word.length, extraEdits), 50)) {
        const edits = closestDistance(m.value.alias, q);
        if (edits <= allowed) consider(m.value.id, edits);
      }
    }
    if (inside && q.length >= 4) {
      for (const a of this.aliases) if (a.alias.length >= 4 && (q.includes(a.alias) || a.alias.includes(q))) consider(a.id, Math.abs(a.alias.length - q.length) / 2);
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

  private findMentions(text: string): EntityMention[] {
    const tokens = key(text).split(' ').filter(Boolean);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const found: EntityMention[] = [];
    for (let n = Math.min(MAX_NGRAM, tokens.length); n >= 1; n--) {
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
    for (let n = 2; n >= 1; n--) {
      for (let i = 0; i + n <= tokens.length; i++) {
        // A city read alone may be the first word of a misspelt name: "shanghai convension" is the Convention.
        const blockers = found.filter((m) => m.start < i + n && m.end > i);
        const cityOnly = n === 2 && blockers.length === 1 && blockers[0]!.end - blockers[0]!.start === 1 && blockers[0]!.entity.type === 'place';
        if (taken.slice(i, i + n).some(Boolean) && !cityOnly) continue;
        const phrase = tokens.slice(i, i + n).join(' ');
        if (phrase.replace(/ /g, '').length < 5 || /\d/.test(phrase)) continue;
        if (n === 1 && GENERIC_WORDS.has(phrase)) continue;
        const best = this.near.near(phrase, allowedEdits(phrase.length), 200).find((m) => m.value.whole);
        if (!best) continue;
        const entity = this.base.entity(best.value.id);
        if (!entity || (cityOnly && (entity.type === 'place' || best.edits === 0))) continue;
        if (cityOnly) found.splice(found.indexOf(blockers[0]!), 1);
        found.push({ entity, text: phrase, start: i, end: i + n, exact: false, score: best.edits / phrase.length });
        for (let j = i; j < i + n; j++) taken[j] = true;
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }
}
