/**
 * Finding the entities a text names: an exact alias map over word n-grams first,
 * then fuse.js for typos ("Kazakstan", "Kirgyzstan", "Tashkient").
 */
import { distance } from 'fastest-levenshtein';
import Fuse from 'fuse.js';
import type { Entity, FactBase } from '../facts/model.js';
import { key } from '../text/normalize.js';
import { STOP_WORDS } from '../text/terms.js';

export interface EntityMention {
  entity: Entity;
  /** The words of the text that named it. */
  text: string;
  /** Word positions [start, end) in the query's key. */
  start: number;
  end: number;
  exact: boolean;
  /** 0 for an exact alias, up to 1 for a weak fuzzy match. */
  score: number;
}

interface AliasRow {
  alias: string;
  id: string;
}

const MAX_NGRAM = 6;

/** Typos a name of this length may have and still count as that name. */
export function allowedEdits(length: number, extra = 0): number {
  return (length < 5 ? 0 : length < 8 ? 1 : length < 16 ? 2 : 3) + extra;
}
/** Words that are names of nothing by themselves, even when a fuzzy match says so. */
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
  private readonly fuse: Fuse<AliasRow>;
  private readonly base: FactBase;
  readonly rows: AliasRow[] = [];

  constructor(base: FactBase) {
    this.base = base;
    for (const e of base.entities.values()) {
      for (const alias of [e.name, ...e.aliases]) {
        const k = key(alias);
        if (!k || this.aliasToId.has(k)) continue;
        this.aliasToId.set(k, e.id);
        this.rows.push({ alias: k, id: e.id });
      }
    }
    this.fuse = new Fuse(this.rows, { keys: ['alias'], includeScore: true, threshold: 0.5, ignoreLocation: true, minMatchCharLength: 3 });
  }

  /** The entity an exact alias names, after folding. */
  exact(text: string): Entity | undefined {
    const id = this.aliasToId.get(key(text));
    return id ? this.base.entity(id) : undefined;
  }

  /** Entities by how well their names match the text: for "did you mean" and autocomplete. */
  fuzzy(text: string, limit = 5, filter?: (e: Entity) => boolean, extraEdits = 0): { entity: Entity; score: number }[] {
    const seen = new Set<string>();
    const out: { entity: Entity; score: number }[] = [];
    const q = key(text);
    for (const r of this.fuse.search(q)) {
      if (seen.has(r.item.id)) continue;
      // Fuse finds candidates; the edit distance decides: fuse alone scores "iran" inside "narnia" well.
      const near = closestDistance(r.item.alias, q) <= allowedEdits(q.length, extraEdits);
      // For suggestions (extra edits allowed), a name inside the word also counts: "Kazakhstanistan".
      const inside = extraEdits > 0 && Math.min(q.length, r.item.alias.length) >= 4 && (q.includes(r.item.alias) || r.item.alias.includes(q));
      if (!near && !inside) continue;
      const entity = this.base.entity(r.item.id);
      if (!entity || (filter && !filter(entity))) continue;
      seen.add(r.item.id);
      out.push({ entity, score: r.score ?? 1 });
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * Every entity named in the text, longest match first and without overlaps.
   * Exact n-grams win; single words left over get a strict fuzzy pass.
   */
  mentions(text: string): EntityMention[] {
    const tokens = key(text).split(' ').filter(Boolean);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const found: EntityMention[] = [];
    for (let n = Math.min(MAX_NGRAM, tokens.length); n >= 1; n--) {
      for (let i = 0; i + n <= tokens.length; i++) {
        if (taken.slice(i, i + n).some(Boolean)) continue;
        const phrase = tokens.slice(i, i + n).join(' ');
        const id = this.aliasToId.get(phrase);
        if (!id || (n === 1 && STOP_WORDS.has(phrase) && phrase !== 'sco' && phrase !== 'shos')) continue;
        const entity = this.base.entity(id);
        if (!entity) continue;
        found.push({ entity, text: phrase, start: i, end: i + n, exact: true, score: 0 });
        for (let j = i; j < i + n; j++) taken[j] = true;
      }
    }
    // Typos: try leftover words (and pairs) of five letters or more.
    for (let n = 2; n >= 1; n--) {
      for (let i = 0; i + n <= tokens.length; i++) {
        if (taken.slice(i, i + n).some(Boolean)) continue;
        const phrase = tokens.slice(i, i + n).join(' ');
        if (phrase.replace(/ /g, '').length < 5 || /\d/.test(phrase)) continue;
        if (n === 1 && GENERIC_WORDS.has(phrase)) continue;
        const best = this.fuse.search(phrase, { limit: 5 }).find((r) => distance(r.item.alias, phrase) <= allowedEdits(phrase.length));
        if (!best) continue;
        const entity = this.base.entity(best.item.id);
        if (!entity) continue;
        found.push({ entity, text: phrase, start: i, end: i + n, exact: false, score: best.score ?? 1 });
        for (let j = i; j < i + n; j++) taken[j] = true;
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }
}
