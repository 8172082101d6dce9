/** `date`: `YYYY-MM-DD`, optionally between bounds such as `today-120y` and `today`. */
import { z } from 'zod';
import { dayNumber, formatCivilDate, parseIsoDate, resolveDateBound, toIsoDate, type CivilDate } from '../dates.ts';
import { createFormatter } from '../intl-format.ts';
import { dateBoundSchema, questionBase } from '../fields.ts';
import type { DeepReadonly } from '../ids.ts';
import { BUILTIN_LANGUAGES, type MessageParam } from '../messages.ts';
import type { DefinitionIssue, QuestionTypeSpec } from './spec.ts';

export const dateSchema = z.strictObject({ ...questionBase, type: z.literal('date'), min: dateBoundSchema.optional(), max: dateBoundSchema.optional() });
type DateQuestion = DeepReadonly<z.output<typeof dateSchema>>;

function datesText(date: CivilDate): MessageParam {
  const out: Record<string, string> = {};
  for (const lang of BUILTIN_LANGUAGES) out[lang] = formatCivilDate(date, lang);
  return out;
}

export const date = {
  label: 'Date',
  valueKind: 'date',
  requiredMessage: 'required',
  check(q, v, today) {
    if (typeof v !== 'string') return { key: 'invalid' };
    const value = parseIsoDate(v);
    if (!value) return { key: 'date_invalid' };
    const min = q.min === undefined ? null : resolveDateBound(q.min, today);
    const max = q.max === undefined ? null : resolveDateBound(q.max, today);
    if (max && dayNumber(value) > dayNumber(max)) return q.max === 'today' ? { key: 'date_future' } : { key: 'date_max', params: { date: datesText(max) } };
    if (min && dayNumber(value) < dayNumber(min)) return q.min === 'today' ? { key: 'date_past' } : { key: 'date_min', params: { date: datesText(min) } };
    return null;
  },
  normalize: (_q, v) => (typeof v === 'string' && parseIsoDate(v) ? v : null),
  // The one calendar-day format of every screen and the PDF (intl-format.ts), as the client's
  // language writes dates: "Jan 31, 1980", "31 janv. 1980", "1980年1月31日", "31 thg 1, 1980".
  format(_q, v, ctx) {
    const value = typeof v === 'string' ? parseIsoDate(v) : null;
    return value ? createFormatter(ctx.lang).date(toIsoDate(value)) : null;
  },
  definitionIssues(q) {
    const issues: DefinitionIssue[] = [];
    const min = q.min ? parseIsoDate(q.min) : null;
    const max = q.max ? parseIsoDate(q.max) : null;
    if (q.min && /^\d/.test(q.min) && !min) issues.push({ field: 'min', message: `"${q.min}" is not a real date` });
    if (q.max && /^\d/.test(q.max) && !max) issues.push({ field: 'max', message: `"${q.max}" is not a real date` });
    if (min && max && q.min && q.max && q.min > q.max) issues.push({ field: 'min', message: 'min is after max' });
    return issues;
  },
  draft: { defaults: () => ({}), fields: ['dateBounds'] },
} satisfies QuestionTypeSpec<DateQuestion>;
