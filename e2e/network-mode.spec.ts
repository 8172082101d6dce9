/**
 * Issue 17, the kiosk's side of the clinic network, on screen: a kiosk in network mode whose
 * clinic server is down keeps taking intakes (Done as usual); its staff home says how many wait
 * and why; when the server is back they are forwarded, the banner goes, and the server's queue
 * marks the intake that waited on the kiosk and the kiosk's clock being off. Both cores are real
 * (createCore); the transport calls the server core's handler table, so the server can be
 * switched down and up (the HTTPS transport itself: e2e/kiosk-join.spec.ts). Screens are
 * scanned with axe and saved under artifacts/screens/network/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../forms/definitions/sample-answers.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { createKeyFileProvider } from '../core/crypto/key-file-provider.ts';
import { createPdfPrinter } from '../core/pdf-printer.ts';
import { installIdentity, mintClinicCa } from '../core/network/testing/clinic-pki.ts';
import { NETWORK_CONFIG, transportTo } from '../core/network/testing/network-pair.ts';
import { test, expect } from './fixtures.ts';
import { bridgeKiosk, pageCallContext, pageCaller } from './harness/bridge.ts';
import { TestClock } from './harness/test-clock.ts';
import { PORTRAIT } from './pages/client/screens.ts';
import { captureStaffScreen, QueuePage, StaffLoginPage } from './pages/staff/staff-pages.ts';

test.use({ hasTouch: true, viewport: PORTRAIT });
test.describe.configure({ timeout: 180_000 });

const ADMIN = { name: 'Olivia Owner', pin: '135792' };
const MINUTE = 60_000;

test('kiosk in network mode: Done while the server is down, the waiting banner, then late and clock-skew badges on the server', async ({ page, browser, server: web }) => {
  const root = await mkdtemp(join(tmpdir(), 'kiosk-e2e-net-'));
  const kioskClock = new TestClock();
  const serverClock = new TestClock();
  const open = (name: string, clock: TestClock, network?: Parameters<typeof createCore>[0]['network']) =>
    createCore({ dataDir: join(root, name), keyProvider: createKeyFileProvider(join(root, `${name}.key`)), clock, printer: createPdfPrinter(), allowedOrigins: [web.origin], ...(network ? { network } : {}) });
  let clinicServer: Core | undefined;
  let kiosk: Core | undefined;
  try {
    const ca = mintClinicCa('Harbour Clinic', kioskClock.now());
    clinicServer = await open('server', serverClock);
    await installIdentity(clinicServer, ca.issue('Harbour Clinic server'), serverClock.now());
    const link = transportTo(() => clinicServer ?? null, 'kiosk-front', 'down', `${web.origin}/`);
    kiosk = await open('kiosk', kioskClock, { config: { ...NETWORK_CONFIG, retryFirstMs: 60_000, retryMaxMs: 3_600_000 }, transport: link.transport });
    await installIdentity(kiosk, ca.issue('Harbour Clinic front kiosk'), kioskClock.now());

    await bridgeKiosk(page, kiosk.handlers);
    await page.goto(web.url);
    await kiosk.deps.staff.setupFirstAdmin(ADMIN.name, ADMIN.pin, pageCaller(page).id);
    kiosk.deps.staff.lock(pageCaller(page).id);

    // Two clients finish while the server is down: each is told Done (the receipt), nothing is lost.
    for (const first of ['Ana', 'Bea']) {
      const receipt = await kiosk.handlers['intake:submit'](
        { submissionId: randomUUID(), formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: first }, startedAt: kioskClock.now().toISOString() },
        pageCallContext(page),
      );
      expect(receipt.ok).toBe(true);
    }
    await kiosk.deps.network!.forwarder.drain();
    // Twelve minutes pass on the kiosk's clock with the server still down.
    kioskClock.advance(12 * MINUTE);

    // Staff at the kiosk see what is waiting, since when, and why.
    const login = new StaffLoginPage(page);
    await login.enterStaffMode();
    await login.signIn(ADMIN.name, ADMIN.pin);
    const banner = page.getByRole('status', { name: 'Intakes waiting for the clinic server' });
    await expect(banner).toContainText('2 intakes are waiting to reach the clinic server.');
    await expect(banner).toContainText('The clinic server cannot be reached just now.');
    await captureStaffScreen(page, '01-kiosk-outbox-waiting', 'network');

    // The server is back, its clock 4 minutes behind the kiosk's.
    serverClock.advance(8 * MINUTE);
    link.state = 'up';
    await kiosk.deps.network!.forwarder.drain();
    // The banner checks again by itself (every 15 s): gone once the outbox is empty.
    await expect(banner).toHaveCount(0, { timeout: 30_000 });

    // The therapist's queue on the server marks both.
    const tabletContext = await browser.newContext({ viewport: PORTRAIT, hasTouch: true });
    const tablet = await tabletContext.newPage();
    await bridgeKiosk(tablet, clinicServer.handlers);
    await tablet.goto(web.url);
    await clinicServer.deps.staff.setupFirstAdmin(ADMIN.name, ADMIN.pin, pageCaller(tablet).id);
    clinicServer.deps.staff.lock(pageCaller(tablet).id);
    const serverLogin = new StaffLoginPage(tablet);
    await serverLogin.enterStaffMode();
    await serverLogin.signIn(ADMIN.name, ADMIN.pin);
    const queue = new QueuePage(tablet);
    for (const name of ['Ana García', 'Bea García']) {
      await expect(queue.row(name)).toContainText('Arrived late (queued on the kiosk)');
      await expect(queue.row(name)).toContainText('Kiosk clock off by 4 min');
    }
    await captureStaffScreen(tablet, '02-server-queue-arrived-late', 'network');
    await tabletContext.close();
  } finally {
    await kiosk?.close();
    await clinicServer?.close();
    await rm(root, { recursive: true, force: true });
  }
});
