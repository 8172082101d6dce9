import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from './ids.ts';
import { miniForm } from './mini-form.fixture.ts';
import { validateStep, validateSubmission } from './validate.ts';

const form = miniForm();
const NOW = new Date(2025, 5, 15, 9, 0); // 15 June 2025
const sig = { width: 300, height: 100, strokes: [Array.from({ length: 12 }, (_, i) => ({ x: 10 + i * 5, y: 20, t: i * 16 }))] };
const complete: Answers = { name: 'Ana', dob: '1980-01-31', pain: 3, agree: true, sig };

describe('validateStep', () => {
  it.each<[string, string, Readonly<Record<string, AnswerValue>>, string | null, string | null]>([
    // label, step, answers (over `complete`), expected code for the question, English message
    ['required text missing', 'basics', { name: '' }, 'required', 'Please answer this question.'],
    ['required text only spaces', 'basics', { name: '   ' }, 'required', 'Please answer this question.'],
    ['text too long', 'basics', { name: 'A'.repeat(21) }, 'too_long', 'Please use 20 characters or fewer.'],
    ['date of birth in the future', 'basics', { dob: '2025-06-16' }, 'date_max', 'This date cannot be in the future.'],
    ['date of birth today is allowed', 'basics', { dob: '2025-06-15' }, null, null],
    ['date of birth 121 years ago', 'basics', { dob: '1904-06-14' }, 'date_min', 'Please enter a date on or after 15 June 1905.'],
    ['impossible date', 'basics', { dob: '2001-02-30' }, 'date_invalid', 'Please enter a real date.'],
    ['not a date', 'basics', { dob: '31/01/1980' }, 'date_invalid', 'Please enter a real date.'],
    ['email without domain', 'basics', { email: 'ana@' }, 'email', 'Please enter an email address like name@example.com.'],
    ['email with spaces', 'basics', { email: 'ana garcia@example.com' }, 'email', 'Please enter an email address like name@example.com.'],
    ['valid email', 'basics', { email: 'ana.garcia@example.co.uk' }, null, null],
    ['optional email left empty', 'basics', { email: '' }, null, null],
    ['phone too short', 'basics', { phone: '12345' }, 'phone', 'Please enter a phone number with 7 to 15 digits.'],
    ['phone with letters', 'basics', { phone: '555-CALL-NOW' }, 'phone', 'Please enter a phone number with 7 to 15 digits.'],
    ['phone with formatting', 'basics', { phone: '+34 (91) 555-01.23' }, null, null],
    ['pattern mismatch uses the form message', 'basics', { code: 'ab1' }, 'pattern', 'Three capital letters.'],
    ['long text too long', 'basics', { notes: 'x'.repeat(11) }, 'too_long', 'Please use 10 characters or fewer.'],
    ['pain 11 out of range', 'body', { pain: 11 }, 'range', 'Please choose a number from 0 to 10.'],
    ['pain -1 out of range', 'body', { pain: -1 }, 'range', 'Please choose a number from 0 to 10.'],
    ['pain 7.5 not on the scale', 'body', { pain: 7.5 }, 'range', 'Please choose a number from 0 to 10.'],
    ['pain missing', 'body', { pain: null }, 'required', 'Please choose an answer.'],
    ['pain 0 is an answer', 'body', { pain: 0 }, null, null],
    ['weeks not a whole number', 'body', { pregnant: true, weeks: 12.5, high_risk: false }, 'integer', 'Please enter a whole number.'],
    ['weeks above max', 'body', { pregnant: true, weeks: 43, high_risk: false }, 'range', 'Please choose a number from 1 to 42.'],
    ['hidden required question is not required', 'body', { pregnant: false }, null, null],
    ['visible required follow-up is required', 'body', { pregnant: true, weeks: null }, 'required', 'Please answer this question.'],
    ['"none" combined with another option', 'body', { conditions: ['none', 'disc'] }, 'exclusive', '"None" cannot be combined with other answers.'],
    ['too many options', 'body', { conditions: ['disc', 'sciatica', 'scoliosis'] }, 'max_selected', 'Please choose no more than 2.'],
    ['unknown option', 'body', { duration: 'weekly' }, 'invalid', 'This answer is not valid. Please check it.'],
    ['region not offered', 'body', { areas: ['head'] }, 'invalid', 'This answer is not valid. Please check it.'],
    ['yes/no given as text', 'body', { pregnant: 'yes' }, 'invalid', 'This answer is not valid. Please check it.'],
    ['consent refused', 'sign', { agree: false }, 'required', 'Please accept to continue.'],
    ['signature with no strokes', 'sign', { sig: { width: 300, height: 100, strokes: [] } }, 'required', 'Please sign in the box.'],
    ['complete step', 'sign', {}, null, null],
  ])('%s', (_label, step, patch, code, en) => {
    const errors = validateStep(form, step, { ...complete, ...patch }, NOW);
    const changed = Object.keys(patch);
    const relevant = errors.filter((e) => changed.includes(e.questionId));
    expect(relevant.map((e) => e.code)).toEqual(code ? [code] : []);
    if (en) expect(relevant[0]?.message.en).toBe(en);
    // Everything outside the patch was valid to begin with.
    expect(errors.length).toBe(relevant.length);
  });

  it('every message comes in Spanish too', () => {
    const errors = validateStep(form, 'basics', { dob: '2030-01-01', name: '', email: 'x', phone: '1' }, NOW);
    expect(errors.map((e) => e.message.es)).toEqual([
      'Por favor, responda a esta pregunta.',
      'Esta fecha no puede ser posterior a hoy.',
      'Por favor, escriba un correo electrónico como nombre@ejemplo.com.',
      'Por favor, escriba un número de teléfono de 7 a 15 dígitos.',
    ]);
  });

  it('date-range messages write the date in the language', () => {
    const [error] = validateStep(form, 'basics', { ...complete, dob: '1900-01-01' }, NOW);
    expect(error?.message.es).toBe('Por favor, escriba una fecha a partir del 15 de junio de 1905.');
  });
});

describe('validateSubmission', () => {
  it('accepts a complete submission', () => {
    expect(validateSubmission(form, complete, NOW)).toEqual([]);
  });

  it('checks every visible step and names unknown answers', () => {
    const errors = validateSubmission(form, { ...complete, name: '', sig: null, injected: 'x' }, NOW);
    expect(errors.map((e) => [e.questionId, e.code])).toEqual([
      ['name', 'required'],
      ['sig', 'required'],
      ['injected', 'unknown_question'],
    ]);
  });
});
