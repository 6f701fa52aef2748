/**
 * Relation frames: every relation a fact may carry (`relation:` in facts/), the words that
 * express it in a claim or a question, and which of its slots can hold only one value for
 * one subject. This table is the one place to extend: a new relation is one entry here,
 * and `factbot validate` rejects a fact whose relation is not declared.
 *
 * Single-valued slots decide contradictions: one exercise has one place and one span of
 * dates, so another place contradicts the claim; a country proposes many things in many
 * years, so another year of a proposal says nothing about the claimed one.
 */

import type { EntityType } from '../facts/schema.js';

/** The parts of an event or state a claim can state and a fact can give. */
export type Slot = 'date' | 'place' | 'count' | 'status' | 'agent' | 'participants';

export interface Frame {
  /** As written in facts/: `relation: signed`. */
  relation: string;
  /** Relations of one family answer for one another: a document "adopted" at a summit is the one "signed" there. */
  family: string;
  /** Every verb form that states the relation, as lower-case phrases. */
  verbs: string[];
  /** Nouns that name the relation: "accession", "headquarters". */
  nouns: string[];
  /** Slots with one value for one subject; a different value there is a contradiction. */
  single: Slot[];
  /**
   * The kinds of subject that do this once, so that `single` holds for them: a treaty is signed once,
   * but the SCO signs many documents; an exercise is held once, but a council meets every year.
   */
  once: EntityType[];
  /** Families whose facts also carry this frame's slots: how many took part is stated in the fact of the exercise held. */
  alsoIn?: string[];
  /** Why the entry is as it is. */
  reason: string;
}

export const FRAMES: readonly Frame[] = [
  {
    relation: 'signed',
    family: 'document',
    verbs: ['sign', 'signs', 'signed', 'signing', 'inked', 'ink', 'concluded', 'conclude', 'initialled', 'initialed'],
    nouns: ['signature', 'signing'],
    single: ['date', 'place'],
    once: ['treaty'],
    reason: 'a document is signed once, on one day in one place (a later protocol is a fact of its own)',
  },
  {
    relation: 'adopted',
    family: 'document',
    verbs: ['adopt', 'adopts', 'adopted', 'adopting', 'passed', 'issued', 'released', 'unveiled'],
    nouns: ['adoption'],
    single: ['date', 'place'],
    once: ['treaty'],
    reason: 'a declaration, programme or resolution is adopted once; the documents say "adopted" and "signed" of the same act',
  },
  {
    relation: 'approved',
    family: 'document',
    verbs: ['approve', 'approves', 'approved', 'approving', 'endorsed', 'endorse', 'endorses', 'backed'],
    nouns: ['approval', 'endorsement'],
    single: ['date', 'place'],
    once: ['treaty'],
    reason: 'approving a document is the same act as adopting it, for the claims people make',
  },
  {
    relation: 'decided',
    family: 'decision',
    verbs: ['decided', 'decide', 'decides', 'agreed', 'agree', 'resolved', 'gave', 'give', 'provided', 'allocated', 'granted', 'lent', 'loaned'],
    nouns: ['decision'],
    single: [],
    once: [],
    reason: 'bodies decide and states give many times over: another year of a decision is another decision',
  },
  {
    relation: 'ratified',
    family: 'ratification',
    verbs: ['ratify', 'ratifies', 'ratified', 'ratifying'],
    nouns: ['ratification'],
    single: [],
    once: [],
    reason: 'each signatory ratifies on its own date',
  },
  {
    relation: 'entered-into-force',
    family: 'in-force',
    verbs: ['entered into force', 'came into force', 'comes into force', 'enter into force', 'came into effect', 'took effect', 'in force', 'effective'],
    nouns: ['entry into force'],
    single: ['date'],
    once: ['treaty'],
    reason: 'a document enters into force once; that date is not its signing date',
  },
  {
    relation: 'founded',
    family: 'creation',
    verbs: ['found', 'founded', 'established', 'establish', 'created', 'create', 'set up', 'formed', 'launched', 'started', 'began', 'begun', 'got started', 'inaugurated', 'instituted', 'opened', 'born'],
    nouns: ['foundation', 'establishment', 'creation', 'founding', 'launch', 'setting up', 'creating', 'establishing', 'launching'],
    single: ['date', 'place'],
    once: ['organisation', 'body', 'treaty', 'topic'],
    reason: 'an organisation or body comes into being once, in one place',
  },
  {
    relation: 'established',
    family: 'creation',
    verbs: [],
    nouns: [],
    single: ['date', 'place'],
    once: ['organisation', 'body', 'topic'],
    reason: 'the documents\' word for founding a body; expressed by the founding verbs',
  },
  {
    relation: 'created',
    family: 'creation',
    verbs: [],
    nouns: [],
    single: ['date', 'place'],
    once: ['organisation', 'body', 'topic'],
    reason: 'as "established"',
  },
  {
    relation: 'launched',
    family: 'creation',
    verbs: [],
    nouns: [],
    single: ['date', 'place'],
    once: ['organisation', 'body', 'topic'],
    reason: 'as "established", for projects and mechanisms',
  },
  {
    relation: 'held',
    family: 'occurrence',
    verbs: ['held', 'hold', 'holds', 'took place', 'take place', 'takes place', 'happened', 'occurred', 'met', 'convened', 'conducted', 'staged', 'organised', 'organized', 'carried out'],
    nouns: ['venue'],
    single: ['date', 'place', 'count'],
    once: ['event', 'exercise'],
    reason: 'one summit, meeting or exercise happens in one place over one span of days, with one size; its participants are many',
  },
  {
    relation: 'hosted',
    family: 'occurrence',
    verbs: ['host', 'hosts', 'hosted', 'hosting'],
    nouns: ['host'],
    single: ['date', 'place'],
    once: ['event', 'exercise'],
    reason: 'hosting is the place of the event seen from the host',
  },
  {
    relation: 'participated',
    family: 'participation',
    verbs: ['participated', 'participate', 'took part', 'take part', 'attended', 'attend', 'involved', 'joined the exercise', 'sent'],
    nouns: ['participation', 'participants'],
    single: [],
    once: [],
    alsoIn: ['occurrence'],
    reason: 'many take part in one event; one who is not listed is not thereby absent',
  },
  {
    relation: 'located-in',
    family: 'location',
    verbs: ['based', 'located', 'headquartered', 'seated', 'sits', 'situated', 'housed', 'is in', 'are in', 'is at'],
    nouns: ['headquarters', 'seat', 'hq'],
    single: ['place'],
    once: ['organisation', 'body'],
    reason: 'a body has one seat at a time (a move is two facts, or two versions)',
  },
  {
    relation: 'headed-by',
    family: 'leadership',
    verbs: ['headed', 'heads', 'head', 'led', 'leads', 'chaired', 'chairs', 'directed'],
    nouns: ['secretary-general', 'secretary general', 'director', 'head', 'chairman'],
    single: [],
    once: [],
    reason: 'heads change over time; a different name in another year is no contradiction',
  },
  {
    relation: 'proposed',
    family: 'proposal',
    verbs: ['proposed', 'propose', 'proposes', 'suggested', 'suggest', 'initiated', 'initiate', 'put forward', 'called for', 'advocated', 'floated', 'offered', 'offer', 'offers'],
    nouns: ['proposal', 'initiative'],
    single: ['agent'],
    once: ['topic', 'treaty', 'body', 'organisation'],
    reason: 'one idea has one author, but is put forward again in many years; an offer is put forward the same way',
  },
  {
    relation: 'meets',
    family: 'meeting-rule',
    verbs: ['meets', 'meet', 'convenes', 'gathers'],
    nouns: ['sessions'],
    single: ['count'],
    once: ['body'],
    reason: 'a body meets a fixed number of times a year',
  },
  {
    relation: 'joined',
    family: 'status',
    verbs: ['joined', 'join', 'joins', 'joining', 'acceded', 'accede', 'accedes', 'admitted', 'became a member', 'become a member', 'entered'],
    nouns: ['accession', 'membership', 'admission'],
    single: ['date'],
    once: [],
    reason: 'a country becomes a member of one organisation once',
  },
  {
    relation: 'became-observer',
    family: 'status',
    verbs: [],
    nouns: ['observer status'],
    single: ['date'],
    once: [],
    reason: 'a status is gained once; the membership timeline decides',
  },
  {
    relation: 'became-dialogue-partner',
    family: 'status',
    verbs: [],
    nouns: ['dialogue partner status'],
    single: ['date'],
    once: [],
    reason: 'as "became-observer"',
  },
  {
    relation: 'applied',
    family: 'application',
    verbs: ['applied', 'apply', 'applies', 'requested', 'sought', 'asked to join'],
    nouns: ['application', 'bid', 'request'],
    single: [],
    once: [],
    reason: 'applying for a status is not having it; countries apply more than once',
  },
  {
    relation: 'statistic',
    family: 'statistic',
    verbs: ['has', 'had', 'have', 'counts', 'numbers', 'totals', 'totalled', 'reached', 'grew', 'killed', 'accounts for'],
    nouns: [],
    single: ['count'],
    once: ['organisation', 'body', 'event', 'exercise', 'topic', 'country', 'place'],
    reason: 'a figure for one thing at one time; the documents give versions where they differ',
  },
  {
    relation: 'describes',
    family: 'describes',
    verbs: [],
    nouns: [],
    single: [],
    once: [],
    reason: 'a statement of what something is or does, not an event: it supports only what it says word for word',
  },
];

