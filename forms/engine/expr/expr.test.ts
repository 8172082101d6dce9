import { describe, expect, it } from 'vitest';
import { miniForm } from '../mini-form.fixture.ts';
import { indexQuestions } from '../compile.ts';
import type { Answers } from '../ids.ts';
import { answerView } from '../visibility.ts';
import { checkExpression } from './check.ts';
import { evaluate } from './evaluate.ts';
import { parseExpression } from './parse.ts';
import type { FormSettings } from '../settings.ts';

const form = miniForm();
const index = indexQuestions(form);
const lookup = (id: string) => index.get(id)?.question;
const NOW = new Date(2025, 5, 15, 9, 0); // 15 June 2025

function compile(source: string) {
  const parsed = parseExpression(source);
  if ('error' in parsed) return parsed;
  return checkExpression(parsed.expr, lookup);
}

function run(source: string, answers: Answers, settings?: FormSettings): unknown {
  const c = compile(source);
  if ('error' in c) throw new Error(c.error.message);
  return evaluate(c.expr, answerView(form, answers, NOW, settings).context);
}

describe('expression language: evaluation', () => {
  it.each([
    ['pain 8 >= 8', 'pain >= 8', { pain: 8 }, true],
    ['pain 7 >= 8', 'pain >= 8', { pain: 7 }, false],
    ['unanswered pain >= 8', 'pain >= 8', {}, false],
    ['unanswered pain != 3 is still false', 'pain != 3', {}, false],
    ['not over an unanswered comparison', 'not (pain >= 8)', {}, true],
    ['yes/no equality', 'pregnant == yes', { pregnant: true }, true],
    ['bare yes/no question', 'pregnant', { pregnant: true }, true],
    ['bare yes/no question answered no', 'pregnant', { pregnant: false }, false],
    ['and binds tighter than or', 'pain >= 9 or pregnant == yes and pain >= 5', { pain: 4, pregnant: true }, false],
    ['parentheses', '(pain >= 9 or pregnant == yes) and pain >= 3', { pain: 4, pregnant: true }, true],
    ['single choice equals option', 'duration == chronic', { duration: 'chronic' }, true],
    ['single choice with quoted option', "duration != 'acute'", { duration: 'chronic' }, true],
    ['option on the left', 'chronic == duration', { duration: 'chronic' }, true],
    ['contains on multiple choice', 'conditions contains disc', { conditions: ['disc', 'sciatica'] }, true],
    ['contains on body map', 'areas contains lower_back', { areas: ['neck'] }, false],
    ['count of a set', 'count(conditions) >= 2', { conditions: ['disc', 'sciatica'] }, true],
    ['count of unanswered set is 0', 'count(areas) == 0', {}, true],
    ['answered() on text', 'answered(notes)', { notes: 'hi' }, true],
    ['answered() on blank text', 'answered(notes)', { notes: '  ' }, false],
    ['text equality', "name == 'Ana'", { name: 'Ana' }, true],
    ['surgery today is within 12 weeks', 'surgery_date within 12 weeks', { surgery_date: '2025-06-15' }, true],
    ['surgery exactly 12 weeks ago is within 12 weeks', 'surgery_date within 12 weeks', { surgery_date: '2025-03-23' }, true],
    ['12 weeks and a day ago is not within 12 weeks', 'surgery_date within 12 weeks', { surgery_date: '2025-03-22' }, false],
    ['within last 3 days', 'surgery_date within last 3 days', { surgery_date: '2025-06-12' }, true],
    ['within 1 month, month arithmetic', 'surgery_date within 1 month', { surgery_date: '2025-05-15' }, true],
    ['more than 12 weeks ago: exactly 12 is not more', 'surgery_date more than 12 weeks ago', { surgery_date: '2025-03-23' }, false],
    ['more than 12 weeks ago: 12 weeks and a day', 'surgery_date more than 12 weeks ago', { surgery_date: '2025-03-22' }, true],
    ['less than 1 year ago', 'surgery_date less than 1 year ago', { surgery_date: '2024-06-16' }, true],
    ['less than 1 year ago: exactly a year is not less', 'surgery_date less than 1 year ago', { surgery_date: '2024-06-15' }, false],
    ['within next 2 weeks', 'surgery_date within next 2 weeks', { surgery_date: '2025-06-20' }, true],
    ['date compared with a date literal', "surgery_date < '2025-01-01'", { surgery_date: '2024-12-31' }, true],
    ['age() day before 45th birthday', 'age(dob) >= 45', { dob: '1980-06-16' }, false],
    ['age() on 45th birthday', 'age(dob) >= 45', { dob: '1980-06-15' }, true],
    ['days_since()', 'days_since(surgery_date) == 7', { surgery_date: '2025-06-08' }, true],
    ['hidden question reads as unanswered', 'weeks >= 12', { pregnant: false, weeks: 20 }, false],
    ['wrong-typed answer reads as unanswered', 'pregnant == yes', { pregnant: 'yes' }, false],
  ] as const)('%s: %s', (_label, source, answers, expected) => {
    expect(run(source, answers)).toBe(expected);
  });
});

