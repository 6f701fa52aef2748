/** The loaded, validated fact base: plain immutable data plus the indexes every query needs. */
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
  readonly facts: readonly Fact[];
  readonly factsById: ReadonlyMap<string, Fact>;
  private readonly factsByEntity: ReadonlyMap<string, readonly Fact[]>;
  private readonly placesByCountry: ReadonlyMap<string, readonly Entity[]>;

  constructor(documents: SourceDocument[], entities: Entity[], facts: Fact[]) {
    this.documents = new Map(documents.map((d) => [d.id, d]));
    this.entities = new Map(entities.map((e) => [e.id, e]));
    this.facts = Object.freeze([...facts]);
    this.factsById = new Map(facts.map((f) => [f.id, f]));
    const byEntity = new Map<string, Fact[]>();
    for (const fact of facts) {
      for (const id of new Set([...fact.about, ...(fact.place ? [fact.place] : [])])) {
        const list = byEntity.get(id) ?? [];
        list.push(fact);
        byEntity.set(id, list);
      }
    }
    this.factsByEntity = byEntity;
    const inside = new Map<string, Entity[]>();
    for (const e of entities) if (e.in) inside.set(e.in, [...(inside.get(e.in) ?? []), e]);
    this.placesByCountry = inside;
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
