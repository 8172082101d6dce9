import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { GUARDIAN_ANSWERS, HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import type { Answers } from '../../forms/engine/index.ts';
import { visitFormSettings } from './visit-settings.ts';

const VISIT = '2026-03-20T10:00:00.000Z';
const AGED_17 = '2008-06-01';
const ADULT: Answers = HEALTHY_CLIENT_ANSWERS;
const MINOR_WITH_GUARDIAN: Answers = { ...HEALTHY_CLIENT_ANSWERS, date_of_birth: AGED_17, ...GUARDIAN_ANSWERS };
const MINOR_ALONE: Answers = { ...HEALTHY_CLIENT_ANSWERS, date_of_birth: AGED_17 };

describe('the age of consent a visit was checked with', () => {
  it.each([
    { label: 'kept with the record -> that, whatever today says', answers: MINOR_WITH_GUARDIAN, stored: 18, today: 16, expected: 18, source: 'stored' },
    { label: 'kept (16) for a 17-year-old alone -> 16, though today is 18', answers: MINOR_ALONE, stored: 16, today: 18, expected: 16, source: 'stored' },
    { label: 'not kept, an adult -> today (every age fits)', answers: ADULT, stored: null, today: 16, expected: 16, source: 'today' },
    { label: 'not kept, 17 with guardian answers, today 16 -> the nearest that asks for a guardian: 18', answers: MINOR_WITH_GUARDIAN, stored: null, today: 16, expected: 18, source: 'answers' },
    { label: 'not kept, 17 with guardian answers, today 18 -> today', answers: MINOR_WITH_GUARDIAN, stored: null, today: 18, expected: 18, source: 'today' },
    { label: 'not kept, 17 without a guardian, today 18 -> the nearest that asks for none: 17', answers: MINOR_ALONE, stored: null, today: 18, expected: 17, source: 'answers' },
    { label: 'not kept, 17 without a guardian, today 16 -> today', answers: MINOR_ALONE, stored: null, today: 16, expected: 16, source: 'today' },
  ])('$label', ({ answers, stored, today, expected, source }) => {
    const result = visitFormSettings({ form: DEFAULT_INTAKE_FORM, answers, createdAt: VISIT, stored: stored === null ? null : { ageOfConsent: stored }, today: { ageOfConsent: today } });
    expect(result).toEqual({ settings: { ageOfConsent: expected }, source });
  });

  it('not kept and fitting no age (a required answer missing) -> today', () => {
    const { first_name: _dropped, ...incomplete } = ADULT;
    expect(visitFormSettings({ form: DEFAULT_INTAKE_FORM, answers: incomplete, createdAt: VISIT, stored: null, today: { ageOfConsent: 16 } })).toEqual({ settings: { ageOfConsent: 16 }, source: 'today' });
  });
});
