/**
 * Autocomplete for names as someone types them: exact name or alias first, then names that
 * start with the text, then names that contain it, then close spellings, at most `limit`, each
 * group in name order. Platform-free, so Discord's 25 choices and any other client read the same list.
 *
 * It runs on every keystroke. A scan of every alias with a sort of what matched took 7 ms at
 * 100,000 facts (bench/), so the aliases are kept sorted (a prefix is one binary search) and
 * joined into one text (a substring is a native indexOf), and names carry their rank in name
 * order, so a sort compares numbers.
 */
import type { Entity, FactBase } from '../facts/model.js';
import type { EntityType } from '../facts/schema.js';
import type { Knowledge } from '../knowledge.js';
import { key } from '../text/normalize.js';
import { firstNotBefore } from './bisect.js';
import type { EntityIndex } from './entities.js';
import { JoinedTexts } from './joined.js';

export interface Choice {
  /** Shown to the user. */
  name: string;
  /** Sent back when chosen: the entity's name, which the commands resolve exactly. */
  value: string;
}

/** How well a name matches what was typed, best first. */
const EXACT = 0;
const PREFIX = 1;
const INSIDE = 2;
const CLOSE = 3;
/** Room for this many entities' ranks below each group. */
const RANKS = 2 ** 21;

export function complete(k: Knowledge, text: string, types: EntityType[], limit = 25): Choice[] {
  return k.names.complete(text, types, limit).map((e) => {
    const name = e.name.slice(0, 100);
    return { name, value: name };
  });
}

export class NameCompleter {
  /** Every alias key, sorted, with the entity it names. */
  private readonly keys: string[];
  private readonly ids: string[];
  /** The sorted keys, for a search inside them. */
  private readonly joined: JoinedTexts;
  /** Entities in name order, and each one's place in it. */
  private readonly byName: Entity[];
  private readonly nameRank = new Map<string, number>();

  constructor(
    private readonly base: FactBase,
    private readonly entities: EntityIndex,
  ) {
    const aliases = [...entities.aliases].sort((a, b) => byText(a.alias, b.alias));
    this.keys = aliases.map((a) => a.alias);
    this.ids = aliases.map((a) => a.id);
    this.joined = new JoinedTexts(this.keys);
    const named = [...base.entities.values()].map((e) => ({ e, k: key(e.name) }));
    named.sort((a, b) => byText(a.k, b.k));
    this.byName = named.map((n) => n.e);
    this.byName.forEach((e, i) => this.nameRank.set(e.id, i));
  }

  complete(text: string, types: EntityType[], limit: number): Entity[] {
    const q = key(text);
    const wanted = (e: Entity | undefined): e is Entity => !!e && types.includes(e.type);
    if (!q) return this.byName.filter((e) => types.includes(e.type)).slice(0, limit);
    // Each entity once, at its best group: the group (a close spelling's in steps of 1/1024) times
    // 2^21, plus the entity's rank in name order, so one numeric sort orders them all.
    const best = new Map<string, number>();
    const rank = (id: string, group: number) => {
      const r = Math.round(group * 1024) * RANKS + this.nameRank.get(id)!;
      if (r < (best.get(id) ?? Infinity) && wanted(this.base.entity(id))) best.set(id, r);
    };
    for (let i = firstNotBefore(0, this.keys.length, (j) => this.keys[j]! < q); i < this.keys.length && this.keys[i]!.startsWith(q); i++) rank(this.ids[i]!, this.keys[i] === q ? EXACT : PREFIX);
    if (best.size < limit) {
      // Inside a name (a name that starts with it was ranked above).
      this.joined.holding(q, (i, offset) => {
        if (offset > 0) rank(this.ids[i]!, INSIDE);
      });
    }
    // Close spellings only when no name starts with or holds the text: text that names something is not a typo.
    if (q.length >= 3 && best.size === 0) for (const { entity, score } of this.entities.fuzzy(q, limit, wanted, 1, false)) rank(entity.id, CLOSE + score);
    const order = Float64Array.from(best.values()).sort().subarray(0, limit);
    return Array.from(order, (r) => this.byName[r % RANKS]!);
  }
}

/** Code-unit order of folded keys: the order binary search needs, and cheaper than localeCompare. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
