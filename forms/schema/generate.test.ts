import { describe, expect, it } from 'vitest';
import checkedIn from './form-definition.schema.json' with { type: 'json' };
import { formDefinitionJsonSchema } from './json-schema.ts';

describe('form-definition.schema.json', () => {
  it('matches the zod schema (run `node forms/schema/generate.ts` after changing forms/engine/schema.ts)', () => {
    expect(checkedIn).toEqual(JSON.parse(JSON.stringify(formDefinitionJsonSchema())));
  });

  it('describes every question type an editor can offer', () => {
    const text = JSON.stringify(checkedIn);
    for (const type of ['short_text', 'long_text', 'date', 'phone', 'email', 'single_choice', 'multiple_choice', 'yes_no', 'number', 'scale', 'body_map', 'signature', 'consent']) {
      expect(text, type).toContain(`"const":"${type}"`);
    }
  });
});
