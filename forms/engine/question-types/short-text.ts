/** `short_text`: one line, optionally with a length range and a pattern (with the form's own message). */
import { z } from 'zod';
import { countSchema, localizedTextSchema, questionBase } from '../fields.ts';
import type { DeepReadonly } from '../ids.ts';
import { checkTextLength, formatText, normalizeText } from './shared.ts';
import type { DefinitionIssue, QuestionTypeSpec } from './spec.ts';

export const shortTextSchema = z.strictObject({
  ...questionBase,
  type: z.literal('short_text'),
  minLength: countSchema.optional(),
  maxLength: countSchema.max(500).optional(),
  pattern: z.strictObject({ regex: z.string().min(1), message: localizedTextSchema }).optional(),
});
type ShortText = DeepReadonly<z.output<typeof shortTextSchema>>;

export const shortText = {
  label: 'Short text',
  valueKind: 'text',
  requiredMessage: 'required',
  check(q, v) {
    if (typeof v !== 'string') return { key: 'invalid' };
    const length = checkTextLength(v, q.minLength, q.maxLength ?? 500);
    if (length) return length;
    if (q.pattern && !new RegExp(q.pattern.regex, 'u').test(v.trim())) return { custom: q.pattern.message, code: 'pattern' };
    return null;
  },
  normalize: (_q, v) => normalizeText(v),
  format: (_q, v) => formatText(v),
  definitionIssues(q) {
    const issues: DefinitionIssue[] = [];
    if (q.minLength !== undefined && q.maxLength !== undefined && q.minLength > q.maxLength) issues.push({ field: 'minLength', message: 'minLength is above maxLength' });
    if (q.pattern) {
      try {
        new RegExp(q.pattern.regex, 'u');
      } catch {
        issues.push({ field: 'pattern.regex', message: `the pattern /${q.pattern.regex}/ is not a valid regular expression` });
      }
    }
    return issues;
  },
  patterns: (q) => (q.pattern ? [{ field: 'pattern.regex', regex: q.pattern.regex }] : []),
  draft: { defaults: () => ({}), fields: ['minLength', 'maxLength'] },
} satisfies QuestionTypeSpec<ShortText>;
