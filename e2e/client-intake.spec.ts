/**
 * The client's kiosk flow end to end, by touch, through the real handler table: six
 * different intakes, axe on every screen, screenshots at portrait and landscape
 * (artifacts/screens/<flow>/).
 */
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import type { Core } from '../core/create-core.ts';
import { test, expect } from './fixtures.ts';
import { IntakeFlow, type Client } from './pages/client/intake-flow.ts';
import { PORTRAIT } from './pages/client/screens.ts';

test.use({ hasTouch: true, viewport: PORTRAIT });
// Each intake scans and photographs every screen twice (portrait and landscape).
test.describe.configure({ mode: 'parallel', timeout: 180_000 });

const isoDaysAgo = (days: number): string => {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The flag codes of the one submission stored so far. */
async function storedFlagCodes(core: Core): Promise<string[]> {
  const items = await core.deps.submissions.list({ status: 'all', limit: 10 });
  expect(items).toHaveLength(1);
  const stored = await core.deps.submissions.get(items[0]!.submissionId);
  return (stored?.flags ?? []).map((f) => f.code);
}

const guidanceTexts = (lang: string): string[] => DEFAULT_INTAKE_FORM.rules.flatMap((r) => [r.guidance[lang] ?? '', r.title[lang] ?? '']).filter(Boolean);

const mara: Client = { firstName: 'Mara', lastName: 'Quinlan', dateOfBirth: '1984-03-07', phone: '5550101' };

test('no flags: a healthy client completes the intake and is asked to take a seat', async ({ kiosk, core }) => {
  const flow = new IntakeFlow(kiosk, 'no-flags');
  await flow.attract.expectShown();
  await flow.screens.capture('attract');
  await flow.attract.start();
  await expect(kiosk.getByTestId('progress')).toHaveText('Step 1 of 6');
  await flow.aboutYou(mara);
  await expect(kiosk.getByTestId('progress')).toHaveText('Step 2 of 6');
  await flow.yourBack();
  await flow.health();
  await flow.preferences();
  await flow.consent();
  await expect(flow.review.section('about_you')).toContainText('Quinlan');
  await expect(flow.review.section('about_you')).toContainText('Mar 7, 1984');
  await flow.submitAndExpectDone();
  await expect(kiosk.getByText('Please take a seat')).toBeVisible();
  await expect(flow.done.frontDesk()).toHaveCount(0);
  await flow.expectForgotten('Quinlan', 'Mara');
  const codes = await storedFlagCodes(core);
  expect(codes.filter((c) => c !== 'SCIATICA' && c !== 'DOCTOR_REFERRAL')).toEqual([]);
});

test('osteoporosis and pregnancy: both modify flags are stored, the client only sees thanks', async ({ kiosk, core }) => {
  const flow = new IntakeFlow(kiosk, 'osteoporosis-pregnancy');
  await flow.attract.start();
  await flow.aboutYou({ firstName: 'Ines', lastName: 'Okafor', dateOfBirth: '1991-11-23', phone: '5550102' });
  await flow.yourBack({ pain: 3 });
  await flow.health({ osteoporosis: true, pregnantWeeks: 24 });
  await flow.preferences('light');
  await flow.consent();
  await expect(flow.review.section('health')).toContainText('24');
  // "Edit" goes to that section and straight back to the review.
  await flow.review.edit('preferences');
  await expect(kiosk.getByTestId('next')).toContainText('Back to review');
  await flow.step.question('pressure').locator('input[value="medium"]').locator('..').tap();
  await flow.step.next();
  await flow.review.expectShown();
  await expect(flow.review.section('preferences')).toContainText('Medium');
  await flow.submitAndExpectDone();
  await expect(kiosk.getByText('Please take a seat')).toBeVisible();
  expect(await storedFlagCodes(core)).toEqual(expect.arrayContaining(['OSTEOPOROSIS', 'PREGNANCY']));
  const html = await kiosk.content();
  for (const text of guidanceTexts('en')) expect(html).not.toContain(text);
});

test('recent surgery: a surgery two weeks ago raises the clearance flag', async ({ kiosk, core }) => {
  const flow = new IntakeFlow(kiosk, 'recent-surgery');
  await flow.attract.start();
  await flow.aboutYou({ firstName: 'Tomas', lastName: 'Varga', dateOfBirth: '1962-06-30', phone: '5550103' });
  await flow.yourBack({ pain: 6 });
  await flow.health({ surgeryDate: isoDaysAgo(14) });
  await flow.preferences();
  await flow.consent();
  // An edit that reveals a new required question cannot slip past the review.
  await flow.review.edit('health');
  await flow.step.yesNo('allergies', true);
  await flow.step.nextExpectingErrors();
  await expect(flow.step.errorFor('allergy_details')).toBeVisible();
  await expect(flow.step.question('allergy_details').locator('input')).toBeFocused();
  await flow.step.fill('allergy_details', 'Almond oil');
  await flow.step.next();
  await flow.review.expectShown();
  await expect(flow.review.section('health')).toContainText('Almond oil');
  await flow.submitAndExpectDone();
  expect(await storedFlagCodes(core)).toContain('RECENT_SURGERY');
  await expect(flow.done.frontDesk()).toHaveCount(0);
});

test('stop flag: a client with a fever is kindly sent to the front desk, with no clinical guidance', async ({ kiosk, core }) => {
  const flow = new IntakeFlow(kiosk, 'stop-flag');
  await flow.attract.start();
  await flow.aboutYou({ firstName: 'Ruth', lastName: 'Abernathy', dateOfBirth: '1975-01-15', phone: '5550104' });
  await flow.yourBack();
  await flow.health({ feverInfection: true });
  await flow.preferences();
  await flow.consent();
  await flow.submitAndExpectDone();
  await expect(flow.done.frontDesk()).toContainText('front desk');
  await expect(kiosk.getByText('Please take a seat')).toHaveCount(0);
  const html = await kiosk.content();
  for (const text of guidanceTexts('en')) expect(html, 'clinical text reached the client').not.toContain(text);
  expect(await storedFlagCodes(core)).toContain('FEVER_INFECTION');
});

test('Spanish: the whole intake in Spanish, lang attribute and chrome follow', async ({ kiosk, core }) => {
  const flow = new IntakeFlow(kiosk, 'spanish');
  await flow.attract.chooseLanguage('Español');
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'es');
  await expect(kiosk.getByRole('button', { name: 'Toque para empezar' })).toBeVisible();
  await flow.screens.capture('attract-es');
  await flow.attract.start();
  await expect(kiosk.getByTestId('progress')).toHaveText('Paso 1 de 6');
  await flow.step.expectTitle('Sus datos');
  // Validation chrome and messages in Spanish, focus on the first field that needs an answer.
  await flow.step.nextExpectingErrors();
  await expect(kiosk.getByTestId('error-summary')).toContainText('Revise');
  await expect(kiosk.locator('#q-first_name-focus')).toBeFocused();
  await expect(kiosk.locator('#q-first_name-focus')).toHaveAttribute('aria-invalid', 'true');
  await flow.screens.capture('errors-es');
  await flow.aboutYou({ firstName: 'Begoña', lastName: 'Núñez', dateOfBirth: '1988-05-02', phone: '5550105' });
  await flow.yourBack();
  await flow.health();
  await flow.preferences();
  await flow.consent();
  await expect(kiosk.locator('#review-title')).toHaveText('Revise sus respuestas');
  await expect(flow.review.section('about_you')).toContainText('Begoña');
  await expect(flow.review.section('about_you')).toContainText('2 may 1988');
  await flow.submitAndExpectDone();
  await expect(kiosk.getByRole('heading', { name: 'Gracias' })).toBeVisible();
  const items = await core.deps.submissions.list({ status: 'all', limit: 10 });
  expect((await core.deps.submissions.get(items[0]!.submissionId))?.language).toBe('es');
  await flow.expectForgotten('Begoña', 'Núñez');
});

