import { describe, expect, it } from 'vitest';
import {
  BODY_MAP,
  evaluateScreening,
  isQuestionVisible,
  pruneHiddenAnswers,
  validateSubmission,
  type AnswerValue,
  type Answers,
  type Severity,
} from '../engine/index.ts';
import { DEFAULT_INTAKE_FORM as form } from './index.ts';
import { GUARDIAN_ANSWERS, HEALTHY_CLIENT_ANSWERS, MINOR_CLIENT_ANSWERS, MINOR_DATE_OF_BIRTH } from './sample-answers.ts';

// 15 June 2025, mid-morning, kiosk local time.
const NOW = new Date(2025, 5, 15, 10, 30);

/** A complete, valid client with nothing to flag. */
const healthy: Answers = HEALTHY_CLIENT_ANSWERS;

type Case = { readonly label: string; readonly answers: Readonly<Record<string, AnswerValue>>; readonly flags: readonly string[] };

const cases: readonly Case[] = [
  { label: 'healthy client -> no flags', answers: {}, flags: [] },
  // stop
  { label: 'fever or infection -> stop', answers: { fever_infection: true }, flags: ['stop:FEVER_INFECTION'] },
  { label: 'swollen painful calf -> stop (suspected DVT)', answers: { dvt_symptoms: true }, flags: ['stop:SUSPECTED_DVT'] },
  { label: 'loss of bladder control / saddle numbness -> stop', answers: { bladder_bowel: true }, flags: ['stop:CAUDA_EQUINA'] },
  { label: 'unexplained weight loss with back pain -> stop', answers: { weight_loss: true }, flags: ['stop:UNEXPLAINED_WEIGHT_LOSS'] },
  { label: 'weight loss but no pain today (0/10) -> no flag', answers: { weight_loss: true, pain_level: 0 }, flags: [] },
  { label: 'injury or inflammation in the last 72 hours -> stop', answers: { acute_injury: true }, flags: ['stop:ACUTE_INJURY_72H'] },
  {
    label: 'skin condition told contagious -> stop and avoid area',
    answers: { skin_problems: true, skin_areas: ['arms'], skin_contagious: 'contagious' },
    flags: ['stop:CONTAGIOUS_SKIN', 'modify:SKIN_AVOID_AREA'],
  },
  // clearance
  { label: 'surgery 2 days ago -> clearance', answers: { had_surgery: true, surgery_date: '2025-06-13' }, flags: ['clearance:RECENT_SURGERY'] },
  { label: 'surgery today -> clearance', answers: { had_surgery: true, surgery_date: '2025-06-15' }, flags: ['clearance:RECENT_SURGERY'] },
  { label: 'surgery exactly 12 weeks ago -> clearance', answers: { had_surgery: true, surgery_date: '2025-03-23' }, flags: ['clearance:RECENT_SURGERY'] },
  { label: 'surgery 12 weeks and 1 day ago -> info only', answers: { had_surgery: true, surgery_date: '2025-03-22' }, flags: ['info:PAST_SURGERY'] },
  { label: 'surgery 6 months ago -> info only', answers: { had_surgery: true, surgery_date: '2024-12-15' }, flags: ['info:PAST_SURGERY'] },
  { label: 'surgery date left behind after answering "no surgery" -> not counted', answers: { had_surgery: false, surgery_date: '2025-06-01' }, flags: [] },
  { label: 'cancer under treatment -> clearance', answers: { cancer_treatment: true }, flags: ['clearance:CANCER_TREATMENT'] },
  {
    label: 'pregnancy, high risk -> clearance and prenatal modify',
    answers: { pregnant: true, pregnancy_weeks: 20, pregnancy_high_risk: true },
    flags: ['clearance:HIGH_RISK_PREGNANCY', 'modify:PREGNANCY'],
  },
  { label: 'pregnancy, not high risk -> modify only', answers: { pregnant: true, pregnancy_weeks: 20, pregnancy_high_risk: false }, flags: ['modify:PREGNANCY'] },
  { label: '"high risk" left behind after answering not pregnant -> not counted', answers: { pregnant: false, pregnancy_high_risk: true }, flags: [] },
  { label: 'history of DVT -> clearance', answers: { dvt_history: true }, flags: ['clearance:DVT_HISTORY'] },
  {
    label: 'pain 8, no doctor has seen it -> clearance',
    answers: { pain_level: 8, doctor_referral: false, doctor_assessed: false },
    flags: ['clearance:SEVERE_PAIN_UNASSESSED'],
  },
  {
    label: 'pain 10, no doctor has seen it -> clearance',
    answers: { pain_level: 10, doctor_referral: false, doctor_assessed: false },
    flags: ['clearance:SEVERE_PAIN_UNASSESSED'],
  },
  { label: 'pain 7 (follow-up hidden) -> no flag', answers: { pain_level: 7, doctor_referral: false, doctor_assessed: false }, flags: [] },
  { label: 'pain 9, assessed by a doctor -> no flag', answers: { pain_level: 9, doctor_referral: false, doctor_assessed: true }, flags: [] },
  { label: 'pain 9, referred by a doctor -> info only', answers: { pain_level: 9, doctor_referral: true, doctor_assessed: false }, flags: ['info:DOCTOR_REFERRAL'] },
  // modify
  { label: 'osteoporosis -> light pressure', answers: { osteoporosis: true }, flags: ['modify:OSTEOPOROSIS'] },
  {
    label: 'osteoporosis and asks for firm pressure -> two modify flags',
    answers: { osteoporosis: true, pressure: 'firm' },
    flags: ['modify:OSTEOPOROSIS', 'modify:PRESSURE_PREFERENCE_CONFLICT'],
  },
  {
    label: 'blood thinners and asks for deep tissue -> two modify flags',
    answers: { blood_thinners: true, massage_type: 'deep_tissue' },
    flags: ['modify:BLEEDING_RISK', 'modify:PRESSURE_PREFERENCE_CONFLICT'],
  },
  {
    label: 'pregnant and asks for firm pressure -> prenatal and conflict',
    answers: { pregnant: true, pregnancy_weeks: 30, pregnancy_high_risk: false, pressure: 'firm' },
    flags: ['modify:PREGNANCY', 'modify:PRESSURE_PREFERENCE_CONFLICT'],
  },
  { label: 'firm pressure with no contraindication -> no flag', answers: { pressure: 'firm', massage_type: 'deep_tissue' }, flags: [] },
  { label: 'varicose veins -> avoid the area', answers: { varicose_veins: true, varicose_areas: ['legs'] }, flags: ['modify:VARICOSE_VEINS'] },
  {
    label: 'unhealed wound, not contagious -> avoid the area',
    answers: { skin_problems: true, skin_areas: ['legs'], skin_contagious: 'not_contagious' },
    flags: ['modify:SKIN_AVOID_AREA'],
  },
  {
    label: 'rash, not sure if contagious -> avoid the area',
    answers: { skin_problems: true, skin_areas: ['upper_back'], skin_contagious: 'not_sure' },
    flags: ['modify:SKIN_AVOID_AREA'],
  },
  { label: '"contagious" left behind after answering no skin problem -> not counted', answers: { skin_problems: false, skin_contagious: 'contagious' }, flags: [] },
  { label: 'blood thinners -> light pressure', answers: { blood_thinners: true }, flags: ['modify:BLEEDING_RISK'] },
  // info
  { label: 'herniated disc -> info', answers: { known_conditions: ['herniated_disc'] }, flags: ['info:HERNIATED_DISC'] },
  { label: 'diagnosed sciatica -> info', answers: { known_conditions: ['sciatica'] }, flags: ['info:SCIATICA'] },
  { label: 'pain radiating down the leg -> sciatica info', answers: { leg_pain: true }, flags: ['info:SCIATICA'] },
  { label: 'scoliosis -> info', answers: { known_conditions: ['scoliosis'] }, flags: ['info:OTHER_BACK_CONDITION'] },
  {
    label: 'fibromyalgia and spinal osteoarthritis -> one info flag',
    answers: { known_conditions: ['fibromyalgia', 'spinal_osteoarthritis'] },
    flags: ['info:OTHER_BACK_CONDITION'],
  },
  { label: 'muscle strain only -> no flag', answers: { known_conditions: ['muscle_strain'] }, flags: [] },
  { label: 'referred by a doctor -> info', answers: { doctor_referral: true }, flags: ['info:DOCTOR_REFERRAL'] },
  {
    label: 'spasms not better after 2 sessions -> consider referral',
    answers: { muscle_spasms: true, spasm_sessions: 2, spasms_improved: false },
    flags: ['info:SPASMS_NOT_IMPROVING'],
  },
  { label: 'spasms after 1 session (follow-up hidden) -> no flag', answers: { muscle_spasms: true, spasm_sessions: 1, spasms_improved: false }, flags: [] },
  { label: 'spasms improving after 3 sessions -> no flag', answers: { muscle_spasms: true, spasm_sessions: 3, spasms_improved: true }, flags: [] },
  { label: 'allergy to oils -> info', answers: { allergies: true, allergy_details: 'Almond oil' }, flags: ['info:ALLERGIES'] },
  { label: 'health notes written -> info', answers: { other_health: 'Migraines; take ibuprofen.' }, flags: ['info:HEALTH_NOTES'] },
  { label: 'health notes only spaces -> no flag', answers: { other_health: '   ' }, flags: [] },
  // several at once, ordered by severity then rule order
  {
    label: 'fever, high-risk pregnancy, osteoporosis and herniated disc -> ordered stop, clearance, modify, info',
    answers: { fever_infection: true, pregnant: true, pregnancy_weeks: 14, pregnancy_high_risk: true, osteoporosis: true, known_conditions: ['herniated_disc'] },
    flags: ['stop:FEVER_INFECTION', 'clearance:HIGH_RISK_PREGNANCY', 'modify:OSTEOPOROSIS', 'modify:PREGNANCY', 'info:HERNIATED_DISC'],
  },
  {
    label: 'every stop sign at once -> all stops in rule order',
    answers: { fever_infection: true, dvt_symptoms: true, bladder_bowel: true, weight_loss: true, acute_injury: true },
    flags: ['stop:FEVER_INFECTION', 'stop:SUSPECTED_DVT', 'stop:CAUDA_EQUINA', 'stop:UNEXPLAINED_WEIGHT_LOSS', 'stop:ACUTE_INJURY_72H'],
  },
  {
    label: 'saddle numbness, weight loss and leg pain -> two stops then sciatica',
    answers: { bladder_bowel: true, weight_loss: true, leg_pain: true },
    flags: ['stop:CAUDA_EQUINA', 'stop:UNEXPLAINED_WEIGHT_LOSS', 'info:SCIATICA'],
  },
  {
    label: 'recent surgery, DVT history, blood thinners, sciatica -> clearance x2, modify, info',
    answers: { had_surgery: true, surgery_date: '2025-05-01', dvt_history: true, blood_thinners: true, known_conditions: ['sciatica'] },
    flags: ['clearance:RECENT_SURGERY', 'clearance:DVT_HISTORY', 'modify:BLEEDING_RISK', 'info:SCIATICA'],
  },
  // version 2: red flags and screening the seeds and low-back guidance name
  { label: 'sexual-function change since the back pain -> stop (cauda equina)', answers: { sexual_function_change: true }, flags: ['stop:CAUDA_EQUINA'] },
  {
    label: 'bladder loss and sexual-function change -> one cauda equina stop',
    answers: { bladder_bowel: true, sexual_function_change: true },
    flags: ['stop:CAUDA_EQUINA'],
  },
  { label: 'under the influence today -> stop', answers: { intoxicated: true }, flags: ['stop:INTOXICATED'] },
  { label: 'broken bone 3 weeks ago -> clearance', answers: { had_fracture: true, fracture_date: '2025-05-25' }, flags: ['clearance:RECENT_FRACTURE'] },
  { label: 'broken bone exactly 12 weeks ago -> clearance', answers: { had_fracture: true, fracture_date: '2025-03-23' }, flags: ['clearance:RECENT_FRACTURE'] },
  { label: 'broken bone 12 weeks and 1 day ago -> info only', answers: { had_fracture: true, fracture_date: '2025-03-22' }, flags: ['info:PAST_FRACTURE'] },
  { label: 'fracture date left behind after answering "no broken bone" -> not counted', answers: { had_fracture: false, fracture_date: '2025-06-01' }, flags: [] },
  {
    label: 'osteoporosis, pain began with a fall, no doctor -> suspected fragility fracture',
    answers: { osteoporosis: true, pain_cause: 'fall_accident' },
    flags: ['clearance:SUSPECTED_FRAGILITY_FRACTURE', 'modify:OSTEOPOROSIS'],
  },
  {
    label: 'long-term steroids, pain began with a fall -> suspected fragility fracture and steroid care',
    answers: { long_term_steroids: true, pain_cause: 'fall_accident' },
    flags: ['clearance:SUSPECTED_FRAGILITY_FRACTURE', 'modify:LONG_TERM_STEROIDS'],
  },
  {
    label: 'osteoporosis and a fall, referred by a doctor -> no fracture clearance',
    answers: { osteoporosis: true, pain_cause: 'fall_accident', doctor_referral: true },
    flags: ['modify:OSTEOPOROSIS', 'info:DOCTOR_REFERRAL'],
  },
  { label: 'a fall without fragile bones -> no flag', answers: { pain_cause: 'fall_accident' }, flags: [] },
  { label: 'past cancer and back pain, no doctor -> clearance', answers: { cancer_history: true }, flags: ['clearance:CANCER_HISTORY_BACK_PAIN'] },
  { label: 'past cancer, pain 1 -> clearance', answers: { cancer_history: true, pain_level: 1 }, flags: ['clearance:CANCER_HISTORY_BACK_PAIN'] },
  { label: 'past cancer, no pain today (0/10) -> no flag', answers: { cancer_history: true, pain_level: 0 }, flags: [] },
  {
    label: 'past cancer with back pain, referred by a doctor -> info only',
    answers: { cancer_history: true, doctor_referral: true },
    flags: ['info:DOCTOR_REFERRAL'],
  },
  {
    label: '"past cancer" left behind after answering under treatment now -> treatment clearance only',
    answers: { cancer_treatment: true, cancer_history: true },
    flags: ['clearance:CANCER_TREATMENT'],
  },
  { label: 'pain worse at night or at rest, no doctor -> clearance', answers: { night_pain: true }, flags: ['clearance:NIGHT_REST_PAIN'] },
  { label: 'night pain, referred by a doctor -> info only', answers: { night_pain: true, doctor_referral: true }, flags: ['info:DOCTOR_REFERRAL'] },
  { label: '"night pain" left behind with no pain today (question hidden) -> not counted', answers: { night_pain: true, pain_level: 0 }, flags: [] },
  { label: 'high blood pressure not under control -> clearance', answers: { high_blood_pressure: 'uncontrolled' }, flags: ['clearance:UNCONTROLLED_HYPERTENSION'] },
  { label: 'high blood pressure under control -> info (get up slowly)', answers: { high_blood_pressure: 'controlled' }, flags: ['info:CONTROLLED_HYPERTENSION'] },
  { label: 'long-term steroid tablets -> modify', answers: { long_term_steroids: true }, flags: ['modify:LONG_TERM_STEROIDS'] },
  {
    label: 'long-term steroids and asks for deep tissue -> steroid care and pressure conflict',
    answers: { long_term_steroids: true, massage_type: 'deep_tissue' },
    flags: ['modify:LONG_TERM_STEROIDS', 'modify:PRESSURE_PREFERENCE_CONFLICT'],
  },
  {
    label: 'steroid injection in the last 2 weeks -> avoid the site',
    answers: { steroid_injection: true, injection_areas: ['lower_back'] },
    flags: ['modify:RECENT_STEROID_INJECTION'],
  },
  { label: 'diabetes with numb feet -> modify', answers: { diabetes_numbness: true }, flags: ['modify:DIABETIC_NEUROPATHY'] },
  {
    label: 'diabetes with numb feet and asks for hot stones -> neuropathy and heat conflict',
    answers: { diabetes_numbness: true, massage_type: 'hot_stone' },
    flags: ['modify:DIABETIC_NEUROPATHY', 'modify:HEAT_CONFLICT'],
  },
  { label: 'lymphoedema -> modify on the marked areas', answers: { lymphedema: true, lymphedema_areas: ['arms'] }, flags: ['modify:LYMPHEDEMA'] },
  {
    label: 'lymphoedema and asks for hot stones -> lymphoedema and heat conflict',
    answers: { lymphedema: true, lymphedema_areas: ['legs'], massage_type: 'hot_stone' },
    flags: ['modify:LYMPHEDEMA', 'modify:HEAT_CONFLICT'],
  },
  { label: 'hot stones with no reason against them -> no flag', answers: { massage_type: 'hot_stone' }, flags: [] },
  { label: 'spinal stenosis -> info', answers: { known_conditions: ['spinal_stenosis'] }, flags: ['info:SPINAL_STENOSIS'] },
  {
    label: 'past cancer, night pain and weight loss -> stop, then both clearances',
    answers: { cancer_history: true, night_pain: true, weight_loss: true },
    flags: ['stop:UNEXPLAINED_WEIGHT_LOSS', 'clearance:CANCER_HISTORY_BACK_PAIN', 'clearance:NIGHT_REST_PAIN'],
  },
  { label: 'a wrong-typed answer ("yes" as text for pregnant) is not counted', answers: { pregnant: 'yes' }, flags: [] },
  // minors (default age of consent 18; the visit is 15 June 2025)
  { label: 'aged 15, a parent consented -> info (minor: guardian consent)', answers: MINOR_CLIENT_ANSWERS, flags: ['info:MINOR_GUARDIAN_CONSENT'] },
  {
    label: 'the day before the 18th birthday, guardian consented -> info',
    answers: { date_of_birth: '2007-06-16', ...GUARDIAN_ANSWERS },
    flags: ['info:MINOR_GUARDIAN_CONSENT'],
  },
  { label: 'the 18th birthday itself -> an adult, no flag', answers: { date_of_birth: '2007-06-15' }, flags: [] },
  { label: "an adult's left-behind guardian answers (step hidden) -> not counted", answers: { ...GUARDIAN_ANSWERS }, flags: [] },
  {
    label: 'aged 15 with a legal guardian, and asthma notes -> minor first, then the notes',
    answers: { date_of_birth: MINOR_DATE_OF_BIRTH, ...GUARDIAN_ANSWERS, guardian_relationship: 'legal_guardian', other_health: 'Asthma' },
    flags: ['info:MINOR_GUARDIAN_CONSENT', 'info:HEALTH_NOTES'],
  },
  {
    label: 'aged 15 with a fever -> stop still comes first',
    answers: { ...MINOR_CLIENT_ANSWERS, fever_infection: true },
    flags: ['stop:FEVER_INFECTION', 'info:MINOR_GUARDIAN_CONSENT'],
  },
];

