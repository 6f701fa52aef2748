/** The loaded, validated fact base: plain immutable data plus the indexes every query needs. */
import { Compactor } from './compact.js';
import type { FactDate } from './dates.js';
import type { DocumentInput, EntityType, FactKind, Status } from './schema.js';

/** Where a thing was written, for error messages and curators. */
export interface Origin {
  file: string;
  line: number;
}

export type SourceDocument = DocumentInput;

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description?: string;
  /** For a place: the country it lies in. */
  in?: string;
  origin: Origin;
}

export interface Quote {
  doc: string;
  quote: string;
  where: string;
  /** Set only when this source gives a different date, place or value than the fact's own. */
  date?: FactDate;
  place?: string;
  value?: number | string;
  origin: Origin;
}

export interface Fact {
  id: string;
  kind: FactKind;
  about: string[];
  status?: Status;
  relation?: string;
  date?: FactDate;
  place?: string;
  value?: number | string;
  statement: string;
  note?: string;
  tags: string[];
  sources: Quote[];
  origin: Origin;
}

export class FactBase {
  readonly documents: ReadonlyMap<string, SourceDocument>;
  readonly entities: ReadonlyMap<string, Entity>;
  /** In the order given; a fact's position here is its number (numberOf). */
  readonly facts: readonly Fact[];
  private readonly numberById: ReadonlyMap<string, number>;
  private readonly factsByEntity: ReadonlyMap<string, readonly Fact[]>;
  private readonly placesByCountry: ReadonlyMap<string, readonly Entity[]>;

  /** The facts are kept as compact copies (compact.ts): the base holds its own, not the caller's objects. */
  constructor(documents: SourceDocument[], entities: Entity[], facts: readonly Fact[]) {
    this.documents = new Map(documents.map((d) => [d.id, d]));
    this.entities = new Map(entities.map((e) => [e.id, e]));
    const compactor = new Compactor();
    for (const e of entities) compactor.text(e.id);
    this.facts = Object.freeze(facts.map((f) => compactor.fact(f)));
    this.numberById = new Map(this.facts.map((f, i) => [f.id, i]));
    this.factsByEntity = byEntity(this.facts);
    const inside = new Map<string, Entity[]>();
    for (const e of entities) if (e.in) inside.set(e.in, [...(inside.get(e.in) ?? []), e]);
    this.placesByCountry = inside;
  }

  fact(id: string): Fact | undefined {
    const n = this.numberById.get(id);
    return n === undefined ? undefined : this.facts[n];
  }

  /** The fact's position in `facts`, for indexes that keep facts as numbers. */
  numberOf(fact: Fact): number | undefined {
    const n = this.numberById.get(fact.id);
    return n !== undefined && this.facts[n] === fact ? n : undefined;
  }

  /** The places that lie in a country (`in:`): Matybulak in Kazakhstan. */
  placesIn(countryId: string): readonly Entity[] {
    return this.placesByCountry.get(countryId) ?? [];
  }

  /** Facts that name the entity in `about` or as their place. */
  factsAbout(entityId: string): readonly Fact[] {
    return this.factsByEntity.get(entityId) ?? [];
  }

  entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  entityName(id: string): string {
    return this.entities.get(id)?.name ?? id;
  }
}

/** The entities a fact names: those it is about, then its place, each once. */
function namedBy(fact: Fact, each: (id: string) => void): void {
  fact.about.forEach((id, i) => {
    if (fact.about.indexOf(id) === i) each(id);
  });
  if (fact.place && !fact.about.includes(fact.place)) each(fact.place);
}

/** Each entity's facts in fact order, counted first so every list is allocated at its length: at a million facts the slack of grown arrays is tens of megabytes. */
function byEntity(facts: readonly Fact[]): Map<string, Fact[]> {
  const counts = new Map<string, number>();
  for (const fact of facts) namedBy(fact, (id) => counts.set(id, (counts.get(id) ?? 0) + 1));
  const lists = new Map<string, Fact[]>();
  const filled = new Map<string, number>();
  for (const [id, n] of counts) {
    lists.set(id, new Array<Fact>(n));
    filled.set(id, 0);
  }
  for (const fact of facts) {
    namedBy(fact, (id) => {
      const at = filled.get(id)!;
      lists.get(id)![at] = fact;
      filled.set(id, at + 1);
    });
  }
  return lists;
}
