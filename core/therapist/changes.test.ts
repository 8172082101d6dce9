import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { evaluateScreening, type Answers } from '../../forms/engine/index.ts';
import { changesSinceLast, referralFlag, REFERRAL_FLAG_CODE, type ReferralLabels } from './changes.ts';
import { visitFacts, type VisitFacts } from './visit-facts.ts';

const form = DEFAULT_INTAKE_FORM;
const TODAY = '2026-03-20T10:00:00.000Z';
const daysBefore = (days: number) => new Date(Date.parse(TODAY) - days * 86_400_000).toISOString();

function visit(id: string, createdAt: string, changes: Answers = {}): VisitFacts {
  const answers = { ...HEALTHY_CLIENT_ANSWERS, ...changes };
  return visitFacts({ submissionId: id, createdAt, form, answers, flags: evaluateScreening(form, answers, new Date(createdAt)) });
}

const labels: ReferralLabels = {
  painQuestion: 'Pain',
  spasmQuestion: 'Spasms?',
  painText: (v) => `${v} / 10`,
  dateText: (iso) => iso.slice(0, 10),
};

describe('changesSinceLast', () => {
  it('first visit -> nothing to compare', () => {
    expect(changesSinceLast(visit('now', TODAY), [], 0)).toBeNull();
  });

  it('compares with the newest earlier visit only', () => {
    const now = visit('now', TODAY, { known_conditions: ['sciatica'], osteoporosis: true, pain_level: 3, pain_areas: ['lower_back', 'neck'] });
    const previous = visit('prev', daysBefore(14), { known_conditions: ['herniated_disc'], pain_level: 6, pain_areas: ['lower_back', 'hips_glutes'] });
    const older = visit('old', daysBefore(40), { blood_thinners: true });
    const changes = changesSinceLast(now, [previous, older], 2);
    expect(changes).toMatchObject({ previousSubmissionId: 'prev', previousVisitAt: daysBefore(14), earlierVisits: 2 });
    // Conditions are the raised flags' titles and the ticked condition options.
    expect(changes?.newConditions).toEqual(expect.arrayContaining(['Osteoporosis', 'Sciatica']));
    expect(changes?.resolvedConditions).toEqual(expect.arrayContaining(['Herniated disc']));
    expect(changes?.resolvedConditions).not.toContain('Blood thinners or bleeding disorder');
    expect(changes?.pain).toEqual({ before: 6, now: 3, trend: 'better' });
    expect(changes?.newAreas).toEqual(['Neck']);
    expect(changes?.resolvedAreas).toEqual(['Hips and buttocks']);
  });

  it.each([
    ['pain 4 -> 7 is worse', 4, 7, 'worse'],
    ['pain 5 -> 5 is the same', 5, 5, 'same'],
    ['pain 8 -> 2 is better', 8, 2, 'better'],
  ] as const)('%s', (_label, before, now, trend) => {
    expect(changesSinceLast(visit('now', TODAY, { pain_level: now }), [visit('prev', daysBefore(7), { pain_level: before })], 1)?.pain.trend).toBe(trend);
  });

  it('"none of these" is not a condition', () => {
    const changes = changesSinceLast(visit('now', TODAY, { known_conditions: ['none'] }), [visit('prev', daysBefore(7), { known_conditions: ['scoliosis'] })], 1);
    expect(changes?.newConditions).toEqual([]);
    expect(changes?.resolvedConditions).toContain('Scoliosis');
  });
});

describe('referralFlag ("consider referral")', () => {
  const spasms = { muscle_spasms: true, spasm_sessions: 1 };
  it.each([
    ['first visit, no history -> none', visit('now', TODAY, { pain_level: 6 }), [], false],
    ['one earlier session, pain not better -> none (the seeds say two)', visit('now', TODAY, { pain_level: 6 }), [visit('a', daysBefore(7), { pain_level: 6 })], false],
    ['two earlier sessions, pain 6 -> 5 -> 6 -> referral', visit('now', TODAY, { pain_level: 6 }), [visit('b', daysBefore(7), { pain_level: 5 }), visit('a', daysBefore(14), { pain_level: 6 })], true],
    ['two earlier sessions, pain 6 -> 5 -> 3 -> none (improving)', visit('now', TODAY, { pain_level: 3 }), [visit('b', daysBefore(7), { pain_level: 5 }), visit('a', daysBefore(14), { pain_level: 6 })], false],
    ['two sessions but the older one is 200 days ago -> none (another episode)', visit('now', TODAY, { pain_level: 6 }), [visit('b', daysBefore(7), { pain_level: 6 }), visit('a', daysBefore(200), { pain_level: 6 })], false],
    [
      'spasms at each of three visits, pain slightly better -> referral',
      visit('now', TODAY, { ...spasms, pain_level: 4 }),
      [visit('b', daysBefore(7), { ...spasms, pain_level: 5 }), visit('a', daysBefore(14), { ...spasms, pain_level: 5 })],
      true,
    ],
  ] as const)('%s', (_label, now, earlier, expected) => {
    const flag = referralFlag(now, earlier, [], labels);
    expect(flag !== null).toBe(expected);
    if (flag) expect(flag).toMatchObject({ code: REFERRAL_FLAG_CODE, severity: 'info', title: 'Consider referral', mustTick: false, derived: true });
  });

  it('pain history becomes the trigger line, oldest first', () => {
    const flag = referralFlag(visit('now', TODAY, { pain_level: 6 }), [visit('b', daysBefore(7), { pain_level: 5 }), visit('a', daysBefore(14), { pain_level: 6 })], [], labels);
    expect(flag?.triggers[0]).toEqual({ questionId: 'pain_level', question: 'Pain', answer: `6 / 10 (${daysBefore(14).slice(0, 10)}) → 5 / 10 (${daysBefore(7).slice(0, 10)}) → 6 / 10 (today)` });
  });

  it('answers say "not better after 2 sessions": the form rule already flags it -> no second flag; without that rule -> referral', () => {
    const answers = { ...HEALTHY_CLIENT_ANSWERS, muscle_spasms: true, spasm_sessions: 3, spasms_improved: false };
    const now = visitFacts({ submissionId: 'now', createdAt: TODAY, form, answers, flags: [] });
    const formFlags = evaluateScreening(form, answers, new Date(TODAY));
    expect(formFlags.map((f) => f.code)).toContain('SPASMS_NOT_IMPROVING');
    expect(referralFlag(now, [], formFlags, labels)).toBeNull();
    expect(referralFlag(now, [], [], labels)?.guidance).toMatch(/no improvement after 3 sessions/);
  });
});