describe('default intake form: screening (clinical cases)', () => {
  it('has at least 70 clinical cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
  });

  it('the healthy baseline is a valid, complete submission', () => {
    expect(validateSubmission(form, healthy, NOW)).toEqual([]);
  });

  it.each(cases)('$label', ({ answers, flags }) => {
    const all = { ...healthy, ...answers };
    const raised = evaluateScreening(form, all, NOW).map((f) => `${f.severity}:${f.code}`);
    expect(raised).toEqual(flags);
    // Main prunes hidden answers before screening; the result must not change.
    expect(evaluateScreening(form, pruneHiddenAnswers(form, all, NOW), NOW).map((f) => `${f.severity}:${f.code}`)).toEqual(flags);
  });

  it('names the answers that triggered a flag, with their values', () => {
    const flags = evaluateScreening(form, { ...healthy, pain_level: 9, doctor_referral: false, doctor_assessed: false }, NOW);
    expect(flags.find((f) => f.code === 'SEVERE_PAIN_UNASSESSED')?.triggers).toEqual([
      { questionId: 'pain_level', value: 9 },
      { questionId: 'doctor_referral', value: false },
      { questionId: 'doctor_assessed', value: false },
    ]);
    const sciatica = evaluateScreening(form, { ...healthy, leg_pain: true }, NOW)[0];
    expect(sciatica?.triggers).toEqual([{ questionId: 'leg_pain', value: true }]);
  });

  it('stop flags carry a kind front-desk message; no other flag speaks to the client', () => {
    const flags = evaluateScreening(form, { ...healthy, fever_infection: true, osteoporosis: true, cancer_treatment: true }, NOW);
    for (const f of flags) {
      if (f.severity === 'stop') {
        expect(f.clientMessage?.en).toMatch(/front desk/);
        expect(f.clientMessage?.es).toMatch(/recepción/);
      } else {
        expect(f.clientMessage).toBeUndefined();
      }
    }
  });
});

