/**
 * Issue 17, the kiosk joining the clinic network on screen: an admin at the kiosk opens
 * Administration > Clinic server and, with what the server's pairing-code screen shows
 * (address, kiosk code, the clinic CA fingerprint), joins it to a real clinic server
 * (server/testing/test-server.ts: HTTPS on 127.0.0.1 with its own clinic CA). The kiosk's core
 * is built as Electron builds it, with createHttpsTransport as its transport factory: no
 * restart, and the next intake arrives on the server. A wrong fingerprint is refused first.
 * The code is typed on the on-screen code pad (touch), the rest with the keyboard. Leave asks
 * first. Then the server revokes the kiosk: its next intake is kept, the staff home's banner
 * says the server no longer accepts it and what to do, and Admin > Clinic server joins it again
 * with a new code (no Leave needed); the kept intake reaches the server. axe on each screen (captureStaffScreen scans too); screenshots under artifacts/screens/network/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../forms/definitions/sample-answers.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { createPdfPrinter } from '../core/pdf-printer.ts';
import { createHttpsTransport } from '../core/network/https-transport.ts';
import { fingerprintHex, formatFingerprint } from '../core/network/pairing.ts';
import { rowCount } from '../core/tests/helpers.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { test, expect } from './fixtures.ts';
import { bridgeKiosk, pageCallContext } from './harness/bridge.ts';
import { AdminPage } from './pages/admin/admin-page.ts';
import { expectNoAxeViolations, LANDSCAPE } from './pages/client/screens.ts';
import { captureStaffScreen } from './pages/staff/staff-pages.ts';

test.use({ hasTouch: true, viewport: LANDSCAPE, actionTimeout: 15_000 });
test.describe.configure({ timeout: 180_000 });

const keyboard = (page: Page) => page.getByTestId('on-screen-keyboard');

/** Taps the field and types `text` on the on-screen code pad (Caps for capitals), then Done. */
async function tapCode(page: Page, box: Locator, text: string): Promise<void> {
  await box.tap();
  const keys = keyboard(page);
  await expect(keys).toBeVisible();
  for (const ch of text) {
    if ((await keys.locator(`[data-skbtn="${ch}"]`).count()) === 0) await keys.locator('[data-skbtn="{caps}"]').tap();
    await keys.locator(`[data-skbtn="${ch}"]`).first().tap();
  }
  await expect(box).toHaveValue(text);
  await keys.locator('[data-skbtn="{done}"]').tap();
  await expect(keys).toHaveCount(0);
}

