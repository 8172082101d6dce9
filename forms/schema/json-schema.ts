/** The JSON Schema editors use for form definitions, generated from the zod schema. */
import { z } from 'zod';
import { formDefinitionSchema } from '../engine/schema.ts';

/** Builds the schema object; `io: 'input'` so fields with defaults (`required`, `rules`) stay optional. */
export function formDefinitionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(formDefinitionSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'form-definition.schema.json',
    title: 'Clinic intake kiosk: form definition',
    description:
      'A form the kiosk can serve. Conditions (visibleIf, rules[].when) use the expression language in forms/README.md. ' +
      'Generated from forms/engine/schema.ts by forms/schema/generate.ts; do not edit by hand.',
  };
}

/** The exact text of the checked-in file. */
export function formDefinitionJsonSchemaText(): string {
  return `${JSON.stringify(formDefinitionJsonSchema(), null, 2)}\n`;
}
