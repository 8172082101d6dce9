/**
 * Every question type through the registry: what it accepts and refuses, how conditions
 * read its answer, how people read it, its value kind and the editor's default. One
 * table per concern, one labelled row per case, every type in each table.
 */
import { describe, expect, it } from 'vitest';
import type { ValueKind } from '../expr/ast.ts';
import type { AnswerValue, SignatureValue } from '../ids.ts';
import type { Question, QuestionType } from '../types.ts';
import { validateAnswer } from '../validate.ts';
import { isQuestionType, QUESTION_TYPES, questionSchema, signatureProblem, specOf } from './index.ts';

const NOW = new Date(2025, 5, 15, 9, 0); // 15 June 2025
const en = { en: 'x', es: 'x' };

/** One parsed question of each type, as a form would declare it. */
const QUESTIONS: Readonly<Record<QuestionType, Question>> = {
  short_text: q({ type: 'short_text', minLength: 2, maxLength: 10, pattern: { regex: '^[A-Z]', message: { en: 'Start with a capital.', es: 'Empiece con mayúscula.' } } }),
  long_text: q({ type: 'long_text', maxLength: 20 }),
  date: q({ type: 'date', min: 'today-120y', max: 'today' }),
  phone: q({ type: 'phone' }),
  email: q({ type: 'email' }),
  single_choice: q({ type: 'single_choice', options: [{ id: 'weekly', label: { en: 'Weekly', es: 'Semanal' } }, { id: 'monthly', label: { en: 'Monthly', es: 'Mensual' } }] }),
  multiple_choice: q({
    type: 'multiple_choice',
    maxSelected: 2,
    options: [
      { id: 'disc', label: { en: 'Disc', es: 'Disco' } },
      { id: 'sciatica', label: { en: 'Sciatica', es: 'Ciática' } },
      { id: 'scoliosis', label: { en: 'Scoliosis', es: 'Escoliosis' } },
      { id: 'none', label: { en: 'None', es: 'Ninguna' }, exclusive: true },
    ],
  }),
  yes_no: q({ type: 'yes_no' }),
  number: q({ type: 'number', min: 1, max: 42, integer: true, unit: { en: 'weeks', es: 'semanas' } }),
  scale: q({ type: 'scale', min: 0, max: 10 }),
  body_map: q({ type: 'body_map', regions: ['neck', 'lower_back'] }),
  signature: q({ type: 'signature' }),
  consent: q({ type: 'consent', text: en }),
};

function q(fields: Record<string, unknown>): Question {
  return questionSchema.parse({ id: 'q', label: en, required: true, ...fields });
}

const line = (n: number, dx: number, dy = 0) => Array.from({ length: n }, (_, i) => ({ x: 10 + i * dx, y: 10 + i * dy, t: i * 16 }));
const sig = (...strokes: ReturnType<typeof line>[]): SignatureValue => ({ width: 600, height: 200, strokes });
const SIGNED = sig(line(30, 5));