test('an admin at the kiosk joins it to the clinic server; the next intake arrives there', async ({ page, server: web }) => {
  const root = await mkdtemp(join(tmpdir(), 'kiosk-e2e-join-'));
  let clinic: TestServer | undefined;
  let kiosk: Core | undefined;
  try {
    clinic = await startTestServer();
    const server = clinic;
    kiosk = await createCore({
      dataDir: join(root, 'kiosk'),
      keyProvider: createKeyFileProvider(join(root, 'kiosk.key')),
      printer: createPdfPrinter(),
      allowedOrigins: [web.origin],
      transportFactory: createHttpsTransport,
      // The test server's install page is on an ephemeral port, not 8080.
      pairing: { caDownloadUrl: () => `http://127.0.0.1:${server.server.httpPort}/clinic-ca.crt` },
    });
    await bridgeKiosk(page, kiosk.handlers);
    await page.goto(web.url);

    const admin = new AdminPage(page);
    await admin.setUpAndOpen('Olivia Owner', '135792');
    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('button', { name: 'Clinic server' }).tap();
    const panel = page.getByRole('region', { name: 'Clinic server' });
    await expect(panel.getByTestId('network-status')).toHaveText('This kiosk works on its own: intakes are stored here.');
    await captureStaffScreen(page, '10-kiosk-clinic-server-single', 'network');

    // What the server's Admin > Devices shows for a kiosk code.
    const code = await server.pairingCode('kiosk');
    const fingerprint = formatFingerprint(fingerprintHex(server.caPem));
    await panel.getByLabel('Server address').fill(server.origin);
    await tapCode(page, panel.getByLabel('Pairing code'), code);
    await expectNoAxeViolations(page, 'clinic server, code pad open');
    await panel.getByLabel('Name of this kiosk').fill('Front desk kiosk');

    // A fingerprint that is not the clinic CA's: refused, nothing joined, the code still good.
    await panel.getByLabel('Clinic certificate fingerprint').fill('AB12 '.repeat(8).trim());
    await panel.getByRole('button', { name: 'Join the clinic server' }).tap();
    await expect(panel.getByRole('alert')).toContainText('does not match the fingerprint you typed');
    await expect(panel.getByTestId('network-status')).toContainText('works on its own');
    await captureStaffScreen(page, '11-kiosk-clinic-server-wrong-fingerprint', 'network');

    // The right one: the first 8 groups, as the admin reads them off the server's screen.
    await panel.getByLabel('Clinic certificate fingerprint').fill(fingerprint.split(' ').slice(0, 8).join(' '));
    await panel.getByRole('button', { name: 'Join the clinic server' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByTestId('network-status')).toContainText(`Joined to the clinic server ${server.origin} as “Front desk kiosk”.`, { timeout: 30_000 });
    await expect(panel.getByTestId('network-status')).toContainText('Nothing is waiting');
    await expect(page.getByRole('status').filter({ hasText: 'This kiosk is now joined to the clinic server.' })).toBeVisible();
    await captureStaffScreen(page, '12-kiosk-clinic-server-joined', 'network');
    expect((await server.devices.list()).map((d) => `${d.kind}:${d.name}`)).toEqual(['kiosk:Front desk kiosk']);

    // A client's intake, right after, with no restart: it reaches the server, not the kiosk's store.
    const before = await rowCount(server.core.deps.store, 'submissions');
    const receipt = await kiosk.handlers['intake:submit'](
      { submissionId: randomUUID(), formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers: HEALTHY_CLIENT_ANSWERS, startedAt: new Date().toISOString() },
      pageCallContext(page),
    );
    expect(receipt.ok).toBe(true);
    await kiosk.deps.network!.forwarder.drain();
    expect(await rowCount(server.core.deps.store, 'submissions')).toBe(before + 1);
    expect(await rowCount(kiosk.deps.store, 'submissions')).toBe(0);

    // Leave asks first; Cancel keeps the kiosk joined. Keyboard only.
    await panel.getByRole('button', { name: 'Leave the clinic server…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Leave the clinic server?' });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoAxeViolations(page, 'leave dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(panel.getByTestId('network-status')).toContainText('Joined to the clinic server');

    // The server's admin revokes this kiosk: its next intake is kept, and the staff home says what to do.
    const deviceId = (await server.devices.list()).find((d) => d.name === 'Front desk kiosk')?.id ?? '';
    await server.devices.revoke(deviceId, { staffId: 'test-admin' });
    const kept = randomUUID();
    const keptReceipt = await kiosk.handlers['intake:submit'](
      { submissionId: kept, formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers: HEALTHY_CLIENT_ANSWERS, startedAt: new Date().toISOString() },
      pageCallContext(page),
    );
    expect(keptReceipt.ok).toBe(true);
    expect(await kiosk.deps.network!.forwarder.drain()).toMatchObject({ sent: 0, notPaired: true });
    await page.getByRole('button', { name: 'Close administration' }).click();
    const banner = page.getByRole('status', { name: 'Intakes waiting for the clinic server' });
    await expect(banner).toContainText('The clinic server no longer accepts this kiosk (it was removed from its devices).');
    await expect(banner).toContainText('One intake is kept here safely.');
    await expect(banner).toContainText('Ask an admin to join this kiosk to the clinic server again (Admin > Clinic server).');
    await captureStaffScreen(page, '13-kiosk-revoked-banner', 'network');

    // Admin > Clinic server says why and offers joining again (no Leave: it would be refused).
    await admin.open();
    await admin.tab('Clinic server');
    await expect(panel.getByTestId('network-status')).toContainText('The clinic server no longer accepts this kiosk');
    await expect(panel.getByRole('button', { name: 'Leave the clinic server…' })).toHaveCount(0);
    await expect(panel.getByLabel('Server address')).toHaveValue(server.origin);
    await panel.getByLabel('Pairing code').fill(await server.pairingCode('kiosk'));
    await panel.getByLabel('Clinic certificate fingerprint').fill(fingerprint);
    await panel.getByLabel('Name of this kiosk').fill('Front desk kiosk');
    await captureStaffScreen(page, '14-kiosk-clinic-server-rejoin', 'network');
    await panel.getByRole('button', { name: 'Join again' }).tap();
    await expect(page.getByRole('status').filter({ hasText: 'This kiosk is now joined to the clinic server.' })).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByRole('button', { name: 'Leave the clinic server…' })).toBeVisible();
    // The kept intake goes to the server under the new pairing.
    await kiosk.deps.network!.forwarder.drain();
    expect(await kiosk.deps.network!.outbox.all()).toEqual([]);
    expect(await server.core.deps.submissions.get(kept)).not.toBeNull();
  } finally {
    await kiosk?.close();
    await clinic?.close();
    await rm(root, { recursive: true, force: true });
  }
});
