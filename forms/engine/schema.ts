/**
 * The form-definition schema: the structural half of loading a form. zod checks shapes
 * here; load.ts adds what a schema cannot say (unique ids, translations, expressions,
 * cycles). forms/schema/form-definition.schema.json is generated from this file.
 */
import { z } from 'zod';
import { BODY_MAP_REGION_IDS } from './body-map.ts';

const ID = /^[a-z][a-z0-9_]*$/;
const ID_HINT = 'Use lower-case letters, digits and underscores, starting with a letter.';

export const formIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'Use lower-case letters, digits, dashes and underscores, starting with a letter.')
  .brand<'FormId'>();
export const stepIdSchema = z.string().regex(ID, ID_HINT).brand<'StepId'>();
export const questionIdSchema = z.string().regex(ID, ID_HINT).brand<'QuestionId'>();
const optionIdSchema = z.string().regex(ID, ID_HINT);

export const languageCodeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a language code such as "en" or "es".');

/** `{ "en": "...", "es": "..." }`; load.ts checks that every declared language is present. */
export const localizedTextSchema = z
  .record(languageCodeSchema, z.string())
  .describe('One text per language the form declares, e.g. { "en": "Neck", "es": "Cuello" }.');

/** A date bound: `YYYY-MM-DD`, `today`, or `today` plus/minus an offset such as `today-120y`. */
export const dateBoundSchema = z
  .string()
  .regex(/^(today([+-]\d{1,4}[dwmy])?|\d{4}-\d{2}-\d{2})$/, 'Use YYYY-MM-DD, "today", or an offset such as "today-120y" (d, w, m, y).')
  .describe('YYYY-MM-DD, "today", or today plus/minus days, weeks, months or years: "today-120y", "today+2w".');

/** A condition in the expression language (see forms/README.md). */
const expressionSchema = z
  .string()
  .min(1, 'A condition cannot be empty.')
  .max(2000)
  .describe('A condition, e.g. "pregnant == yes and pregnancy_weeks >= 12" or "surgery_date within 12 weeks". See forms/README.md.');

const base = {
  id: questionIdSchema,
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.boolean().default(false),
  visibleIf: expressionSchema.optional(),
};

const optionSchema = z.strictObject({
  id: optionIdSchema,
  label: localizedTextSchema,
  /** A "none of these" option: it cannot be chosen together with another option. */
  exclusive: z.boolean().optional(),
});

const count = z.number().int().min(0);

export const questionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('short_text'),
    minLength: count.optional(),
    maxLength: count.max(500).optional(),
    pattern: z.strictObject({ regex: z.string().min(1), message: localizedTextSchema }).optional(),
  }),
  z.strictObject({ ...base, type: z.literal('long_text'), maxLength: count.max(5000).optional() }),
  z.strictObject({ ...base, type: z.literal('date'), min: dateBoundSchema.optional(), max: dateBoundSchema.optional() }),
  z.strictObject({ ...base, type: z.literal('phone') }),
  z.strictObject({ ...base, type: z.literal('email') }),
  z.strictObject({ ...base, type: z.literal('single_choice'), options: z.array(optionSchema).min(2) }),
  z.strictObject({
    ...base,
    type: z.literal('multiple_choice'),
    options: z.array(optionSchema).min(1),
    minSelected: count.optional(),
    maxSelected: count.optional(),
  }),
  z.strictObject({ ...base, type: z.literal('yes_no') }),
  z.strictObject({
    ...base,
    type: z.literal('number'),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    integer: z.boolean().default(false),
    unit: localizedTextSchema.optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('scale'),
    min: z.number().int(),
    max: z.number().int(),
    minLabel: localizedTextSchema.optional(),
    maxLabel: localizedTextSchema.optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('body_map'),
    /** The regions offered; all regions of BODY_MAP when absent. */
    regions: z.array(z.enum(BODY_MAP_REGION_IDS)).min(1).optional(),
  }),
  z.strictObject({ ...base, type: z.literal('signature') }),
  z.strictObject({ ...base, type: z.literal('consent'), text: localizedTextSchema }),
]);

export const stepSchema = z.strictObject({
  id: stepIdSchema,
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  visibleIf: expressionSchema.optional(),
  questions: z.array(questionSchema).min(1),
});

export const severitySchema = z.enum(['stop', 'clearance', 'modify', 'info']);

export const screeningRuleSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'Use upper-case letters, digits and underscores, e.g. RECENT_SURGERY.'),
  severity: severitySchema,
  when: expressionSchema,
  title: localizedTextSchema,
  /** For the therapist only; the client never sees it. */
  guidance: localizedTextSchema,
  /** What the client is told, kindly and without clinical detail. */
  clientMessage: localizedTextSchema.optional(),
});

export const formDefinitionSchema = z.strictObject({
  $schema: z.string().optional(),
  id: formIdSchema,
  version: z.number().int().min(1),
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  languages: z.array(languageCodeSchema).min(1),
  defaultLanguage: languageCodeSchema,
  /** Which answers identify the client on the queue and the PDF. */
  identity: z.strictObject({
    name: z.array(questionIdSchema).min(1),
    dateOfBirth: questionIdSchema.optional(),
  }),
  steps: z.array(stepSchema).min(1),
  rules: z.array(screeningRuleSchema).default([]),
});
