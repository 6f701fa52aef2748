/**
 * A deterministic generator of realistic fact bases for benchmarks: countries, places, people,
 * treaties and bodies, each with a unique name and unique aliases (so "which entity did the bot
 * find" has one right answer), and facts as the real base has them: a treaty signed once, a body
 * established once, a country's steps of status, a summit a year, and many dated events between
 * countries. No misspelling is an alias: misspellings are made at query time (bench/queries.ts).
 * Same seed, same fact base.
 */
import { formatDate } from '../src/facts/dates.js';
import type { FactDate } from '../src/facts/dates.js';
import { FactBase, type Entity, type Fact, type SourceDocument } from '../src/facts/model.js';
import type { EntityType, FactKind, Status } from '../src/facts/schema.js';
import { key } from '../src/text/normalize.js';
import { seeded } from '../tests/seeded.js';

const SYLLABLES = ['ka', 'zan', 'tor', 'mi', 'ra', 'lo', 'vek', 'stan', 'bar', 'din', 'ur', 'sel', 'no', 'qa', 'ash', 'tem', 'gul', 'bek', 'ar', 'ya', 'ost', 'len', 'kir', 'dov', 'pe', 'shu', 'mar', 'ti'];
export const TOPICS = ['combating terrorism', 'customs cooperation', 'energy transit', 'emergency relief', 'education exchange', 'border security', 'information security', 'drug trafficking', 'transport corridors', 'agriculture', 'banking cooperation', 'tourism', 'water resources', 'public health', 'cultural exchange'];
/** Dated events between two countries: kind, relation, and the verb phrase of the statement. */
export const EVENTS: { kind: FactKind; relation: string; verb: string; noun: string }[] = [
  { kind: 'meeting', relation: 'held', verb: 'held a ministers meeting on', noun: 'ministers meeting' },
  { kind: 'event', relation: 'launched', verb: 'launched a programme on', noun: 'programme' },
  { kind: 'exercise', relation: 'held', verb: 'conducted a joint exercise on', noun: 'joint exercise' },
  { kind: 'statistic', relation: 'statistic', verb: 'reported figures on', noun: 'figures' },
];
const FILLER = 'according to the report of the organisation and its member states in the framework of regional cooperation'.split(' ');
const STATUSES: Status[] = ['observer', 'dialogue-partner', 'member'];

/** The generated documents, entities and facts, as a loader hands them to FactBase (which makes its compact copies). */
export interface FactInput {
  documents: SourceDocument[];
  entities: Entity[];
  facts: Fact[];
}

/**
 * A generated base with the time FactBase took over the generated input (compact copies, entity
 * numbers: what a load pays after parsing). The input is collected first so the base is not
 * charged for the generator's garbage; it is dropped with this call's frame, as a loader's is.
 */
export function timedFactBase(count: number, seed = 42): { base: FactBase; baseMs: number } {
  const { documents, entities, facts } = generateFactInput(count, seed);
  global.gc?.();
  const t = performance.now();
  const base = new FactBase(documents, entities, facts);
  return { base, baseMs: performance.now() - t };
}

