/**
 * Issue 20, safety rules too easy to remove: in the form editor, removing a stop or clearance
 * rule, lowering its severity or changing its condition asks first in a dialog that names the
 * rule; publishing shows what changes in screening against the live version as sentences
 * before the publish confirm. Driven by touch; axe on each dialog; screenshots under
 * artifacts/screens/admin-safety/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, ARTIFACTS_DIR } from './fixtures.ts';
import { AdminPage } from './pages/admin/admin-page.ts';
import { LANDSCAPE } from './pages/client/screens.ts';

test.use({ hasTouch: true, viewport: LANDSCAPE, actionTimeout: 15_000 });
test.describe.configure({ timeout: 180_000 });

const SCREENS = join(ARTIFACTS_DIR, 'screens', 'admin-safety');

async function checked(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

test('removing or weakening a stop or clearance rule asks first; publish lists the screening changes', async ({ kiosk, core }) => {
  const admin = new AdminPage(kiosk);
  await admin.setUpAndOpen('Olivia Owner', '135792');
  await admin.formSection(/Rules/);
  const liveVersion = (await core.deps.forms.active()).version;

  // Remove on a stop rule: a dialog names it; "Keep it as it is" keeps it.
  const fever = admin.ruleEditor('FEVER_INFECTION');
  await fever.getByRole('button', { name: 'Remove rule FEVER_INFECTION' }).tap();
  const confirm = kiosk.getByTestId('rule-confirm');
  await expect(confirm.getByRole('heading')).toHaveText('Remove the stop rule FEVER_INFECTION?');
  await expect(confirm).toContainText('“Fever or acute infection”');
  await expect(confirm.getByRole('button', { name: 'Keep it as it is' })).toBeFocused();
  await checked(kiosk, '01-remove-confirm');
  await confirm.getByRole('button', { name: 'Keep it as it is' }).tap();
  await expect(confirm).toHaveCount(0);
  await expect(fever).toHaveCount(1);
  // Escape is the safe choice too.
  await fever.getByRole('button', { name: 'Remove rule FEVER_INFECTION' }).tap();
  await kiosk.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(fever).toHaveCount(1);
  // Confirmed: it goes.
  await fever.getByRole('button', { name: 'Remove rule FEVER_INFECTION' }).tap();
  await confirm.getByRole('button', { name: 'Remove the rule' }).tap();
  await expect(admin.ruleEditor('FEVER_INFECTION')).toHaveCount(0);

  // A modify rule goes without a question.
  await admin.ruleEditor('OSTEOPOROSIS').getByRole('button', { name: 'Remove rule OSTEOPOROSIS' }).tap();
  await expect(confirm).toHaveCount(0);
  await expect(admin.ruleEditor('OSTEOPOROSIS')).toHaveCount(0);

  // Lowering a clearance rule's severity asks; cancelling leaves it as it was.
  const surgery = admin.ruleEditor('RECENT_SURGERY');
  await surgery.getByRole('button', { name: 'Edit rule RECENT_SURGERY' }).tap();
  await surgery.getByLabel('Severity').selectOption('info');
  await expect(confirm.getByRole('heading')).toHaveText('Lower RECENT_SURGERY from clearance to info?');
  await checked(kiosk, '02-lower-confirm');
  await confirm.getByRole('button', { name: 'Keep it as it is' }).tap();
  await expect(surgery.getByLabel('Severity')).toHaveValue('clearance');
  await surgery.getByLabel('Severity').selectOption('modify');
  await confirm.getByRole('button', { name: 'Lower the severity' }).tap();
  await expect(surgery.getByLabel('Severity')).toHaveValue('modify');
  // Raising needs no confirm.
  await surgery.getByRole('button', { name: 'Close rule RECENT_SURGERY' }).tap();

  // The condition of a stop rule is protected until the admin confirms they mean to change it.
  const dvt = admin.ruleEditor('SUSPECTED_DVT');
  await dvt.getByRole('button', { name: 'Edit rule SUSPECTED_DVT' }).tap();
  await expect(dvt.getByTestId(/when-locked/)).toHaveText('dvt_symptoms == yes');
  await expect(dvt.getByRole('textbox', { name: /Raise this flag when/ })).toHaveCount(0);
  await checked(kiosk, '02b-condition-locked');
  await dvt.getByRole('button', { name: 'Change the condition rule SUSPECTED_DVT' }).tap();
  await expect(confirm.getByRole('heading')).toHaveText('Change the condition of the stop rule SUSPECTED_DVT?');
  await confirm.getByRole('button', { name: 'Change the condition' }).tap();
  const when = dvt.getByLabel(/Raise this flag when/);
  await expect(when).toBeVisible();
  await when.fill('dvt_symptoms == yes and pain_level >= 3');
  await expect(dvt.getByText('✓ Condition is valid')).toBeVisible();

  // Publish: what changes in screening, weakenings first and marked, before the confirm.
  await kiosk.getByRole('button', { name: 'Publish', exact: true }).tap();
  const review = kiosk.getByTestId('publish-review');
  await expect(review.getByRole('heading')).toHaveText('Publish this draft?');
  await expect(review).toContainText(`What changes in screening against the live version ${liveVersion}:`);
  await expect(review.getByTestId('screening-changes').locator('li')).toHaveText([
    '⚠ Removes the stop rule FEVER_INFECTION (“Fever or acute infection”).',
    '⚠ Lowers RECENT_SURGERY (“Surgery in the last 12 weeks”) from clearance to modify.',
    '⚠ Changes when the stop rule SUSPECTED_DVT (“Suspected blood clot (DVT)”) applies: from “dvt_symptoms == yes” to “dvt_symptoms == yes and pain_level >= 3”.',
    'Removes the modify rule OSTEOPOROSIS (“Osteoporosis”).',
  ]);
  await expect(review).toContainText('Changes marked ⚠ remove or weaken a stop or clearance rule');
  await checked(kiosk, '03-publish-review');
  // "Not yet" publishes nothing.
  await review.getByRole('button', { name: 'Not yet' }).tap();
  await expect(review).toHaveCount(0);
  expect((await core.deps.forms.active()).version).toBe(liveVersion);
  // Publishing for real.
  await kiosk.getByRole('button', { name: 'Publish', exact: true }).tap();
  await review.getByRole('button', { name: 'Publish', exact: true }).tap();
  await expect(admin.status()).toContainText(`Published version ${liveVersion + 1}`);
  const published = await core.deps.forms.active();
  expect(published.rules.map((r) => r.code)).not.toContain('FEVER_INFECTION');
  expect(published.rules.find((r) => r.code === 'RECENT_SURGERY')?.severity).toBe('modify');

  // Against the new live version nothing has changed: the review says so in a sentence.
  await kiosk.getByRole('button', { name: 'Publish', exact: true }).tap();
  await expect(review).toContainText(`Screening stays as in the live version ${liveVersion + 1}.`);
  await checked(kiosk, '04-publish-no-changes');
  await review.getByRole('button', { name: 'Not yet' }).tap();
});