export const RELATIONS: readonly string[] = FRAMES.map((f) => f.relation);

const BY_RELATION = new Map(FRAMES.map((f) => [f.relation, f]));

export function frameOf(relation: string | undefined): Frame | undefined {
  return relation ? BY_RELATION.get(relation) : undefined;
}

export function familyOf(relation: string | undefined): string | undefined {
  return frameOf(relation)?.family;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

function alternation(words: string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|');
}

/** One expression per family that has words, for reading claims: the first family whose words appear, in table order. */
export const FAMILY_CUES: readonly { family: string; alsoIn: string[]; re: RegExp }[] = [...new Set(FRAMES.map((f) => f.family))]
  .map((family) => FRAMES.filter((f) => f.family === family))
  // A family with no words of its own (descriptions) is never read from a claim.
  .filter((members) => members.some((f) => f.verbs.length || f.nouns.length))
  .map((members) => ({
    family: members[0]!.family,
    alsoIn: [...new Set(members.flatMap((f) => f.alsoIn ?? []))],
    re: new RegExp(`\\b(?:${alternation(members.flatMap((f) => [...f.verbs, ...f.nouns]))})\\b`, 'i'),
  }));

/** Every verb form of every frame: what makes a sentence a statement someone could be claiming. */
export const FRAME_VERBS = new RegExp(`\\b(?:${alternation(FRAMES.flatMap((f) => f.verbs))})\\b`, 'i');

/** Every verb and noun of every frame, for taking the relation out of a claim's topic words. */
export const FRAME_WORDS = new RegExp(`\\b(?:${alternation(FRAMES.flatMap((f) => [...f.verbs, ...f.nouns]))})\\b`, 'gi');
