/**
 * A deterministic generator of realistic fact bases for benchmarks: countries, cities,
 * bodies, treaties, summits and people with aliases and misspellings; facts of every kind
 * with dates, places, statements and quotes. Same seed, same fact base.
 */
import { formatDate } from '../src/facts/dates.js';
import { FactBase, type Entity, type Fact, type SourceDocument } from '../src/facts/model.js';
import type { EntityType, FactKind, Status } from '../src/facts/schema.js';

/** mulberry32: a tiny, good-enough seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'zan', 'tor', 'mi', 'ra', 'lo', 'vek', 'stan', 'bar', 'din', 'ur', 'sel', 'no', 'qa', 'ash', 'tem', 'gul', 'bek', 'ar', 'ya', 'ost', 'len', 'kir', 'dov'];
const TOPICS = ['combating terrorism', 'customs cooperation', 'energy transit', 'emergency relief', 'education exchange', 'border security', 'information security', 'drug trafficking', 'transport corridors', 'agriculture', 'banking cooperation', 'tourism', 'water resources', 'public health', 'cultural exchange'];
const VERBS: [FactKind, string, string][] = [
  ['treaty', 'signed', 'signed the'],
  ['summit', 'held', 'hosted the summit on'],
  ['meeting', 'held', 'held a ministers meeting on'],
  ['event', 'launched', 'launched a programme on'],
  ['body', 'established', 'established a council for'],
  ['exercise', 'held', 'conducted an exercise on'],
  ['statistic', 'statistic', 'reported figures on'],
];
const FILLER = 'according to the report of the organisation and its member states in the framework of regional cooperation'.split(' ');

export function generateFactBase(count: number, seed = 42): FactBase {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const word = (n: number) => Array.from({ length: n }, () => pick(SYLLABLES)).join('');
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const typo = (s: string) => {
    const i = 1 + Math.floor(rnd() * (s.length - 2));
    return s.slice(0, i) + s.slice(i + 1);
  };

  const documents: SourceDocument[] = Array.from({ length: 5 }, (_, i) => ({
    id: `doc-${i}`, short: `Author${i}`, authors: [`Author ${i}`], title: `Document ${i}`, year: 2000 + i * 5, kind: 'report', venue: 'bench', file: `doc-${i}.txt`,
  }));
  const entities: Entity[] = [];
  const used = new Set<string>();
  const origin = { file: 'generated.yaml', line: 1 };
  const entity = (type: EntityType, name: string, aliases: string[]): Entity => {
    let id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    while (used.has(id)) id = `${id}-${entities.length}`;
    used.add(id);
    const e: Entity = { id, type, name, aliases, origin };
    entities.push(e);
    return e;
  };
  entities.push({ id: 'sco', type: 'organisation', name: 'Shanghai Cooperation Organisation', aliases: ['SCO'], origin });
  used.add('sco');
  // About one entity per five facts, as in the real base.
  const scale = Math.max(1, Math.round(count / 5));
  const countries = Array.from({ length: Math.max(10, Math.round(scale * 0.05)) }, () => {
    const base = cap(word(2 + Math.floor(rnd() * 2)));
    return entity('country', `${base}stan`, [`${base}stan Republic`, typo(`${base}stan`), `Republic of ${base}stan`]);
  });
  const places = Array.from({ length: Math.max(10, Math.round(scale * 0.1)) }, () => {
    const n = cap(word(2 + Math.floor(rnd() * 2)));
    return entity('place', n, [typo(n)]);
  });
  const people = Array.from({ length: Math.max(10, Math.round(scale * 0.2)) }, () => {
    const first = cap(word(2));
    const last = cap(word(3));
    return entity('person', `${first} ${last}`, [last, `${first[0]}. ${last}`]);
  });
  const treaties = Array.from({ length: Math.max(10, Math.round(scale * 0.5)) }, () => {
    const topic = pick(TOPICS);
    const a = pick(countries);
    const name = `Agreement on ${topic} ${cap(word(2))}`;
    return entity('treaty', name, [`${a.name} ${topic} agreement ${cap(word(1))}`]);
  });
  const bodies = Array.from({ length: Math.max(5, Math.round(scale * 0.15)) }, () => {
    const n = `SCO ${cap(word(2))} Council`;
    return entity('body', n, [`${cap(word(2))} Council ${cap(word(1))}`]);
  });
  const subjects: Entity[] = [...countries, ...people, ...treaties, ...bodies];

  const facts: Fact[] = [];
  for (let i = 0; i < count; i++) {
    const [kind, relation, verb] = pick(VERBS);
    const subject = kind === 'treaty' ? pick(treaties) : pick(subjects);
    const partner = pick(countries);
    const place = pick(places);
    const year = 1990 + Math.floor(rnd() * 40);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const precision = rnd();
    const date = precision < 0.5 ? { start: { year, month, day } } : precision < 0.8 ? { start: { year, month } } : { start: { year } };
    const topic = pick(TOPICS);
    const statement = `${subject.name} ${verb} ${topic} with ${partner.name} in ${place.name} on ${formatDate(date)}.`;
    const filler = Array.from({ length: 6 + Math.floor(rnd() * 10) }, () => pick(FILLER)).join(' ');
    const quote = `In ${formatDate(date)} ${subject.name} and ${partner.name} ${verb} ${topic} in ${place.name}, ${filler}.`;
    const isMembership = kind === 'statistic' && rnd() < 0.3;
    facts.push({
      id: `fact-${i}`,
      kind: isMembership ? 'membership' : kind,
      about: [subject.id, partner.id, 'sco'],
      ...(isMembership ? { status: pick(['member', 'observer', 'dialogue-partner'] as Status[]) } : {}),
      relation,
      date,
      place: place.id,
      statement,
      tags: [topic],
      sources: [{ doc: pick(documents).id, quote, where: `Chapter ${1 + Math.floor(rnd() * 9)}`, origin }],
      origin,
    });
  }
  // Strings built by concatenation are ropes until first read; a parser makes them flat. Flatten
  // them here (a regular expression reads them once), so the index build is timed on the same kind of string a loaded base has.
  for (const f of facts) for (const text of [f.statement, ...f.sources.map((s) => s.quote)]) FLATTEN.test(text);
  return new FactBase(documents, entities, facts);
}

const FLATTEN = /^$/;