export function generateFactInput(count: number, seed = 42): FactInput {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const word = (n: number) => Array.from({ length: n }, () => pick(SYLLABLES)).join('');
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  const documents: SourceDocument[] = Array.from({ length: 5 }, (_, i) => ({
    id: `doc-${i}`, short: `Author${i}`, authors: [`Author ${i}`], title: `Document ${i}`, year: 2000 + i * 5, kind: 'report', venue: 'bench', file: `doc-${i}.txt`,
  }));
  const entities: Entity[] = [];
  /** Every name and alias key given out: each names one entity. */
  const taken = new Set<string>(['shanghai cooperation organisation', 'sco']);
  const origin = { file: 'generated.yaml', line: 1 };
  /** A name not given out yet: tries the maker a few times, then with longer made-up words. */
  const unique = (make: (longer: number) => string): string => {
    for (let i = 0; ; i++) {
      const name = make(Math.floor(i / 8));
      if (!taken.has(key(name))) return name;
    }
  };
  const entity = (type: EntityType, name: string, aliases: string[]): Entity => {
    taken.add(key(name));
    // An alias another entity already has would make the name ambiguous: it is left out.
    const own = aliases.filter((a) => !taken.has(key(a)));
    for (const a of own) taken.add(key(a));
    const e: Entity = { id: `${type}-${entities.length}`, type, name, aliases: own, origin };
    entities.push(e);
    return e;
  };
  entities.push({ id: 'sco', type: 'organisation', name: 'Shanghai Cooperation Organisation', aliases: ['SCO'], origin });
  // About one entity per five facts, as in the real base.
  const scale = Math.max(1, Math.round(count / 5));
  const countries = Array.from({ length: Math.max(10, Math.round(scale * 0.05)) }, () => {
    const name = unique((l) => `${cap(word(2 + l + Math.floor(rnd() * 2)))}stan`);
    return entity('country', name, [`${name} Republic`, `Republic of ${name}`]);
  });
  const places = Array.from({ length: Math.max(10, Math.round(scale * 0.1)) }, () => entity('place', unique((l) => cap(word(2 + l + Math.floor(rnd() * 2)))), []));
  const people = Array.from({ length: Math.max(10, Math.round(scale * 0.2)) }, () => {
    const name = unique((l) => `${cap(word(2))} ${cap(word(3 + l))}`);
    const [first, last] = name.split(' ') as [string, string];
    return entity('person', name, [last, `${first[0]}. ${last}`]);
  });
  const treaties = Array.from({ length: Math.max(10, Math.round(scale * 0.45)) }, () => {
    const topic = pick(TOPICS);
    const name = unique((l) => `Agreement on ${topic} ${cap(word(2 + l))}`);
    return entity('treaty', name, [`${cap(name.split(' ').at(-1)!)} ${topic} agreement`]);
  });
  const bodies = Array.from({ length: Math.max(5, Math.round(scale * 0.15)) }, () => {
    const name = unique((l) => `SCO ${cap(word(2 + l))} Council`);
    return entity('body', name, [`${name.split(' ')[1]} Council`]);
  });

  const facts: Fact[] = [];
  const dateOf = (year: number): FactDate => {
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const precision = rnd();
    return precision < 0.6 ? { start: { year, month, day } } : precision < 0.85 ? { start: { year, month } } : { start: { year } };
  };
  const fact = (kind: FactKind, relation: string, about: string[], date: FactDate, place: Entity | undefined, statement: string, tags: string[], extra: Partial<Fact> = {}) => {
    const filler = Array.from({ length: 6 + Math.floor(rnd() * 10) }, () => pick(FILLER)).join(' ');
    // The quote states what the statement does, in the document's words, with the document's filler.
    const quote = flat(`${statement.replace(/\.$/, '')}, ${filler}.`);
    facts.push({
      id: `fact-${facts.length}`, kind, about, relation, date, ...(place ? { place: place.id } : {}), statement: flat(statement), tags,
      sources: [{ doc: pick(documents).id, quote, where: `Chapter ${1 + Math.floor(rnd() * 9)}`, origin }], origin, ...extra,
    });
  };
  const year = () => 1990 + Math.floor(rnd() * 40);
  // A treaty is signed once, a body established once.
  for (const t of treaties) {
    const date = dateOf(year());
    const place = pick(places);
    fact('treaty', 'signed', [t.id, 'sco'], date, place, `The ${t.name} was signed in ${place.name} on ${formatDate(date)}.`, [t.name.split(' ').slice(2, -1).join(' ')]);
  }
  for (const b of bodies) {
    const date = dateOf(year());
    const place = pick(places);
    fact('body', 'established', [b.id, 'sco'], date, place, `The ${b.name} was established in ${place.name} on ${formatDate(date)}.`, [pick(TOPICS)]);
  }
  // A country's steps of status, in order, each once.
  for (const c of countries) {
    let from = 1996 + Math.floor(rnd() * 20);
    for (const status of STATUSES.slice(Math.floor(rnd() * 3))) {
      if (rnd() < 0.3) continue;
      const date = dateOf(from);
      fact('membership', 'status', [c.id, 'sco'], date, undefined, `${c.name} became ${status === 'observer' ? 'an observer' : status === 'member' ? 'a member' : 'a dialogue partner'} of the SCO on ${formatDate(date)}.`, [], { status });
      from += 1 + Math.floor(rnd() * 6);
    }
  }
  // The rest: dated events between two countries, some led by a person.
  while (facts.length < count) {
    const e = pick(EVENTS);
    const a = pick(countries);
    let b = pick(countries);
    while (b === a) b = pick(countries);
    const place = pick(places);
    const date = dateOf(year());
    const topic = pick(TOPICS);
    const lead = rnd() < 0.3 ? pick(people) : undefined;
    const who = lead ? `${lead.name} of ${a.name}` : a.name;
    fact(e.kind, e.relation, [...(lead ? [lead.id] : []), a.id, b.id, 'sco'], date, place, `${who} ${e.verb} ${topic} with ${b.name} in ${place.name} on ${formatDate(date)}.`, [topic]);
  }
  facts.length = count;
  return { documents, entities, facts };
}

/**
 * Strings built by concatenation are ropes (a tree of the parts) until first read; a parser's
 * strings are flat copies of bytes. The statement and quote are made that way, so the index build
 * and the memory are measured on the kind of string a loaded base has.
 */
const flat = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
