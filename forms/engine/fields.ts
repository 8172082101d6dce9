/**
 * The schema's building blocks shared by the form, its steps and every question type:
 * ids, translated text, date bounds, conditions and the fields every question has.
 * Question types (question-types/*.ts) build their own shapes from these.
 */
import { z } from 'zod';

const ID = /^[a-z][a-z0-9_]*$/;
const ID_HINT = 'Use lower-case letters, digits and underscores, starting with a letter.';

export const formIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'Use lower-case letters, digits, dashes and underscores, starting with a letter.')
  .brand<'FormId'>();
export const stepIdSchema = z.string().regex(ID, ID_HINT).brand<'StepId'>();
export const questionIdSchema = z.string().regex(ID, ID_HINT).brand<'QuestionId'>();
export const optionIdSchema = z.string().regex(ID, ID_HINT);

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
export const expressionSchema = z
  .string()
  .min(1, 'A condition cannot be empty.')
  .max(2000)
  .describe('A condition, e.g. "pregnant == yes and pregnancy_weeks >= 12" or "surgery_date within 12 weeks". See forms/README.md.');

/** The fields every question has, whatever its type. */
export const questionBase = {
  id: questionIdSchema,
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.boolean().default(false),
  visibleIf: expressionSchema.optional(),
};

export const optionSchema = z.strictObject({
  id: optionIdSchema,
  label: localizedTextSchema,
  /** A "none of these" option: it cannot be chosen together with another option. */
  exclusive: z.boolean().optional(),
});

/** A non-negative whole number (lengths, counts). */
export const countSchema = z.number().int().min(0);
