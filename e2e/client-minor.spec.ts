/**
 * Issue 20, minors: a client under the clinic's age of consent (default 18) is asked for a parent
 * or guardian, who gives their name, relationship and phone, consents and signs with a finger;
 * main refuses the step left empty; the therapist's queue and detail show the minor flag and the
 * guardian. An adult (or a 17-year-old where the clinic sets 16) never sees the step. By touch
 * alone (CDP touch events); screens scanned with axe and saved under artifacts/screens/minor*.
 */
import { test, expect } from './fixtures.ts';
import { pageCaller } from './harness/bridge.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { PORTRAIT } from './pages/client/screens.ts';
import { fingerDraw, fingerTap } from './pages/client/touch.ts';
import { AdminPage } from './pages/admin/admin-page.ts';
import { captureStaffScreen, QueuePage, StaffLoginPage } from './pages/staff/staff-pages.ts';

test.use({ hasTouch: true, viewport: PORTRAIT });
// The whole intake, then staff sign-in and the PDF: long on a loaded machine.
test.describe.configure({ mode: 'parallel', timeout: 420_000 });

const THERAPIST = { name: 'Theo Therapist', pin: '470215' };

/** The ISO date of birth of someone `years` old on `now`, a few days past their birthday. */
function bornYearsAgo(now: Date, years: number): string {
  const d = new Date(now.getFullYear() - years, now.getMonth(), now.getDate() - 3);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test("a 15-year-old's parent consents and signs by touch; the therapist sees the minor flag and the guardian", async ({ kiosk, core, clock }) => {
  await core.deps.staff.setupFirstAdmin('Olivia Owner', '135792', pageCaller(kiosk).id);
  await core.deps.staff.addStaff(THERAPIST.name, 'therapist', THERAPIST.pin);
  core.deps.staff.lock(pageCaller(kiosk).id);

  const flow = new IntakeFlow(kiosk, 'minor');
  const s = flow.step;
  await flow.attract.start();
  await flow.aboutYou({ firstName: 'Lucia', lastName: 'Mendez', dateOfBirth: bornYearsAgo(clock.now(), 15), phone: '5550133' });
  await flow.yourBack();
  await flow.health();
  await flow.preferences();
  // The client's own consent and signature, as every client gives them; then the guardian's step.
  await s.tick('consent');
  await fingerDraw(s.question('signature').getByTestId('signature-canvas'));
  await expect(s.question('signature').getByText('Signature captured.')).toBeVisible();
  await s.next();
  await s.expectTitle('Parent or guardian');
  await expect(kiosk.getByText(/hand the kiosk to the parent or guardian/)).toBeVisible();
  await flow.screens.capture('guardian-step');

  // Left empty, the step says what is missing, question by question.
  await s.nextExpectingErrors();
  for (const id of ['guardian_name', 'guardian_relationship', 'guardian_phone', 'guardian_consent', 'guardian_signature']) await expect(s.errorFor(id), id).toBeVisible();
  await flow.screens.capture('guardian-step-errors');

  await s.typeOnScreen('guardian_name', 'Rosa Mendez');
  await fingerTap(s.question('guardian_relationship').locator('label.tile').filter({ hasText: 'Other' }));
  // "Other" asks how they are related.
  await s.typeOnScreen('guardian_relationship_other', 'Aunt');
  await s.typeOnScreen('guardian_phone', '5550177');
  await fingerTap(s.question('guardian_consent').locator('label.tile').first());
  await fingerDraw(s.question('guardian_signature').getByTestId('signature-canvas'));
  await expect(s.question('guardian_signature').getByText('Signature captured.')).toBeVisible();
  await flow.screens.capture('guardian-step-filled');
  await s.next();
  await flow.review.expectShown();
  await expect(flow.review.section('guardian')).toContainText('Rosa Mendez');
  await flow.submitAndExpectDone();

  const [stored] = await core.deps.submissions.list({ status: 'all', limit: 1 });
  const record = await core.deps.submissions.get(stored!.submissionId);
  expect(record?.flags.map((f) => `${f.severity}:${f.code}`)).toEqual(['info:MINOR_GUARDIAN_CONSENT']);
  // Both signatures were drawn by a finger and kept as strokes.
  for (const id of ['signature', 'guardian_signature']) {
    const value = record?.answers[id];
    expect(typeof value === 'object' && value !== null && 'strokes' in value && value.strokes.length, id).toBeGreaterThan(0);
  }

  // The therapist: the queue's info badge, then the detail with the flag and the guardian.
  const login = new StaffLoginPage(kiosk);
  await login.enterStaffMode();
  await login.signIn(THERAPIST.name, THERAPIST.pin);
  const queue = new QueuePage(kiosk);
  await expect(queue.row('Lucia Mendez')).toHaveCount(1);
  expect(await queue.badges('Lucia Mendez')).toEqual(['info']);
  await captureStaffScreen(kiosk, 'queue', 'minor-staff');
  const detail = await queue.open('Lucia Mendez');
  const flag = detail.flag('MINOR_GUARDIAN_CONSENT');
  await expect(flag).toContainText('Minor: a parent or guardian consented');
  await expect(flag).toContainText('Rosa Mendez');
  await expect(kiosk.getByTestId('detail-guardian')).toContainText('Parent or guardian (consented)');
  await expect(kiosk.getByTestId('detail-guardian')).toContainText('Rosa Mendez · Other · Aunt · 5550177');
  await expect(kiosk.getByTestId('verdict')).toContainText('No restrictions');
  await detail.expectPdfShown();
  await captureStaffScreen(kiosk, 'detail', 'minor-staff');
});

test('an adult, and a 17-year-old where the clinic sets the age of consent to 16, get no guardian step', async ({ kiosk, core, clock }) => {
  for (const [label, years, ageOfConsent] of [
    ['adult', 40, 18],
    ['17 under a clinic age of 16', 17, 16],
  ] as const) {
    await core.deps.settings.update({ ageOfConsent }, 'test');
    // A new client starts from a fresh page, with the config (and age of consent) main gives now.
    await kiosk.reload();
    const flow = new IntakeFlow(kiosk, `minor-none-${years}`, { record: false });
    await flow.attract.start();
    await flow.aboutYou({ firstName: 'Sam', lastName: `Lee ${years}`, dateOfBirth: bornYearsAgo(clock.now(), years), phone: '5550144' });
    await flow.yourBack();
    await flow.health();
    await flow.preferences();
    // consent() expects the review right after the consent step: no guardian step in between.
    await flow.consent();
    await expect(kiosk.locator('[data-step="guardian"]'), label).toHaveCount(0);
    await flow.review.submit();
    await flow.done.expectShown();
    const [stored] = await core.deps.submissions.list({ status: 'all', limit: 1 });
    expect((await core.deps.submissions.get(stored!.submissionId))?.flags, label).toEqual([]);
  }
});

test('admin: the age of consent in years on the settings screen, and conditions that read it in the rule editor', async ({ kiosk, core }) => {
  const admin = new AdminPage(kiosk);
  await admin.setUpAndOpen('Olivia Owner', '135792');
  await admin.tab('Settings');
  const age = kiosk.getByLabel('Age of consent (years)');
  await expect(age).toHaveValue('18');
  await expect(kiosk.getByText(/From 14 to 21 years/)).toBeVisible();
  // Out of range: main refuses it and says why, beside the field.
  await age.fill('12');
  await kiosk.getByRole('button', { name: 'Save settings' }).tap();
  await expect(kiosk.locator('#setting-ageOfConsent-error')).toContainText('at least 14');
  expect(core.deps.settings.get().ageOfConsent).toBe(18);
  await age.fill('16');
  await kiosk.getByRole('button', { name: 'Save settings' }).tap();
  await expect(kiosk.getByText('Settings saved.')).toBeVisible();
  expect(core.deps.settings.get().ageOfConsent).toBe(16);
  await age.scrollIntoViewIfNeeded();
  await captureStaffScreen(kiosk, 'admin-settings', 'minor-admin');

  // The rule editor: the minor rule reads settings.ageOfConsent; the help under the field lists it.
  await admin.tab('Forms');
  await admin.formSection(/Rules/);
  await kiosk.getByRole('button', { name: '+ Add rule' }).tap();
  const rule = kiosk.locator('.rules-editor .question-item').last();
  const when = rule.getByLabel(/Raise this flag when/);
  await when.fill('age(date_of_birth) < settings.ageOfConsnt');
  await expect(rule.locator('.expr-issues')).toContainText('Unknown value "settings.ageOfConsnt" (known: settings.ageOfConsent)');
  await when.fill('age(date_of_birth) < settings.ageOfConsent');
  await expect(rule.getByText('✓ Condition is valid')).toBeVisible();
  const help = rule.locator('.expr-help');
  await help.locator('summary').tap();
  await expect(help).toContainText('settings.ageOfConsent');
  await expect(help).toContainText("the clinic's age of consent in years (Settings)");
  await help.scrollIntoViewIfNeeded();
  await captureStaffScreen(kiosk, 'admin-rule-help', 'minor-admin');
});
