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
  /**
   * Entities by number: those given, in order, then any id a fact names that is not one (so
   * factsAbout answers for it too). Indexes read facts' entities as these numbers: at a million
   * facts, looking each id up in a Map again in every index cost seconds of the build.
   */
  private readonly entityIds: string[];
  private readonly entityNumbers: Map<string, number>;
  /** Fact f names the entities numbered named[namedStart[f]] up to named[namedStart[f + 1]]. */
  private readonly namedStart: Int32Array;
  private readonly named: Int32Array;
  /** Each entity's facts, by entity number, in fact order. */
  private readonly factsByEntity: readonly (readonly Fact[])[];
  private readonly placesByCountry: ReadonlyMap<string, readonly Entity[]>;

  /** The facts are kept as compact copies (compact.ts): the base holds its own, not the caller's objects. */
  constructor(documents: SourceDocument[], entities: Entity[], facts: readonly Fact[]) {
    this.documents = new Map(documents.map((d) => [d.id, d]));
    this.entities = new Map(entities.map((e) => [e.id, e]));
    const compactor = new Compactor();
    this.entityIds = entities.map((e) => compactor.text(e.id));
    this.entityNumbers = new Map(this.entityIds.map((id, n) => [id, n]));
    // Each id a fact names is looked up once, for its number and its kept copy together.
    // Allocated once at the most it can hold (repeats are rare), not grown: at a million facts a grown copy is tens of megabytes of RSS.
    let most = 0;
    for (const f of facts) most += f.about.length + (f.place ? 1 : 0);
    const named = new Int32Array(most);
    let count = 0;
    this.namedStart = new Int32Array(facts.length + 1);
    this.facts = Object.freeze(
      facts.map((f, i) => {
        const about = f.about.map((id) => this.numberOfEntity(id));
        for (let j = 0; j < about.length; j++) if (about.indexOf(about[j]!) === j) named[count++] = about[j]!;
        const place = f.place ? this.numberOfEntity(f.place) : undefined;
        if (place !== undefined && !about.includes(place)) named[count++] = place;
        this.namedStart[i + 1] = count;
        return compactor.fact(f, about.map((n) => this.entityIds[n]!), place === undefined ? f.place : this.entityIds[place]);
      }),
    );
    this.named = named.subarray(0, count);
    this.numberById = new Map(this.facts.map((f, i) => [f.id, i]));
    this.factsByEntity = this.byEntity();
    const inside = new Map<string, Entity[]>();
    for (const e of entities) if (e.in) inside.set(e.in, [...(inside.get(e.in) ?? []), e]);
    this.placesByCountry = inside;
  }

  /** An id's entity number, numbering an id no entity has on first sight. */
  private numberOfEntity(id: string): number {
    let n = this.entityNumbers.get(id);
    if (n === undefined) {
      n = this.entityIds.push(id) - 1;
      this.entityNumbers.set(id, n);
    }
    return n;
  }

  /** Each entity's facts in fact order, counted first so every list is allocated at its length: at a million facts the slack of grown arrays is tens of megabytes. */
  private byEntity(): Fact[][] {
    const { named, namedStart, facts } = this;
    const counts = new Int32Array(this.entityIds.length);
    for (let i = 0; i < named.length; i++) counts[named[i]!]!++;
    const lists = Array.from(counts, (n) => new Array<Fact>(n));
    const filled = new Int32Array(counts.length);
    for (let f = 0; f < facts.length; f++) {
      for (let i = namedStart[f]!; i < namedStart[f + 1]!; i++) lists[named[i]!]![filled[named[i]!]!++] = facts[f]!;
    }
    return lists;
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

  /** How many entity numbers there are (entityIdOf's range). */
  get entityCount(): number {
    return this.entityIds.length;
  }

  /** The number of an entity, or of an id some fact names; undefined for any other id. */
  entityNumberOf(id: string): number | undefined {
    return this.entityNumbers.get(id);
  }

  /** The id of entity number n. */
  entityIdOf(n: number): string {
    return this.entityIds[n]!;
  }

  /** The entities fact number f names (those it is about, then its place, each once), as entity numbers. */
  forEachNamed(f: number, each: (entity: number) => void): void {
    for (let i = this.namedStart[f]!; i < this.namedStart[f + 1]!; i++) each(this.named[i]!);
  }

  /** The places that lie in a country (`in:`): Matybulak in Kazakhstan. */
  placesIn(countryId: string): readonly Entity[] {
    return this.placesByCountry.get(countryId) ?? [];
  }

  /** Facts that name the entity in `about` or as their place. */
  factsAbout(entityId: string): readonly Fact[] {
    const n = this.entityNumbers.get(entityId);
    return n === undefined ? [] : this.factsByEntity[n]!;
  }

  entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  entityName(id: string): string {
    return this.entities.get(id)?.name ?? id;
  }
}