describe('default intake form: content', () => {
  const severities = (s: Severity): readonly string[] => form.rules.filter((r) => r.severity === s).map((r) => r.code);

  it('is massage-intake v3 in the eight client languages', () => {
    expect([form.id, form.version, form.languages, form.defaultLanguage]).toEqual(['massage-intake', 3, ['en', 'es', 'fr', 'zh', 'vi', 'ko', 'ar', 'ru'], 'en']);
  });

  it.each([
    ['stop', ['FEVER_INFECTION', 'SUSPECTED_DVT', 'CAUDA_EQUINA', 'UNEXPLAINED_WEIGHT_LOSS', 'ACUTE_INJURY_72H', 'INTOXICATED']],
    [
      'clearance',
      ['RECENT_SURGERY', 'CANCER_TREATMENT', 'HIGH_RISK_PREGNANCY', 'DVT_HISTORY', 'SEVERE_PAIN_UNASSESSED', 'RECENT_FRACTURE', 'SUSPECTED_FRAGILITY_FRACTURE', 'CANCER_HISTORY_BACK_PAIN', 'NIGHT_REST_PAIN', 'UNCONTROLLED_HYPERTENSION'],
    ],
    ['modify', ['OSTEOPOROSIS', 'PREGNANCY', 'VARICOSE_VEINS', 'SKIN_AVOID_AREA', 'BLEEDING_RISK', 'LONG_TERM_STEROIDS', 'RECENT_STEROID_INJECTION', 'DIABETIC_NEUROPATHY', 'LYMPHEDEMA', 'HEAT_CONFLICT']],
    ['info', ['MINOR_GUARDIAN_CONSENT', 'HERNIATED_DISC', 'SCIATICA', 'DOCTOR_REFERRAL', 'SPASMS_NOT_IMPROVING', 'SPINAL_STENOSIS', 'PAST_FRACTURE', 'CONTROLLED_HYPERTENSION']],
  ] as const)('ships every %s rule of the brief and of versions 2 and 3', (severity, codes) => {
    expect(severities(severity)).toEqual(expect.arrayContaining([...codes]));
  });

  it('consent says massage is not a substitute for medical care, in both languages, followed by a signature', () => {
    const step = form.steps.find((s) => s.id === 'consent');
    const consent = step?.questions.find((q) => q.type === 'consent');
    expect(consent?.type === 'consent' ? consent.text.en : '').toMatch(/not a substitute for medical care/i);
    expect(consent?.type === 'consent' ? consent.text.es : '').toMatch(/no sustituye la atención médica/i);
    expect(step?.questions.map((q) => q.type)).toEqual(['consent', 'signature']);
  });

  it('every body-map question only offers regions that BODY_MAP draws', () => {
    const drawn = new Set<string>([...BODY_MAP.views.front.regions, ...BODY_MAP.views.back.regions].map((r) => r.id));
    const bodyMaps = form.steps.flatMap((s) => s.questions).filter((q) => q.type === 'body_map');
    expect(bodyMaps.map((q) => q.id)).toEqual(['pain_areas', 'fracture_areas', 'injection_areas', 'lymphedema_areas', 'varicose_areas', 'skin_areas', 'avoid_areas']);
    for (const q of bodyMaps) for (const id of q.type === 'body_map' ? (q.regions ?? []) : []) expect(drawn.has(id), `${q.id}: ${id}`).toBe(true);
    for (const id of ['neck', 'shoulders', 'upper_back', 'mid_back', 'lower_back', 'hips_glutes', 'legs']) expect(drawn.has(id), id).toBe(true);
  });

  it.each([
    ['surgery date', 'surgery_date', { had_surgery: true }],
    ['pregnancy weeks', 'pregnancy_weeks', { pregnant: true }],
    ['high-risk pregnancy', 'pregnancy_high_risk', { pregnant: true }],
    ['which areas have wounds', 'skin_areas', { skin_problems: true }],
    ['doctor assessed severe pain', 'doctor_assessed', { pain_level: 8, doctor_referral: false }],
    ['fracture date', 'fracture_date', { had_fracture: true }],
    ['where the steroid injection was', 'injection_areas', { steroid_injection: true }],
    ['which areas have lymphoedema', 'lymphedema_areas', { lymphedema: true }],
  ] as const)('follow-up "%s" appears only after the answer that needs it', (_label, id, trigger) => {
    expect(isQuestionVisible(form, id, healthy, NOW)).toBe(false);
    expect(isQuestionVisible(form, id, { ...healthy, ...trigger }, NOW)).toBe(true);
  });

  it('a visible follow-up is required before submitting', () => {
    const errors = validateSubmission(form, { ...healthy, had_surgery: true }, NOW);
    expect(errors.map((e) => [e.questionId, e.code])).toEqual([['surgery_date', 'required']]);
  });
});

