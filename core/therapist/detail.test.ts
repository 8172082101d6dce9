import { describe, expect, it } from 'vitest';
import type { Acknowledgement, SignatureStatus } from '../../api/contract.ts';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { GUARDIAN_ANSWERS, HEALTHY_CLIENT_ANSWERS, MINOR_DATE_OF_BIRTH } from '../../forms/definitions/sample-answers.ts';
import { evaluateScreening, type Answers } from '../../forms/engine/index.ts';
import { buildSubmissionDetail, type DetailInput } from './detail.ts';

const form = DEFAULT_INTAKE_FORM;
const VISIT = '2026-03-20T10:00:00.000Z';
const NEW: Acknowledgement = { status: 'new', at: null, byStaffId: null, byName: null };
const SIGNED: SignatureStatus = { valid: true, hashMatches: true, signatureVerifies: true, signer: 'Clinic kiosk', signedAt: VISIT, sha256: 'ab'.repeat(32), problem: null };

function input(changes: Answers = {}, extra: Partial<DetailInput> = {}): DetailInput {
  const answers = { ...HEALTHY_CLIENT_ANSWERS, ...changes };
  return {
    submissionId: '3f2b8c9e-4d1a-4e6b-9f0c-2a7d5e8b1c34',
    createdAt: VISIT,
    clientName: 'Ana García',
    dateOfBirth: '1980-04-02',
    language: 'es',
    form,
    answers,
    flags: evaluateScreening(form, answers, new Date(VISIT)),
    acknowledgement: NEW,
    signature: SIGNED,
    earlier: [],
    earlierTotal: 0,
    ...extra,
  };
}

