/**
 * Autocomplete for names as someone types them: exact name or alias first, then names that
 * start with the text, then names that contain it, then close spellings, at most `limit`.
 * Platform-free, so Discord's 25 choices and any other client read the same list.
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
  const rank = (id: string, score: number) => {
    if (score < (ranked.get(id) ?? Infinity)) ranked.set(id, score);
  };
  // The aliases' folded keys are kept by the entity index: no folding per keystroke.
  for (const a of k.entities.aliases) {
    if (!types.includes(a.type)) continue;
    if (!q) rank(a.id, 3);
    else if (a.alias === q) rank(a.id, 0);
    else if (a.alias.startsWith(q)) rank(a.id, 1);
    else if (a.alias.includes(q)) rank(a.id, 2);
  }
  // Names containing the text were found above; only close spellings are left to look for.
  if (q.length >= 3 && ranked.size < limit) for (const { entity, score } of k.entities.fuzzy(q, limit, wanted, 1, false)) rank(entity.id, 3 + score);
  return [...ranked]
    .sort((a, b) => a[1] - b[1] || k.base.entityName(a[0]).localeCompare(k.base.entityName(b[0])))
    .slice(0, limit)
    .map(([id]) => {
      const name = k.base.entityName(id).slice(0, 100);
      return { name, value: name };
    });
}