describe('expression language: clinic settings', () => {
  // 15 June 2025: born 2007-06-15 turns 18 today; born 2007-06-16 is 17 until tomorrow.
  it.each([
    ['17 under the default 18', 'age(dob) < settings.ageOfConsent', { dob: '2007-06-16' }, undefined, true],
    ['18 today is not under 18', 'age(dob) < settings.ageOfConsent', { dob: '2007-06-15' }, undefined, false],
    ['17 is not under a clinic age of 16', 'age(dob) < settings.ageOfConsent', { dob: '2007-06-16' }, { ageOfConsent: 16 }, false],
    ['17 is under a clinic age of 21', 'age(dob) < settings.ageOfConsent', { dob: '2007-06-16' }, { ageOfConsent: 21 }, true],
    ['no date of birth: never a minor', 'age(dob) < settings.ageOfConsent', {}, undefined, false],
    ['a setting on the left', 'settings.ageOfConsent > age(dob)', { dob: '2010-01-01' }, undefined, true],
    ['a setting against a literal', 'settings.ageOfConsent >= 18', {}, { ageOfConsent: 16 }, false],
  ] as const)('%s: %s', (_label, source, answers, settings, expected) => {
    expect(run(source, answers, settings)).toBe(expected);
  });
});

describe('expression language: rejected at load', () => {
  it.each([
    ['unknown question', 'pregnantt == yes', 'Unknown question id "pregnantt"', 1],
    ['unknown question on the right', 'pain >= painn', 'Unknown question id "painn"', 9],
    ['unknown option', 'duration == sometimes', '"sometimes" is not an option of "duration" (choose from: acute, chronic)', 13],
    ['unknown quoted option', "duration == 'weekly'", '"weekly" is not an option of "duration"', 13],
    ['unknown body-map region', 'areas contains shoulders', '"shoulders" is not a body-map region of "areas" (choose from: neck, lower_back, legs)', 16],
    ['number compared with yes/no', 'pain == yes', 'Cannot compare "pain" (a number) with yes/no', 1],
    ['yes/no compared with a number', 'pregnant >= 3', '">=" compares numbers or dates, not "pregnant" (yes/no)', 1],
    ['text ordered', "name < 'B'", '"<" compares numbers or dates, not "name" (text)', 1],
    ['contains on a single choice', 'duration contains acute', '"contains" needs a multiple-choice or body-map question on its left, not "duration" (a single choice)', 1],
    ['== on a set', 'conditions == disc', 'Use "contains" to test "conditions" (a list of choices), not "=="', 1],
    ['within on a number', 'pain within 3 days', '"within" needs a date question, but "pain" (a number) is not a date', 1],
    ['more than ... ago on text', 'name more than 2 weeks ago', '"more than ... ago" needs a date question', 1],
    ['a number is not a condition', 'pain', 'The condition must be true or false, but "pain" (a number) is not', 1],
    ['and over a number', 'pregnant and pain', '"and" needs yes/no conditions, but "pain" (a number) is not', 14],
    ['unknown function', 'eval(name)', 'Unknown function "eval" (allowed: answered, age, count, days_since)', 1],
    ['age() of a non-date', 'age(pain) > 3', 'age() needs a date question, but "pain" (a number) is not a date', 5],
    ['count() of a yes/no', 'count(pregnant) > 0', 'count() needs a multiple-choice or body-map question', 7],
    ['function with two arguments', 'answered(name, dob)', 'answered() takes one question id', 1],
    ['bad date literal', "surgery_date < 'June'", "Write dates as 'YYYY-MM-DD'", 16],
    ['single =', 'pain = 3', 'Use "==" to compare, not "="', 6],
    ['&& instead of and', 'pregnant && pain > 3', 'Use the words "and", "or", "not" instead of "&"', 10],
    ['missing right operand', 'pain >=', 'The condition ends too early', 8],
    ['two conditions without and/or', 'pain > 3 pregnant', 'Unexpected "pregnant"; join conditions with "and" or "or"', 10],
    ['unclosed parenthesis', '(pain > 3', 'Expected ")" to close the "(" at column 1, found the end of the condition', 10],
    ['unclosed quote', "name == 'Ana", 'This quoted text is never closed', 9],
    ['within without unit', 'surgery_date within 12', 'Expected days, weeks, months or years, found the end of the condition', 23],
    ['within with a fraction', 'surgery_date within 1.5 weeks', 'Expected a whole number of days, weeks, months or years, found "1.5"', 21],
    ['more than without ago', 'surgery_date more than 2 weeks', 'Expected "ago" after the number of days, weeks, months or years', 31],
    ['keyword as operand', 'pain > and', 'Expected a question, a value or "(", found "and"', 8],
    ['stray character', 'pain > 3 ; drop', 'Unexpected character ";"', 10],
    ['unknown setting', 'age(dob) < settings.ageOfConsnt', 'Unknown value "settings.ageOfConsnt" (known: settings.ageOfConsent)', 12],
    ['a setting is a number, not a condition', 'settings.ageOfConsent', 'The condition must be true or false, but settings.ageOfConsent (a number) is not', 1],
    ['a setting compared with yes/no', 'pregnant == settings.ageOfConsent', 'Cannot compare "pregnant" (yes/no) with settings.ageOfConsent (a number)', 1],
    ['age() of a setting', 'age(settings.ageOfConsent) > 3', 'age() needs a date question, but settings.ageOfConsent (a number) is not a date', 5],
  ] as const)('%s: %s', (_label, source, message, col) => {
    const result = compile(source);
    expect('error' in result ? result.error.message : 'accepted').toContain(message);
    expect('error' in result ? result.error.col : 0).toBe(col);
  });
});
