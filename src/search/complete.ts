/**
 * Autocomplete for names as someone types them: exact name or alias first, then names that
 * start with the text, then names that contain it, then close spellings (fuse.js), at most
 * `limit`. Platform-free, so Discord's 25 choices and any other client read the same list.
 */
import type { Entity } from '../facts/model.js';
import type { EntityType } from '../facts/schema.js';
import type { Knowledge } from '../knowledge.js';
import { key } from '../text/normalize.js';

export interface Choice {
  /** Shown to the user. */
  name: string;
  /** Sent back when chosen: the entity's name, which the commands resolve exactly. */
  value: string;
}

export function complete(k: Knowledge, text: string, types: EntityType[], limit = 25): Choice[] {
  const q = key(text);
  const wanted = (e: Entity) => types.includes(e.type);
  const ranked = new Map<string, number>();
  const rank = (e: Entity, score: number) => {
    if (wanted(e) && score < (ranked.get(e.id) ?? Infinity)) ranked.set(e.id, score);
  };
  for (const e of k.base.entities.values()) {
    if (!wanted(e)) continue;
    const names = [e.name, ...e.aliases].map(key);
    if (!q) rank(e, 3);
    else if (names.includes(q)) rank(e, 0);
    else if (names.some((n) => n.startsWith(q))) rank(e, 1);
    else if (names.some((n) => n.includes(q))) rank(e, 2);
  }
  if (q.length >= 3 && ranked.size < limit) for (const { entity, score } of k.entities.fuzzy(q, limit, wanted, 1)) rank(entity, 3 + score);
  return [...ranked]
    .sort((a, b) => a[1] - b[1] || k.base.entityName(a[0]).localeCompare(k.base.entityName(b[0])))
    .slice(0, limit)
    .map(([id]) => {
      const name = k.base.entityName(id).slice(0, 100);
      return { name, value: name };
    });
}
