/**
 * Issue 7, done when: a client submits through the kiosk; a therapist signs in, sees the
 * new item with the right badges, opens it, ticks the flags, acknowledges, prints (a PDF
 * in Chromium mode) and exports; the audit log shows the view and the acknowledgement;
 * the session times out back to the attract screen. Screens are scanned with axe and
 * saved under artifacts/screens/staff/.
 */
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEALTHY_CLIENT_ANSWERS } from '../forms/definitions/sample-answers.ts';
import { test, expect } from './fixtures.ts';
import { pageCallContext, pageCaller } from './harness/bridge.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { expectNoAxeViolations, PORTRAIT } from './pages/client/screens.ts';
import { captureStaffScreen, QueuePage, StaffLoginPage } from './pages/staff/staff-pages.ts';

test.use({ hasTouch: true, viewport: PORTRAIT });
test.describe.configure({ timeout: 360_000 });

const THERAPIST = { name: 'Theo Therapist', pin: '470215' };
const CLIENT = { firstName: 'Ana', lastName: 'García', dateOfBirth: '1980-04-02', phone: '5550142' };
const DAY_MS = 86_400_000;

test('therapist: queue badges, detail, tick + acknowledge, print, export, audit, auto log-off', async ({ kiosk, core, clock, dataDir }) => {
  const exportDir = join(dataDir, 'export-share');
  mkdirSync(exportDir);
  await core.deps.settings.update({ exportFolder: exportDir }, 'test');
  await core.deps.staff.setupFirstAdmin('Olivia Owner', '135792', pageCaller(kiosk).id);
  const therapist = await core.deps.staff.addStaff(THERAPIST.name, 'therapist', THERAPIST.pin);
  core.deps.staff.lock(pageCaller(kiosk).id);

  // Two earlier visits of the same client (name + date of birth), pain 5 then 4.
  for (const [daysAgo, pain] of [
    [14, 5],
    [7, 4],
  ] as const) {
    clock.advance(-daysAgo * DAY_MS);
    const earlier = await core.handlers['intake:submit'](
      { submissionId: randomUUID(), formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers: { ...HEALTHY_CLIENT_ANSWERS, pain_level: pain }, startedAt: clock.now().toISOString() },
      pageCallContext(kiosk),
    );
    expect(earlier.ok).toBe(true);
    clock.advance(daysAgo * DAY_MS);
  }

  // Today the client comes back through the kiosk: fever (stop), surgery 3 weeks ago (clearance), osteoporosis (modify), pain 5.
  const surgery = new Date(clock.now().getTime() - 21 * DAY_MS).toISOString().slice(0, 10);
  const flow = new IntakeFlow(kiosk, 'staff-client', { record: false });
  await flow.attract.start();
  await flow.aboutYou(CLIENT);
  await flow.yourBack({ pain: 5 });
  await flow.health({ feverInfection: true, osteoporosis: true, surgeryDate: surgery });
  await flow.preferences('light');
  await flow.consent();
  await flow.submitAndExpectDone();
  const [today] = await core.deps.submissions.list({ status: 'all', limit: 1 });
  const submissionId = today!.submissionId;

  // The therapist signs in on the keypad and sees today's item with its badges in words.
  const login = new StaffLoginPage(kiosk);
  await login.enterStaffMode();
  await login.signIn(THERAPIST.name, THERAPIST.pin);
  await expect(kiosk.getByRole('button', { name: 'Admin', exact: true })).toHaveCount(0); // therapists get no admin area
  const queue = new QueuePage(kiosk);
  const row = queue.row('Ana García');
  await expect(row).toHaveCount(1); // the earlier visits are not today's
  expect(await queue.badges('Ana García')).toEqual(['stop', 'clearance', 'modify']);
  await expect(row).toContainText('Stop');
  await expect(row).toContainText('Clearance');
  await expect(row).toContainText('Modify');
  await expect(row).toContainText('New');
  await captureStaffScreen(kiosk, '01-queue');
  // In landscape the name search's Keyboard button sits beside the box, not wrapped under it.
  const searchBox = await queue.searchBox().boundingBox();
  const keyboardButton = await kiosk.locator('.filter-search').getByRole('button', { name: 'Keyboard' }).boundingBox();
  expect(Math.abs((keyboardButton?.y ?? 0) - (searchBox?.y ?? 1000))).toBeLessThan(8);

  // Search by name is answered in main; a name that is not there lists nothing.
  await queue.search('zzz');
  await expect(kiosk.getByText('No client matches that name in these dates.')).toBeVisible();
  // At the kiosk the name is typed with the on-screen keyboard.
  await queue.searchOnScreen('Garc', () => captureStaffScreen(kiosk, '01-queue-search-keyboard'));
  await expect(queue.row('Ana García')).toHaveCount(1);

  // The detail: flags with guidance and triggers, the returning-client changes and the referral note.
  const detail = await queue.open('Ana García');
  // The answer to "May I treat today?" comes first, in words (the icon beside it), as on the PDF's banner.
  await expect(kiosk.getByTestId('verdict')).toHaveText('Do not treat today: refer');
  await expect(detail.flag('FEVER_INFECTION')).toContainText('Fever or acute infection');
  await expect(detail.flag('FEVER_INFECTION')).toContainText('Because the client answered');
  await expect(detail.flag('RECENT_SURGERY')).toBeVisible();
  await expect(detail.flag('OSTEOPOROSIS')).toBeVisible();
  await expect(detail.flag('KIOSK_CONSIDER_REFERRAL')).toContainText('Consider referral');
  await expect(kiosk.getByRole('heading', { name: /Returning client: changes since/ })).toBeVisible();
  await expect(kiosk.locator('.changes')).toContainText('Osteoporosis');
  await expect(kiosk.locator('.changes')).toContainText('4 → 5');
  await expect(kiosk.getByTestId('detail-body-back').locator('[data-region="lower_back"].chosen')).toHaveCount(1);
  await detail.expectPdfShown();
  await expect(kiosk.getByTestId('signature-status')).toContainText('Signature valid');

  // Stop and clearance must each be ticked before "Acknowledge" is enabled.
  await expect(detail.acknowledgeButton()).toBeDisabled();
  await detail.tick('FEVER_INFECTION');
  await expect(detail.acknowledgeButton()).toBeDisabled();
  await detail.tick('RECENT_SURGERY');
  // A stop or clearance flag needs the outcome too: what happened with the client, by touch.
  await expect(detail.acknowledgeButton()).toBeDisabled();
  await expect(kiosk.getByText('Choose what happened with this client to acknowledge.')).toBeVisible();
  await detail.chooseOutcome('Other');
  await expect(detail.acknowledgeButton()).toBeDisabled(); // "Other" needs a note
  await expect(kiosk.getByText('Write a short note for “Other” to acknowledge.')).toBeVisible();
  await detail.typeOutcomeNote('Sent to GP');
  await captureStaffScreen(kiosk, '02-detail-outcome-note');
  await detail.chooseOutcome('Not treated, referred');
  await expect(kiosk.getByRole('textbox', { name: 'Short note: what happened' })).toHaveCount(0);
  await expect(detail.acknowledgeButton()).toBeEnabled();
  await captureStaffScreen(kiosk, '02-detail');
  await detail.acknowledgeButton().tap();
  await expect(kiosk.getByTestId('ack-status')).toContainText(`Acknowledged by ${THERAPIST.name}`);
  await expect(kiosk.getByTestId('outcome-recorded')).toHaveText('Outcome: Not treated, referred');
  expect(await core.deps.submissions.get(submissionId)).toMatchObject({ status: 'acknowledged', acknowledgedBy: therapist.staffId });
  const ackEntry = (await core.deps.audit.list({ limit: 50 })).find((e) => e.subjectId === submissionId && e.action === 'submission.acknowledged');
  expect(ackEntry?.details).toMatchObject({ outcome: 'not_treated_referred' });

  // Print in Chromium mode hands back the signed PDF; export writes another copy.
  const download = await detail.printExpectingDownload();
  const printed = readFileSync(await download.path());
  expect(printed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(printed.equals(Buffer.from((await core.deps.submissions.get(submissionId))!.pdf))).toBe(true);
  const before = readdirSync(exportDir).filter((f) => f.endsWith('.pdf')).length;
  await detail.exportAgain();
  expect(readdirSync(exportDir).filter((f) => f.endsWith('.pdf')).length).toBe(before + 1);
  await captureStaffScreen(kiosk, '03-detail-acknowledged');

  // The audit log holds the view, the acknowledgement, the print and the export, by this therapist.
  const mine = (await core.deps.audit.list({ limit: 100 }))
    .filter((e) => e.subjectId === submissionId && e.actor === therapist.staffId)
    .map((e) => e.action);
  expect(mine).toEqual(expect.arrayContaining(['submission.viewed', 'submission.acknowledged', 'submission.printed', 'submission.exported']));
  await kiosk.getByRole('button', { name: 'Audit log' }).tap();
  // Sentences a clinic owner reads; a therapist's log has no client names.
  const sentences = kiosk.locator('td.audit-sentence');
  await expect(sentences.filter({ hasText: `${THERAPIST.name} (therapist) acknowledged an intake. Outcome: Not treated, referred` })).toHaveCount(1);
  await expect(sentences.filter({ hasText: `${THERAPIST.name} (therapist) opened an intake.` })).toHaveCount(1); // the detail and its PDF: one opening
  await expect(sentences.filter({ hasText: 'The kiosk stored an intake.' }).first()).toBeVisible();
  await expect(kiosk.locator('.audit-table')).not.toContainText('Ana García');
  await expect(kiosk.getByText('Client names are shown to administrators only.')).toBeVisible();
  await expect(kiosk.locator('tr[data-action="submission.purged"]')).toHaveCount(0);
  await kiosk.getByRole('button', { name: 'Check the log is intact' }).tap();
  await expect(kiosk.getByText(/Intact: all \d+ entries chain correctly/)).toBeVisible();
  await captureStaffScreen(kiosk, '04-audit');
  // Filters: what, who, dates.
  const filter = (label: string) => kiosk.locator('.audit-filters label.filter').filter({ has: kiosk.getByText(label, { exact: true }) }).locator('select, input');
  await filter('What').selectOption({ label: 'Sign-ins' });
  await expect(sentences.first()).toContainText('signed in');
  expect(await kiosk.locator('.audit-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual(expect.arrayContaining(['staff.login']));
  for (const action of await kiosk.locator('.audit-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action') ?? ''))) {
    expect(['staff.login', 'staff.logout', 'staff.login_failed', 'staff.login_failures']).toContain(action);
  }
  await filter('What').selectOption({ label: 'Everything' });
  await filter('Who').selectOption({ label: 'The kiosk' });
  await expect(sentences.first()).toContainText('The kiosk stored an intake.');
  expect(new Set(await sentences.allTextContents())).toEqual(new Set(['The kiosk stored an intake.']));
  await captureStaffScreen(kiosk, '04-audit-filtered');
  const yesterday = new Date(clock.now().getTime() - DAY_MS);
  const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
  await filter('From').fill(day);
  await filter('To').fill(day);
  await expect(kiosk.getByText('No entries match these filters.')).toBeVisible();
  await kiosk.getByRole('button', { name: 'Clear filters' }).tap();
  await expect(sentences.filter({ hasText: `${THERAPIST.name} (therapist) opened an intake.` })).toHaveCount(1);

  // Back in the queue the item is acknowledged and sorts after new ones.
  await kiosk.getByRole('button', { name: /Back to the list/ }).click();
  await expect(queue.row('Ana García')).toContainText('Acknowledged');
  await expect(queue.row('Ana García').locator('.queue-outcome')).toHaveText('Not treated, referred');
  await captureStaffScreen(kiosk, '05-queue-outcome');

  // Inactivity: past autoLogoffMs the session ends in main and the kiosk shows the attract screen.
  clock.advance(core.deps.settings.get().autoLogoffMs + 1_000);
  await expect(kiosk.locator('.attract')).toBeVisible({ timeout: 15_000 });
  await expect(kiosk.getByText('Ana García')).toHaveCount(0);
  expect(core.deps.staff.current(pageCaller(kiosk).id)).toBeNull();
});

test('admin: a flag-free visit reads "No flags", acknowledges without ticks, and the Admin button opens the admin area', async ({ kiosk, core }) => {
  await core.deps.staff.setupFirstAdmin('Olivia Owner', '135792', pageCaller(kiosk).id);
  core.deps.staff.lock(pageCaller(kiosk).id);
  const submitted = await core.handlers['intake:submit'](
    { submissionId: randomUUID(), formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version, language: 'es', answers: HEALTHY_CLIENT_ANSWERS, startedAt: new Date().toISOString() },
    pageCallContext(kiosk),
  );
  expect(submitted.ok).toBe(true);

  const login = new StaffLoginPage(kiosk);
  await login.enterStaffMode();
  // "Who are you?" is a large tile per person, chosen by a tap, its selected state in words.
  const tile = kiosk.locator('label.staff-tile', { hasText: 'Olivia Owner' });
  await expect(tile).toContainText('Administrator');
  expect((await tile.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
  await tile.tap();
  await expect(kiosk.getByRole('radio', { name: /Olivia Owner/ })).toBeChecked();
  await expect(tile).toContainText('Selected');
  await expectNoAxeViolations(kiosk, 'staff sign-in tiles');
  await login.signIn('Olivia Owner', '135792');
  const queue = new QueuePage(kiosk);
  await expect(queue.row('Ana García')).toContainText('No flags');
  const detail = await queue.open('Ana García');
  await expect(kiosk.getByTestId('verdict')).toHaveText('No restrictions');
  await expect(kiosk.getByText('No flags: nothing in the answers needs attention.')).toBeVisible();
  await expect(kiosk.locator('.detail-facts')).toContainText('Spanish');
  await expect(detail.acknowledgeButton()).toBeEnabled();
  await detail.acknowledge();
  await detail.backToList();
  await expect(queue.row('Ana García')).toContainText('Acknowledged');
  await expect(queue.row('Ana García').locator('.queue-outcome')).toHaveCount(0); // no stop or clearance flag: no outcome

  // An admin's audit log names the client; one opening is one "opened" sentence.
  await kiosk.getByRole('button', { name: 'Audit log' }).tap();
  const sentences = kiosk.locator('td.audit-sentence');
  await expect(sentences.filter({ hasText: 'Olivia Owner (admin) opened the intake of Ana García.' })).toHaveCount(1);
  await expect(sentences.filter({ hasText: 'The kiosk stored the intake of Ana García.' })).toHaveCount(1);
  await expect(kiosk.getByText('Client names are shown to administrators only.')).toHaveCount(0);
  await captureStaffScreen(kiosk, '07-audit-admin');
  await kiosk.getByRole('button', { name: /Back to the list/ }).click();

  await kiosk.getByRole('button', { name: 'Admin', exact: true }).click();
  await expect(kiosk.getByTestId('admin-app')).toBeVisible();
  await kiosk.getByRole('button', { name: 'Close administration' }).click();
  await expect(queue.table()).toBeVisible();
  await kiosk.getByRole('button', { name: 'Lock and exit' }).click();
  await expect(kiosk.locator('.attract')).toBeVisible();
  expect(core.deps.staff.current(pageCaller(kiosk).id)).toBeNull();
});
