/** Summits of the heads of state by year and by city: "the 2005 summit", "the Astana summit". */
import type { Entity } from './model.js';
import type { Knowledge } from '../knowledge.js';

interface SummitIndex {
  byYear: Map<string, Set<Entity>>;
  /** Summit entities per city. */
  byPlace: Map<string, Set<Entity>>;
}
const SUMMITS = new WeakMap<Knowledge, SummitIndex>();

/** Summits of the heads of state, by year and by city, indexed once per base. */
export function summits(k: Knowledge): SummitIndex {
  let index = SUMMITS.get(k);
  if (index) return index;
  index = { byYear: new Map(), byPlace: new Map() };
  for (const f of k.base.facts) {
    const e = f.about[0] ? k.base.entity(f.about[0]) : undefined;
    if (!e || e.type !== 'event' || !/summit/i.test(e.name) || !f.date || !f.relation || !['held', 'hosted'].includes(f.relation)) continue;
    const id = `${/shanghai five/i.test(e.name) ? 'shanghai-five' : 'sco'} ${f.date.start.year}`;
    index.byYear.set(id, (index.byYear.get(id) ?? new Set()).add(e));
    if (f.place) index.byPlace.set(f.place, (index.byPlace.get(f.place) ?? new Set()).add(e));
  }
  SUMMITS.set(k, index);
  return index;
}

/** The one summit of the heads of state held in a year, if the base has exactly one. */
export function summitOf(k: Knowledge, year: number, org: 'sco' | 'shanghai-five'): Entity | undefined {
  const found = summits(k).byYear.get(`${org} ${year}`);
  return found?.size === 1 ? [...found][0] : undefined;
}

/** Does a city host more than one summit, so that "the Astana summit" needs its year? */
export function cityOfSeveral(k: Knowledge, event: Entity): string | undefined {
  for (const [place, set] of summits(k).byPlace) if (set.has(event) && set.size > 1) return place;
  return undefined;
}

