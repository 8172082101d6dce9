import { describe, expect, it } from 'vitest';
import { evaluateScreening, type Answers } from '../../forms/engine/index.ts';
import { createFormatter } from '../../forms/engine/intl-format.ts';
import { ageOn, buildSummaryModel, type SummaryInput } from './summary-model.ts';
import { CASES, FIXTURE_FORM } from './test-fixtures.ts';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { GUARDIAN_SIGNATURE, MINOR_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';

const CREATED = new Date(2026, 10, 21, 14, 32);

function input(answers: Answers, language = 'en'): SummaryInput {
  return {
    form: FIXTURE_FORM,
    answers,
    flags: evaluateScreening(FIXTURE_FORM, answers, CREATED),
    language,
    submissionId: 'sub-1',
    createdAt: CREATED,
    clinicName: 'Harbour Massage Clinic',
  };
}

const caseAnswers = (label: string): Answers => {
  const found = CASES.find((c) => c.label === label);
  if (!found) throw new Error(label);
  return found.answers;
};

describe('buildSummaryModel', () => {
  it('orders flags stop, clearance, modify, info with words for each', () => {
    // Given in reverse severity order on purpose.
    const base = input(caseAnswers('many flags'));
    const model = buildSummaryModel({ ...base, flags: [...base.flags].reverse() });
    expect(model.flags.map((f) => f.severityWord)).toEqual(['STOP', 'CLEARANCE', 'CLEARANCE', 'MODIFY', 'MODIFY', 'INFO']);
    expect(model.flags[0]).toMatchObject({ title: 'Fever or acute infection', triggers: ['Do you have a fever or an infection today? → Yes'] });
  });

  it.each([
    ['blood thinners no -> medications question hidden', { blood_thinners: false, medications: 'stale answer' }, false],
    ['blood thinners yes -> medications listed', { blood_thinners: true, medications: 'Warfarin' }, true],
  ])('%s', (_label, change, isListed) => {
    const model = buildSummaryModel(input({ ...caseAnswers('no flags'), ...change }));
    const labels = model.sections.flatMap((s) => s.items.map((i) => i.label));
    expect(labels.includes('Medications you take')).toBe(isListed);
    expect(JSON.stringify(model).includes('stale answer')).toBe(false);
  });

  it('Spanish client: questions, answers and consent as the client saw them; staff parts in the form default language', () => {
    const model = buildSummaryModel(input(caseAnswers('Spanish'), 'es'));
    expect(model.sections[0]).toMatchObject({ title: 'Sobre usted', items: expect.arrayContaining([{ label: 'Nombre', value: 'José' }]) });
    expect(model.consents[0]?.text).toMatch(/^Entiendo que la masoterapia/);
    expect(model.flags[0]?.title).toBe('Osteoporosis');
    expect(model.labels.flagsHeading).toBe('Screening flags');
    expect(model.language).toBe('es (Spanish)');
  });

  it.each([
    { clinic: 'fr', heading: 'Alertes de dépistage', front: 'Face', language: 'es (espagnol)', direction: 'ltr' },
    { clinic: 'zh', heading: '筛查警示', front: '正面', language: 'es (西班牙语)', direction: 'ltr' },
    { clinic: 'ar', heading: 'تنبيهات الفحص', front: 'الأمام', language: 'es (الإسبانية)', direction: 'rtl' },
  ])('a clinic whose form speaks $clinic: the staff words in $clinic, the client language named in it, laid out $direction', ({ clinic, heading, front, language, direction }) => {
    const base = input(caseAnswers('Spanish'), 'es');
    const model = buildSummaryModel({ ...base, form: { ...base.form, defaultLanguage: clinic } });
    expect(model.labels.flagsHeading).toBe(heading);
    expect(model.bodyMap?.views[0]?.label).toBe(front);
    expect(model.language).toBe(language);
    expect(model.direction).toBe(direction);
    // What the client saw stays in the client's language.
    expect(model.sections[0]?.title).toBe('Sobre usted');
  });

  it('client identity: full name, date of birth and age at the visit', () => {
    const model = buildSummaryModel(input(caseAnswers('non-Latin name')));
    expect(model.client).toEqual({ name: 'Zoë Łukasz-Nguyễn 王', dateOfBirth: 'May 2, 1980', age: 46 });
  });

  // The staff screens format with forms/engine/intl-format.ts too (renderer/src/i18n/format.ts
  // re-exports it; format.test.ts checks that): the same instant reads the same on both.
  it.each([
    ['English', 'en', 'Nov 21, 2026, 2:32 PM', 'Nov 21, 2026', 'May 2, 1980'],
    ['Spanish', 'es', '21 nov 2026, 14:32', '21 nov 2026', '2 may 1980'],
    ['Korean', 'ko', '2026. 11. 21. 오후 2:32', '2026. 11. 21.', '1980. 5. 2.'],
    ['Russian', 'ru', '21 нояб. 2026 г., 14:32', '21 нояб. 2026 г.', '2 мая 1980 г.'],
  ] as const)('one format per kind: a %s clinic reads the visit and birth date as on its staff screens', (_label, lang, visit, day, born) => {
    const model = buildSummaryModel({ ...input(caseAnswers('non-Latin name')), form: { ...FIXTURE_FORM, defaultLanguage: lang } });
    const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
    expect([model.visit.text, model.visit.dateText, model.client.dateOfBirth].map((t) => spaces(t ?? ''))).toEqual([visit, day, born]);
    const staffScreen = createFormatter(lang);
    expect([model.visit.text, model.visit.dateText, model.client.dateOfBirth]).toEqual([staffScreen.dateTime(CREATED), staffScreen.date(CREATED), staffScreen.date('1980-05-02')]);
  });

  it('a date the client answered is in the client\'s language, in the same date format', () => {
    const model = buildSummaryModel(input({ ...caseAnswers('non-Latin name') }, 'es'));
    const values = model.sections.flatMap((s) => s.items.map((i) => i.value));
    expect(values).toContain(createFormatter('es').date('1980-05-02'));
    expect(values).toContain('2 may 1980');
  });

  it('body map: marked regions numbered in answer order, on every view showing them; legend in words', () => {
    const model = buildSummaryModel(input(caseAnswers('no flags')));
    expect(model.bodyMap?.legend).toEqual([
      { marker: 1, label: 'Lower back' },
      { marker: 2, label: 'Neck' },
    ]);
    const back = model.bodyMap?.views.find((v) => v.key === 'back');
    const front = model.bodyMap?.views.find((v) => v.key === 'front');
    expect(back?.regions.filter((r) => r.marker !== null).map((r) => r.id).sort()).toEqual(['lower_back', 'neck']);
    expect(front?.regions.filter((r) => r.marker !== null).map((r) => r.id)).toEqual(['neck']);
  });

  it('key facts: pain with number and word, duration, cause, preferences', () => {
    const model = buildSummaryModel(input({ ...caseAnswers('no flags'), pain_level: 8 }));
    expect(model.keyFacts).toEqual([
      { label: 'How strong is the pain?', value: '8 / 10 (severe)' },
      { label: 'How long have you had it?', value: '6 to 12 weeks' },
      { label: 'What caused it?', value: 'Strain or lifting' },
      { label: 'Massage type', value: 'Swedish' },
      { label: 'Pressure', value: 'Medium' },
      { label: 'Areas to avoid', value: 'Feet' },
    ]);
  });

  it('signature and consent are taken out of the answer table and kept separately', () => {
    const model = buildSummaryModel(input(caseAnswers('no flags')));
    const labels = model.sections.flatMap((s) => s.items.map((i) => i.label));
    expect(labels).not.toContain('Signature');
    expect(labels).not.toContain('Consent to treatment');
    expect(model.signatures.map((s) => [s.role, s.label, s.signer, s.value.strokes.length])).toEqual([['client', "Client's signature", 'Maria Gonzalez', 2]]);
    expect(model.guardian).toBeNull();
    expect(model.consents).toEqual([{ title: 'Consent to treatment', text: expect.stringMatching(/not a substitute for medical care/), answer: 'Accepted' }]);
  });
});

describe('buildSummaryModel: a minor and their guardian (default form)', () => {
  const VISIT = new Date(2025, 5, 15, 10, 30);
  const minor = (answers: Answers, formSettings?: { ageOfConsent: number }): SummaryInput => ({
    form: DEFAULT_INTAKE_FORM,
    answers,
    flags: evaluateScreening(DEFAULT_INTAKE_FORM, answers, VISIT, formSettings),
    language: 'es',
    submissionId: 'sub-minor',
    createdAt: VISIT,
    clinicName: 'Harbour Massage Clinic',
    ...(formSettings ? { formSettings } : {}),
  });

  it('page 1 names the guardian (name, relationship, phone) in the staff language; both signatures are kept, labelled', () => {
    const model = buildSummaryModel(minor(MINOR_CLIENT_ANSWERS));
    expect(model.client.age).toBe(15);
    expect(model.guardian?.line).toBe('Marta García · Parent · +1 555 010 0144');
    expect(model.guardian?.fields.map((f) => f.label)).toEqual(['Parent or guardian: full name', 'Relationship to the client', 'Parent or guardian: phone number']);
    expect(model.signatures.map((s) => [s.role, s.label, s.signer])).toEqual([
      ['client', "Client's signature", 'Ana García'],
      ['guardian', "Parent or guardian's signature", 'Marta García'],
    ]);
    expect(model.signatures[1]?.value).toEqual(GUARDIAN_SIGNATURE);
    expect(model.flags.map((f) => [f.severityWord, f.title])).toEqual([['INFO', 'Minor: a parent or guardian consented']]);
    // What the client and the guardian accepted, in the language they read it in (Spanish here).
    expect(model.consents.map((c) => c.title)).toEqual([
      'He leído y acepto la declaración anterior.',
      'Soy el padre, la madre o el tutor legal del cliente y doy este consentimiento.',
    ]);
  });

  it('an adult (or a 17-year-old where the clinic sets 16) has no guardian and one signature', () => {
    for (const model of [
      buildSummaryModel(minor({ ...MINOR_CLIENT_ANSWERS, date_of_birth: '1980-04-02' })),
      buildSummaryModel(minor({ ...MINOR_CLIENT_ANSWERS, date_of_birth: '2008-01-10' }, { ageOfConsent: 16 })),
    ]) {
      expect(model.guardian).toBeNull();
      expect(model.signatures.map((s) => s.role)).toEqual(['client']);
      expect(JSON.stringify(model)).not.toContain('Marta');
    }
  });
});

describe('ageOn', () => {
  it.each([
    ['birthday later this year', '1980-12-01', 45],
    ['birthday today', '1980-11-21', 46],
    ['birthday earlier this year', '1980-01-15', 46],
    ['not a date', 'soon', null],
    ['born after the visit', '2030-01-01', null],
  ])('%s', (_label, dob, age) => {
    expect(ageOn(dob, CREATED)).toBe(age);
  });
});