describe('validation through the registry (answers to a required question)', () => {
  const cases: ReadonlyArray<{ label: string; type: QuestionType; value: AnswerValue | undefined; code: string | null }> = [
    { label: 'short text: a fitting answer', type: 'short_text', value: 'Ana', code: null },
    { label: 'short text: blank is no answer', type: 'short_text', value: '   ', code: 'required' },
    { label: 'short text: shorter than minLength', type: 'short_text', value: 'A', code: 'too_short' },
    { label: 'short text: longer than maxLength', type: 'short_text', value: 'Abcdefghijk', code: 'too_long' },
    { label: 'short text: the form pattern fails', type: 'short_text', value: 'ana', code: 'pattern' },
    { label: 'short text: a number instead of text', type: 'short_text', value: 5, code: 'invalid' },
    { label: 'long text: within maxLength', type: 'long_text', value: 'Sore after running.', code: null },
    { label: 'long text: over maxLength', type: 'long_text', value: 'x'.repeat(21), code: 'too_long' },
    { label: 'date: today is allowed', type: 'date', value: '2025-06-15', code: null },
    { label: 'date: tomorrow is after max today', type: 'date', value: '2025-06-16', code: 'date_max' },
    { label: 'date: 121 years ago is before min', type: 'date', value: '1904-06-14', code: 'date_min' },
    { label: 'date: 30 February is not a date', type: 'date', value: '2001-02-30', code: 'date_invalid' },
    { label: 'phone: with separators', type: 'phone', value: '+34 (91) 555-01.23', code: null },
    { label: 'phone: too few digits', type: 'phone', value: '12345', code: 'phone' },
    { label: 'email: a plain address', type: 'email', value: 'ana@example.org', code: null },
    { label: 'email: no domain', type: 'email', value: 'ana@', code: 'email' },
    { label: 'single choice: an offered option', type: 'single_choice', value: 'weekly', code: null },
    { label: 'single choice: an option not offered', type: 'single_choice', value: 'daily', code: 'invalid' },
    { label: 'single choice: nothing chosen', type: 'single_choice', value: undefined, code: 'required' },
    { label: 'multiple choice: two options', type: 'multiple_choice', value: ['disc', 'sciatica'], code: null },
    { label: 'multiple choice: above maxSelected', type: 'multiple_choice', value: ['disc', 'sciatica', 'scoliosis'], code: 'max_selected' },
    { label: 'multiple choice: "none" with another', type: 'multiple_choice', value: ['none', 'disc'], code: 'exclusive' },
    { label: 'multiple choice: one option twice', type: 'multiple_choice', value: ['disc', 'disc'], code: 'invalid' },
    { label: 'multiple choice: an empty list is no answer', type: 'multiple_choice', value: [], code: 'required' },
    { label: 'yes/no: false is an answer', type: 'yes_no', value: false, code: null },
    { label: 'yes/no: "yes" as text', type: 'yes_no', value: 'yes', code: 'invalid' },
    { label: 'number: a whole number in range', type: 'number', value: 12, code: null },
    { label: 'number: not whole', type: 'number', value: 12.5, code: 'integer' },
    { label: 'number: above max', type: 'number', value: 43, code: 'range' },
    { label: 'scale: 0 is an answer', type: 'scale', value: 0, code: null },
    { label: 'scale: 11 is off the scale', type: 'scale', value: 11, code: 'range' },
    { label: 'scale: 7.5 is not a step', type: 'scale', value: 7.5, code: 'range' },
    { label: 'body map: an offered region', type: 'body_map', value: ['neck'], code: null },
    { label: 'body map: a region not offered', type: 'body_map', value: ['head'], code: 'invalid' },
    { label: 'signature: a real signature', type: 'signature', value: SIGNED, code: null },
    { label: 'signature: no strokes is no answer', type: 'signature', value: sig(), code: 'required' },
    { label: 'signature: a single tap is refused', type: 'signature', value: sig(line(1, 0)), code: 'signature_trivial' },
    { label: 'signature: 20 points inside 20 px are refused', type: 'signature', value: sig(line(20, 1)), code: 'signature_trivial' },
    { label: 'signature: text instead of strokes', type: 'signature', value: 'Ana', code: 'invalid' },
    { label: 'consent: accepted', type: 'consent', value: true, code: null },
    { label: 'consent: refused is no answer to a required consent', type: 'consent', value: false, code: 'required' },
  ];
  it.each(cases)('$label -> $code', ({ type, value, code }) => {
    expect(validateAnswer(QUESTIONS[type], value, NOW)?.code ?? null).toBe(code);
  });

  it('covers every type', () => {
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(Object.keys(QUESTION_TYPES)));
  });

  it('an optional question left empty (or a consent not given) is fine', () => {
    for (const type of Object.keys(QUESTIONS) as QuestionType[]) {
      const optional = { ...QUESTIONS[type], required: false } as Question;
      expect(validateAnswer(optional, type === 'consent' ? false : undefined, NOW), type).toBeNull();
    }
  });
});

describe('coercion: the answer as conditions read it, and its value kind', () => {
  const cases: ReadonlyArray<{ label: string; type: QuestionType; kind: ValueKind; value: AnswerValue; read: unknown }> = [
    { label: 'short text trimmed', type: 'short_text', kind: 'text', value: '  Ana ', read: 'Ana' },
    { label: 'long text blank -> unanswered', type: 'long_text', kind: 'text', value: ' ', read: null },
    { label: 'date kept as YYYY-MM-DD', type: 'date', kind: 'date', value: '1980-01-31', read: '1980-01-31' },
    { label: 'date not real -> unanswered', type: 'date', kind: 'date', value: '1980-02-30', read: null },
    { label: 'phone trimmed', type: 'phone', kind: 'text', value: ' 555 0100 ', read: '555 0100' },
    { label: 'email trimmed', type: 'email', kind: 'text', value: 'ana@example.org ', read: 'ana@example.org' },
    { label: 'single choice unknown -> unanswered', type: 'single_choice', kind: 'choice', value: 'daily', read: null },
    { label: 'multiple choice keeps only known ids', type: 'multiple_choice', kind: 'set', value: ['disc', 'gout'], read: ['disc'] },
    { label: 'yes/no as text -> unanswered', type: 'yes_no', kind: 'boolean', value: 'yes', read: null },
    { label: 'number kept', type: 'number', kind: 'number', value: 12, read: 12 },
    { label: 'scale kept', type: 'scale', kind: 'number', value: 7, read: 7 },
    { label: 'body map keeps only offered regions', type: 'body_map', kind: 'set', value: ['neck', 'head'], read: ['neck'] },
    { label: 'signature with strokes reads as true', type: 'signature', kind: 'signature', value: SIGNED, read: true },
    { label: 'consent refused reads as false', type: 'consent', kind: 'boolean', value: false, read: false },
  ];
  it.each(cases)('$label ($kind)', ({ type, kind, value, read }) => {
    const question = QUESTIONS[type];
    expect(specOf(question).valueKind).toBe(kind);
    expect(specOf(question).normalize(question, value)).toEqual(read);
  });

  it('covers every type', () => {
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(Object.keys(QUESTION_TYPES)));
  });
});

