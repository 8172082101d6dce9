/**
 * The form-definition schema: the structural half of loading a form. zod checks shapes
 * here; load.ts adds what a schema cannot say (unique ids, translations, expressions,
 * cycles). forms/schema/form-definition.schema.json is generated from this file.
 */
import { z } from 'zod';
import { expressionSchema, formIdSchema, languageCodeSchema, localizedTextSchema, questionIdSchema, stepIdSchema } from './fields.ts';
import { questionSchema } from './question-types/index.ts';

export { dateBoundSchema, formIdSchema, languageCodeSchema, localizedTextSchema, questionIdSchema, stepIdSchema } from './fields.ts';
export { questionSchema } from './question-types/index.ts';

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