test('idle reset mid-form: "Still there?" counts down, then nothing of the client remains', async ({ kiosk, core }) => {
  const config = core.deps.settings.get();
  await kiosk.clock.install();
  await kiosk.reload();
  const flow = new IntakeFlow(kiosk, 'idle-reset');
  await flow.attract.start();
  await flow.step.typeOnScreen('first_name', 'Zephyrine');
  await flow.step.fill('last_name', 'Marchetti-Olsen');
  await flow.step.date('date_of_birth', '1979-09-09');

  await kiosk.clock.fastForward(config.idleWarningMs + 1_000);
  const dialog = kiosk.getByRole('alertdialog', { name: 'Still there?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/Clearing in \d+ seconds/);
  await expect(dialog.getByRole('button', { name: 'I’m still here' })).toBeFocused();
  await flow.screens.capture('still-there');

  // "I'm still here" keeps the answers...
  await dialog.getByRole('button', { name: 'I’m still here' }).tap();
  await expect(dialog).toBeHidden();
  await expect(flow.step.question('first_name').locator('input')).toHaveValue('Zephyrine');

  // ...walking away clears everything.
  await kiosk.clock.fastForward(config.idleWarningMs + 1_000);
  await expect(dialog).toBeVisible();
  await kiosk.clock.fastForward(config.idleCountdownMs + 1_000);
  await flow.attract.expectShown();
  await flow.expectForgotten('Zephyrine', 'Marchetti-Olsen', '1979');
  await flow.attract.start();
  await expect(flow.step.question('first_name').locator('input')).toHaveValue('');
  await flow.expectForgotten('Zephyrine');
  expect(await core.deps.submissions.count()).toBe(0);
});
