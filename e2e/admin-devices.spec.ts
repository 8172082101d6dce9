/**
 * Issue 17, device pairing, the admin's side: an admin creates a pairing code for a tablet
 * (shown big with its expiry counting down), the tablet pairs with it and appears in the list,
 * and the admin revokes it after a confirmation (cancel first keeps it): the device's
 * credential stops working at once. Touch for the pairing, keyboard for the revoke; axe finds
 * nothing on the panel, the code card or the dialog.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, ARTIFACTS_DIR } from './fixtures.ts';
import { AdminPage } from './pages/admin/admin-page.ts';
import { LANDSCAPE } from './pages/client/screens.ts';

test.use({ hasTouch: true, viewport: LANDSCAPE, actionTimeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const SCREENS = join(ARTIFACTS_DIR, 'screens', 'admin');

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

test('admin pairs a tablet with a code, sees it listed and revokes it after confirming', async ({ kiosk, core }) => {
  const page = kiosk;
  const admin = new AdminPage(page);
  await admin.setUpAndOpen('Olivia Owner', '135792');
  const adminId = (await core.deps.staff.roster())[0]!.staffId;
  // A kiosk paired earlier is already in the list.
  const earlier = await core.devices.createPairingCode({ staffId: adminId }, 'browser');
  await core.devices.redeem(earlier.code, { name: 'Front desk PC', kind: 'browser' });

  await admin.tab('Devices');
  const panel = page.getByRole('region', { name: 'Paired devices' });
  await expect(panel.getByRole('row', { name: /Front desk PC/ })).toContainText('Tablet or PC');
  await expectNoAxeViolations(page, 'devices');

  // Touch: create a code for a tablet.
  await panel.getByRole('button', { name: 'Pair a tablet or PC' }).tap();
  const card = page.getByTestId('pairing-code');
  const codeText = (await card.locator('.pairing-code').textContent()) ?? '';
  expect(codeText).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  await expect(card.getByRole('timer')).toHaveText(/^Expires in (10:00|9:[0-5]\d)$/);
  await expect(card).toContainText('type this code on the pairing page');
  await expectNoAxeViolations(page, 'devices with a code');
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, 'devices-pairing-code.png') });

  // The tablet redeems the code (the server's pairing page does this); Done shows it in the list.
  const paired = await core.devices.redeem(codeText, { name: 'Room 3 tablet', kind: 'browser' });
  expect(paired).not.toBeNull();
  await card.getByRole('button', { name: 'Done' }).tap();
  await expect(card).toBeHidden();
  const row = panel.getByRole('row', { name: /Room 3 tablet/ });
  await expect(row).toContainText('✓ Paired');
  await expect(row).toContainText('Not yet');

  // Keyboard: Revoke…, then Escape keeps the device; Revoke… again and confirm.
  const revokeButton = row.getByRole('button', { name: /Revoke… Room 3 tablet/ });
  await revokeButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Revoke Room 3 tablet?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page, 'revoke dialog');
  await page.screenshot({ path: join(SCREENS, 'devices-revoke-confirm.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await core.devices.authenticate(paired!.credential)).not.toBeNull();

  await revokeButton.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // Cancel -> Yes, revoke
  await expect(dialog.getByRole('button', { name: 'Yes, revoke' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Room 3 tablet was revoked.' })).toBeVisible();
  await expect(row).toContainText('✕ Revoked');
  await expect(row.getByRole('button')).toHaveCount(0);
  expect(await core.devices.authenticate(paired!.credential)).toBeNull();
  await expectNoAxeViolations(page, 'devices after revoking');
  await page.screenshot({ path: join(SCREENS, 'devices-list.png') });

  const actions = (await core.deps.audit.list({ limit: 50 })).map((e) => e.action);
  expect(actions.filter((a) => a.startsWith('device.')).reverse()).toEqual([
    'device.pairing_code_created',
    'device.paired',
    'device.pairing_code_created',
    'device.paired',
    'device.revoked',
  ]);
});

test.describe('on a tablet', () => {
  test.use({ viewport: { width: 768, height: 1024 } });

  test('a kiosk pairing code and the device list fit a portrait tablet, by touch', async ({ kiosk, core }) => {
    const page = kiosk;
    const admin = new AdminPage(page);
    await admin.setUpAndOpen('Olivia Owner', '135792');
    const adminId = (await core.deps.staff.roster())[0]!.staffId;
    const earlier = await core.devices.createPairingCode({ staffId: adminId }, 'browser');
    await core.devices.redeem(earlier.code, { name: 'Treatment room 2 tablet', kind: 'browser' });
    await admin.tab('Devices');
    await page.getByRole('button', { name: 'Pair a kiosk' }).tap();
    const card = page.getByTestId('pairing-code');
    await expect(card).toContainText('For a lobby kiosk');
    await expect(card).toContainText('clinic network set-up');
    await expect(page.getByTestId('devices-table')).toContainText('Treatment room 2 tablet');
    // Nothing wider than the screen: no sideways scrolling on a tablet.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await expectNoAxeViolations(page, 'devices on a tablet');
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: join(SCREENS, 'devices-tablet.png'), fullPage: true });
  });
});