describe('formatting: the answer as people read it', () => {
  const cases: ReadonlyArray<{ label: string; type: QuestionType; value: AnswerValue; lang: string; text: string | null }> = [
    { label: 'short text trimmed', type: 'short_text', value: ' Ana ', lang: 'en', text: 'Ana' },
    { label: 'long text', type: 'long_text', value: 'Sore.', lang: 'en', text: 'Sore.' },
    { label: 'date as Spanish writes it', type: 'date', value: '2025-06-15', lang: 'es', text: '15 jun 2025' },
    { label: 'phone', type: 'phone', value: '555 0100', lang: 'en', text: '555 0100' },
    { label: 'email', type: 'email', value: 'ana@example.org', lang: 'en', text: 'ana@example.org' },
    { label: 'single choice label', type: 'single_choice', value: 'weekly', lang: 'es', text: 'Semanal' },
    { label: 'multiple choice labels', type: 'multiple_choice', value: ['disc', 'sciatica'], lang: 'en', text: 'Disc, Sciatica' },
    { label: 'yes/no word', type: 'yes_no', value: true, lang: 'es', text: 'Sí' },
    { label: 'number with its unit', type: 'number', value: 12, lang: 'en', text: '12 weeks' },
    { label: 'scale out of its max', type: 'scale', value: 7, lang: 'en', text: '7 / 10' },
    { label: 'body map region names', type: 'body_map', value: ['lower_back'], lang: 'es', text: 'Parte baja de la espalda' },
    { label: 'signature', type: 'signature', value: SIGNED, lang: 'en', text: 'Signed' },
    { label: 'consent refused', type: 'consent', value: false, lang: 'en', text: 'Not accepted' },
    { label: 'a value of the wrong type -> shown raw (null)', type: 'number', value: 'twelve', lang: 'en', text: null },
  ];
  it.each(cases)('$label -> $text', ({ type, value, lang, text }) => {
    const question = QUESTIONS[type];
    expect(specOf(question).format(question, value, { lang, fallback: 'en' })).toBe(text);
  });
});

describe('the admin editor: a new question of each type', () => {
  it.each(Object.keys(QUESTION_TYPES) as QuestionType[])('%s: its draft default plus texts is a valid question', (type) => {
    const spec = QUESTION_TYPES[type];
    const draft = { id: 'new_question_1', type, label: { en: 'Label' }, required: false, ...spec.draft.defaults(() => ({ en: 'Text' })) };
    expect(questionSchema.safeParse(draft).success).toBe(true);
    expect(spec.label.length).toBeGreaterThan(0);
  });

  it.each([
    ['choices start with two options', 'single_choice', { options: [{ id: 'option_1', label: { en: '' } }, { id: 'option_2', label: { en: '' } }] }],
    ['a scale starts at 0-10', 'scale', { min: 0, max: 10 }],
    ['a consent starts with a blank text', 'consent', { text: { en: '' } }],
    ['a yes/no needs nothing more', 'yes_no', {}],
  ] as const)('%s', (_label, type, expected) => {
    expect(QUESTION_TYPES[type].draft.defaults(() => ({ en: '' }))).toEqual(expected);
  });

  it.each([
    ['short_text', true],
    ['body_map', true],
    ['favourite_colour', false],
    [42, false],
  ] as const)('isQuestionType(%s) -> %s', (type, expected) => {
    expect(isQuestionType(type)).toBe(expected);
  });
});

describe('signatureProblem: the minimum-signature rule (12 points, 40 px)', () => {
  const cases: ReadonlyArray<{ label: string; value: SignatureValue | null; expected: ReturnType<typeof signatureProblem> }> = [
    { label: 'nothing drawn -> empty', value: null, expected: 'empty' },
    { label: 'no strokes -> empty', value: sig(), expected: 'empty' },
    { label: 'a single tap (1 point) -> trivial', value: sig(line(1, 0)), expected: 'trivial' },
    { label: 'a short scribble of 20 points inside 20 px -> trivial', value: sig(line(20, 1)), expected: 'trivial' },
    { label: 'a 5-point dash 200 px long -> trivial (too few points)', value: sig(line(5, 50)), expected: 'trivial' },
    { label: '12 points spanning exactly 40 px -> accepted', value: sig(line(12, 40 / 11)), expected: null },
    { label: 'a 30-point stroke 150 px wide -> accepted', value: sig(line(30, 5)), expected: null },
    { label: 'two strokes that together span 60 px tall -> accepted', value: sig(line(8, 0, 4), line(8, 0, 4).map((p) => ({ ...p, y: p.y + 30 }))), expected: null },
  ];
  it.each(cases)('$label', ({ value, expected }) => {
    expect(signatureProblem(value)).toBe(expected);
  });
});
