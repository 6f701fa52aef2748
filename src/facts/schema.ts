/**
 * The shape of the YAML files in facts/. Zod checks each file's structure; the
 * cross-file rules (unique ids, known references) live in load.ts.
 */
import { z } from 'zod';
import { RELATIONS } from '../check/frames.js';
import { parseFactDate } from './dates.js';

export const ENTITY_TYPES = ['country', 'organisation', 'treaty', 'body', 'person', 'place', 'exercise', 'event', 'topic'] as const;
export const FACT_KINDS = ['membership', 'treaty', 'summit', 'meeting', 'event', 'body', 'person', 'exercise', 'statistic', 'policy'] as const;
export const STATUSES = ['member', 'observer', 'dialogue-partner', 'applicant', 'guest'] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-" (like "india-joins-2017")');

const text = z.string().trim().min(1, 'must not be empty');

/** Accepts 2001 (a YAML number) or "2001-06-15", and checks it is a real date. */
const factDate = z.union([z.string(), z.number()]).superRefine((raw, ctx) => {
  const parsed = parseFactDate(raw);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
});

export const documentSchema = z.strictObject({
  id: slug,
  short: text.describe('how a citation names the authors: "Janibekov", "Rozanov et al."'),
  authors: z.array(text).min(1),
  title: text,
  year: z.number().int().min(1900).max(2100),
  kind: text,
  venue: text,
  link: z.string().optional(),
  doi: z.string().optional(),
  licence: z.string().optional(),
  file: text.describe('the file name under shared/sources/ the quotes were read from'),
});

export const sourcesFileSchema = z.strictObject({ documents: z.array(documentSchema).min(1) });

export const entitySchema = z.strictObject({
  id: slug,
  type: z.enum(ENTITY_TYPES),
  name: text,
  aliases: z.array(text).default([]),
  description: z.string().optional(),
  in: slug.optional().describe('for a place: the country it lies in, so that "held in Kazakhstan" agrees with a range in Kazakhstan'),
});

export const quoteSchema = z.strictObject({
  doc: slug,
  quote: text,
  where: text.describe('a locator a reader can find: chapter, section, page'),
  date: factDate.optional().describe('only when this source states a different date'),
  place: slug.optional().describe('only when this source states a different place'),
  value: z.union([z.number(), z.string()]).optional().describe('only when this source states a different value'),
});

export const factSchema = z
  .strictObject({
    id: slug,
    kind: z.enum(FACT_KINDS),
    about: z.array(slug).min(1, 'must name at least one entity'),
    status: z.enum(STATUSES).optional(),
    relation: z
      .enum(RELATIONS as [string, ...string[]], { message: `is not a declared relation; declare it in src/check/frames.ts or use one of: ${RELATIONS.join(', ')}` })
      .optional(),
    date: factDate.optional(),
    place: slug.optional(),
    value: z.union([z.number(), z.string()]).optional(),
    statement: text,
    note: z.string().optional().describe("a curator's note, e.g. where a document contradicts itself"),
    tags: z.array(text).default([]),
    sources: z.array(quoteSchema).min(1, 'every fact needs at least one source quote'),
  })
  .superRefine((fact, ctx) => {
    if (fact.kind === 'membership' && !fact.status)
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'a membership fact needs a status (member, observer, dialogue-partner, applicant, guest)' });
    if (fact.kind !== 'membership' && fact.status)
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'only membership facts have a status' });
  });

export const factFileSchema = z.strictObject({
  entities: z.array(entitySchema).default([]),
  facts: z.array(factSchema).default([]),
});

export type DocumentInput = z.infer<typeof documentSchema>;
export type EntityInput = z.infer<typeof entitySchema>;
export type FactInput = z.infer<typeof factSchema>;
export type QuoteInput = z.infer<typeof quoteSchema>;
export type EntityType = (typeof ENTITY_TYPES)[number];
export type FactKind = (typeof FACT_KINDS)[number];
export type Status = (typeof STATUSES)[number];
