/** A fact base with the indexes built over it: what every command reads. Immutable once built. */
import { loadFactBaseStrict } from './facts/load.js';
import type { FactBase } from './facts/model.js';
import { DateIndex } from './search/dates.js';
import { EntityIndex } from './search/entities.js';
import { FactIndex } from './search/facts.js';

export class Knowledge {
  readonly entities: EntityIndex;
  readonly facts: FactIndex;
  readonly dates: DateIndex;

  constructor(readonly base: FactBase) {
    this.entities = new EntityIndex(base);
    this.facts = new FactIndex(base);
    this.dates = new DateIndex(base);
  }

  /** Loads, validates (throwing FactBaseInvalid with every problem) and indexes a facts folder. */
  static load(factsDir: string): Knowledge {
    return new Knowledge(loadFactBaseStrict(factsDir));
  }
}
