import { describe, expect, it } from 'vitest';
import { formatAnswer } from './format.ts';
import type { AnswerValue } from './ids.ts';
import { miniForm } from './mini-form.fixture.ts';

const form = miniForm();

describe('formatAnswer', () => {
  it.each<[string, string, AnswerValue, string, string]>([
    ['text', 'name', '  Ana ', 'en', 'Ana'],
    ['single choice label', 'duration', 'chronic', 'es', 'Más de 3 meses'],
    ['multiple choice labels', 'conditions', ['disc', 'sciatica'], 'en', 'Disc, Sciatica'],
    ['body map region labels', 'areas', ['lower_back', 'legs'], 'es', 'Parte baja de la espalda, Piernas'],
    ['yes in Spanish', 'pregnant', true, 'es', 'Sí'],
    ['no in English', 'pregnant', false, 'en', 'No'],
    ['number with unit', 'weeks', 20, 'es', '20 semanas'],
    ['scale out of its maximum', 'pain', 7, 'en', '7 / 10'],
    ['consent accepted', 'agree', true, 'es', 'Aceptado'],
    ['signature', 'sig', { width: 1, height: 1, strokes: [[{ x: 0, y: 0, t: 0 }]] }, 'en', 'Signed'],
    ['unanswered', 'email', null, 'es', 'Sin respuesta'],
    ['empty list', 'conditions', [], 'en', 'Not answered'],
    ['unknown language falls back to the form default', 'duration', 'acute', 'fr', 'Under 6 weeks'],
    ['unknown option shows its id', 'duration', 'weekly', 'en', 'weekly'],
  ])('%s', (_label, id, value, lang, expected) => {
    expect(formatAnswer(form, id, value, lang)).toBe(expected);
  });

  // What the review screen shows before signing, and the staff detail: each language's own
  // way of writing a calendar day (intl-format.ts, the staff screens' and the PDF's format).
  it.each<[string, string]>([
    ['en', 'Jan 31, 1980'],
    ['es', '31 ene 1980'],
    ['fr', '31 janv. 1980'],
    ['zh', '1980年1月31日'],
    ['vi', '31 thg 1, 1980'],
    ['ko', '1980. 1. 31.'],
    ['ar', '31\u200f/01\u200f/1980'],
    ['ru', '31 янв. 1980 г.'],
    ['en-GB', '31 Jan 1980'],
  ])('a date answer in %s reads %s', (lang, expected) => {
    expect(formatAnswer(form, 'dob', '1980-01-31', lang)).toBe(expected);
  });
});