describe('buildSubmissionDetail', () => {
  it('client, visit, form and language facts', () => {
    const d = buildSubmissionDetail(input());
    expect(d).toMatchObject({
      clientName: 'Ana García',
      dateOfBirth: '1980-04-02',
      dateOfBirthText: 'Apr 2, 1980',
      age: 45,
      language: 'es',
      languageName: 'Spanish',
      formId: 'massage-intake',
      formVersion: DEFAULT_INTAKE_FORM.version,
      acknowledgement: NEW,
      signature: SIGNED,
      changes: null,
    });
    // The one day-and-time format of the staff screens and the PDF ("Mar 4, 2026, 9:05 AM").
    expect(d.visitText).toMatch(/^Mar \d+, 2026, \d+:\d\d\s?[AP]M$/u);
  });

  it.each([
    { label: 'an adult: no guardian', changes: {}, formSettings: undefined, guardian: null, flag: false },
    {
      label: 'aged 16: the parent who consented, and the minor flag',
      changes: { date_of_birth: MINOR_DATE_OF_BIRTH, ...GUARDIAN_ANSWERS },
      formSettings: undefined,
      guardian: 'Marta García · Parent · +1 555 010 0144',
      flag: true,
    },
    {
      label: 'aged 19 where the clinic sets 21: still a minor here',
      changes: { date_of_birth: '2006-09-01', ...GUARDIAN_ANSWERS, guardian_relationship: 'other', guardian_relationship_other: 'Aunt' },
      formSettings: { ageOfConsent: 21 },
      guardian: 'Marta García · Other · Aunt · +1 555 010 0144',
      flag: true,
    },
  ])('guardian: $label', ({ changes, formSettings, guardian, flag }) => {
    const answers = { ...HEALTHY_CLIENT_ANSWERS, ...changes };
    const d = buildSubmissionDetail(
      input(changes, { flags: evaluateScreening(form, answers, new Date(VISIT), formSettings), ...(formSettings ? { formSettings } : {}) }),
    );
    expect(d.guardian).toBe(guardian);
    expect(d.flags.some((f) => f.code === 'MINOR_GUARDIAN_CONSENT' && f.severity === 'info')).toBe(flag);
    expect(d.sections.some((s) => s.stepId === 'guardian')).toBe(flag);
  });

  it.each([
    { label: 'Latin name -> nothing to warn about', name: 'Ana García', expected: [] },
    { label: 'Han, Hangul, Arabic, emoji -> all drawn', name: '王 김민준 محمد 🌸', expected: [] },
    { label: 'Egyptian hieroglyph -> reported by code point', name: 'Ana 𓀀 Silva', expected: ['U+13000'] },
  ])('name the PDF cannot draw: $label', ({ name, expected }) => {
    expect(buildSubmissionDetail(input({}, { clientName: name })).undrawableInName).toEqual(expected);
  });

  it.each([
    ['healthy answers -> no flags', {}, []],
    ['fever -> stop, must tick', { fever_infection: true }, [['FEVER_INFECTION', 'stop', true]]],
    ['cancer treatment -> clearance, must tick', { cancer_treatment: true }, [['CANCER_TREATMENT', 'clearance', true]]],
    ['osteoporosis -> modify, no tick needed', { osteoporosis: true }, [['OSTEOPOROSIS', 'modify', false]]],
    [
      'several -> most severe first',
      { doctor_referral: true, osteoporosis: true, fever_infection: true },
      [
        ['FEVER_INFECTION', 'stop', true],
        ['OSTEOPOROSIS', 'modify', false],
        ['DOCTOR_REFERRAL', 'info', false],
      ],
    ],
  ] as const)('%s', (_label, changes, expected) => {
    const flags = buildSubmissionDetail(input(changes)).flags.map((f) => [f.code, f.severity, f.mustTick]);
    expect(flags).toEqual(expected);
  });

  it('flags are in the staff language (the form default), with the triggering question and answer in words', () => {
    const [flag] = buildSubmissionDetail(input({ fever_infection: true })).flags;
    expect(flag?.title).toBe('Fever or acute infection');
    expect(flag?.guidance).toMatch(/^Do not treat today/);
    expect(flag?.triggers).toEqual([{ questionId: 'fever_infection', question: expect.stringMatching(/fever/i), answer: 'Yes' }]);
  });

  it('body map, pain, pain facts and preferences come out readable', () => {
    const d = buildSubmissionDetail(input({ pain_areas: ['lower_back', 'neck'], pain_level: 7, pressure: 'light' }));
    expect(d.bodyMap).toMatchObject({ questionId: 'pain_areas', regionIds: ['lower_back', 'neck'], regionLabels: ['Lower back', 'Neck'] });
    expect(d.pain).toMatchObject({ value: 7, max: 10, text: '7 / 10' });
    expect(d.painFacts.map((f) => f.questionId)).toEqual(['pain_duration', 'pain_cause']);
    expect(d.painFacts[0]?.value).toBe('6 to 12 weeks');
    expect(d.preferences.find((f) => f.questionId === 'pressure')?.value).toBe('Light');
  });

  it('every visible answer by section; hidden branches are left out', () => {
    const d = buildSubmissionDetail(input({ had_surgery: false, surgery_date: '2026-01-01' }));
    expect(d.sections.map((s) => s.stepId)).toEqual(['about_you', 'your_back', 'health', 'preferences', 'consent']);
    const ids = d.sections.flatMap((s) => s.items.map((i) => i.questionId));
    expect(ids).toContain('first_name');
    expect(ids).toContain('signature');
    expect(ids).not.toContain('surgery_date');
  });

  it('a returning client gets the changes and, after two sessions without improvement, a "consider referral" info flag', () => {
    const earlierVisit = (id: string, daysAgo: number, pain: number) => {
      const answers = { ...HEALTHY_CLIENT_ANSWERS, pain_level: pain };
      const createdAt = new Date(Date.parse(VISIT) - daysAgo * 86_400_000).toISOString();
      return { submissionId: id, createdAt, form, answers, flags: evaluateScreening(form, answers, new Date(createdAt)) };
    };
    const d = buildSubmissionDetail(input({ pain_level: 6, osteoporosis: true }, { earlier: [earlierVisit('b', 7, 5), earlierVisit('a', 14, 6)], earlierTotal: 2 }));
    expect(d.changes).toMatchObject({ previousSubmissionId: 'b', earlierVisits: 2, newConditions: ['Osteoporosis'], pain: { before: 5, now: 6, trend: 'worse' } });
    expect(d.flags.map((f) => f.code)).toEqual(['OSTEOPOROSIS', 'KIOSK_CONSIDER_REFERRAL']);
    expect(d.flags[1]).toMatchObject({ severity: 'info', title: 'Consider referral', derived: true, mustTick: false });
  });

  it('a regular counts every earlier visit, though only the newest few are compared', () => {
    const previous = { submissionId: 'p', createdAt: '2026-03-13T10:00:00.000Z', form, answers: HEALTHY_CLIENT_ANSWERS, flags: [] };
    expect(buildSubmissionDetail(input({}, { earlier: [previous], earlierTotal: 41 })).changes).toMatchObject({ previousSubmissionId: 'p', earlierVisits: 41 });
  });
});