describe('default intake form: a minor and their guardian', () => {
  const guardianIds = ['guardian_name', 'guardian_relationship', 'guardian_phone', 'guardian_consent', 'guardian_signature'];
  const visibleGuardianIds = (answers: Answers, ageOfConsent?: number) =>
    guardianIds.filter((id) => isQuestionVisible(form, id, answers, NOW, ageOfConsent === undefined ? undefined : { ageOfConsent }));

  it.each([
    ['aged 15, default age of consent 18', MINOR_DATE_OF_BIRTH, undefined, true],
    ['aged 17 (the day before the birthday)', '2007-06-16', undefined, true],
    ['aged 18 today', '2007-06-15', undefined, false],
    ['aged 45', '1980-04-02', undefined, false],
    ['aged 17 where the clinic sets 16', '2007-06-16', 16, false],
    ['aged 19 where the clinic sets 21', '2006-01-01', 21, true],
  ] as const)('asks for the guardian: %s -> %s', (_label, dateOfBirth, ageOfConsent, asked) => {
    expect(visibleGuardianIds({ ...healthy, date_of_birth: dateOfBirth }, ageOfConsent)).toEqual(asked ? guardianIds : []);
  });

  it('a minor without the guardian step answered is refused: every guardian answer is required when shown', () => {
    const errors = validateSubmission(form, { ...healthy, date_of_birth: MINOR_DATE_OF_BIRTH }, NOW);
    expect(errors.map((e) => [e.questionId, e.code])).toEqual(guardianIds.map((id) => [id, 'required']));
  });

  it('"other" relationship asks what it is; a complete minor submission is valid', () => {
    expect(validateSubmission(form, MINOR_CLIENT_ANSWERS, NOW)).toEqual([]);
    const other = validateSubmission(form, { ...MINOR_CLIENT_ANSWERS, guardian_relationship: 'other' }, NOW);
    expect(other.map((e) => [e.questionId, e.code])).toEqual([['guardian_relationship_other', 'required']]);
    expect(validateSubmission(form, { ...MINOR_CLIENT_ANSWERS, guardian_relationship: 'other', guardian_relationship_other: 'Grandmother' }, NOW)).toEqual([]);
  });

  it('the flag names who consented: date of birth, guardian and relationship', () => {
    const flag = evaluateScreening(form, MINOR_CLIENT_ANSWERS, NOW).find((f) => f.code === 'MINOR_GUARDIAN_CONSENT');
    expect(flag?.triggers).toEqual([
      { questionId: 'date_of_birth', value: MINOR_DATE_OF_BIRTH },
      { questionId: 'guardian_name', value: 'Marta García' },
      { questionId: 'guardian_relationship', value: 'parent' },
    ]);
    expect(flag?.clientMessage).toBeUndefined();
  });

  it('an adult submission keeps no guardian answers', () => {
    expect(Object.keys(pruneHiddenAnswers(form, { ...healthy, ...GUARDIAN_ANSWERS }, NOW))).toEqual(Object.keys(healthy));
  });
});
