/**
 * The clinic server's staff web app in Debian's Chromium over HTTPS to 127.0.0.1, trusting the
 * clinic CA through an NSS database (e2e/harness/nss-trust.ts; no ignoreHTTPSErrors). A tablet
 * (768x1024, touch) pairs with an admin's code, signs in with a PIN, sees a new intake appear
 * live (no reload, no refresh tap: the queue's own timer is 15 s) and opens it.
 * Screens and axe scans: artifacts/screens/clinic-server/.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../forms/definitions/sample-answers.ts';
import { CHROMIUM_PATH } from '../playwright.config.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { expect, RENDERER_DIR, test as base } from './fixtures.ts';
import { homeTrustingCa, type TrustingHome } from './harness/nss-trust.ts';
import { expectNoAxeViolations, SCREENS_DIR } from './pages/client/screens.ts';

const ADMIN = 'Dana Admin';
const PIN = '424242';
const TABLET = { width: 768, height: 1024 } as const;
const SHOTS = join(SCREENS_DIR, 'clinic-server');

interface ClinicFixtures {
  clinic: TestServer;
  trusted: Browser;
}

const test = base.extend<{ tablet: Page }, ClinicFixtures>({
  clinic: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startTestServer({ webRoot: RENDERER_DIR });
      const setup = await server.core.handlers['staff:setup']({ name: ADMIN, pin: PIN }, { senderUrl: `${server.origin}/`, caller: { id: 'first-run', kind: 'kiosk' } });
      if (!setup.ok) throw new Error(setup.error.message);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  trusted: [
    async ({ clinic }, use) => {
      const trust: TrustingHome = homeTrustingCa(clinic.caPem);
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
        env: { ...process.env, HOME: trust.home },
      });
      await use(browser);
      await browser.close();
      trust.cleanup();
    },
    { scope: 'worker' },
  ],
  tablet: async ({ trusted }, use) => {
    const context = await trusted.newContext({ viewport: TABLET, hasTouch: true, isMobile: false, locale: 'en-GB' });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

/** A client at the lobby kiosk finishing an intake (the kiosk's own window calls the core). */
async function lobbyIntake(clinic: TestServer): Promise<string> {
  const result = await clinic.core.handlers['intake:submit'](
    { submissionId: randomUUID(), formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers: HEALTHY_CLIENT_ANSWERS, startedAt: new Date(Date.now() - 120_000).toISOString() },
    { senderUrl: `${clinic.origin}/`, caller: { id: 'lobby-kiosk', kind: 'kiosk' } },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value.submissionId;
}

test('a tablet pairs, signs in, sees a new intake arrive live and opens it', async ({ tablet, clinic }) => {
  test.setTimeout(180_000); // a signed PDF, axe twice and full-page screenshots on a shared machine
  mkdirSync(SHOTS, { recursive: true });
  const page = tablet;
  const response = await page.goto(`${clinic.origin}/`);
  // The certificate was verified against the clinic CA (a failure would have thrown above).
  expect(response?.status()).toBe(200);
  expect(await response?.securityDetails()).toMatchObject({ protocol: expect.stringMatching(/TLS 1\.[23]/) });

  // Unpaired: only the pairing screen.
  await expect(page.getByRole('heading', { name: 'Pair this device' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'pairing');
  await page.screenshot({ path: join(SHOTS, '01-pairing.png') });

  const code = await clinic.pairingCode('browser');
  await page.getByRole('textbox', { name: 'Pairing code' }).fill(code);
  await page.getByRole('textbox', { name: 'Name of this device' }).fill('Room 2 tablet');
  await page.getByRole('button', { name: 'Pair this device' }).tap();

  // Paired: the staff sign-in, by touch.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('radio', { name: ADMIN }).tap();
  for (const digit of PIN) await page.getByRole('button', { name: digit, exact: true }).tap();
  await page.getByRole('button', { name: 'Sign in' }).tap();
  await expect(page.getByText(`Signed in as ${ADMIN}`)).toBeVisible();
  await expect(page.getByText('The queue updates by itself when a new intake arrives.')).toBeVisible();
  await expect(page.locator('.queue-empty')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, '02-queue-empty.png'), fullPage: true });

  // A client finishes at the lobby kiosk: the row appears without a reload or a tap.
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => navigations.push(frame.url()));
  await lobbyIntake(clinic);
  const storedAt = Date.now();
  const row = page.locator('table.queue-table tbody tr');
  await expect(row).toHaveCount(1);
  const arrivedMs = Date.now() - storedAt;
  console.log(`clinic-server e2e: stored to visible on the tablet in ${arrivedMs} ms`);
  expect(navigations).toEqual([]);
  await expectNoAxeViolations(page, 'queue');
  await page.screenshot({ path: join(SHOTS, '03-queue-live.png'), fullPage: true });

  // Open it.
  await row.getByRole('button').tap();
  await expect(page.getByRole('button', { name: /acknowledge/i }).first()).toBeVisible();
  await page.screenshot({ path: join(SHOTS, '04-detail.png'), fullPage: true });
});

test('a tablet that was never paired sees nothing but the pairing screen', async ({ tablet, clinic }) => {
  await tablet.goto(`${clinic.origin}/`);
  await expect(tablet.getByRole('heading', { name: 'Pair this device' })).toBeVisible();
  // Even asking the API directly: refused, typed.
  const answer = await tablet.evaluate(async () => {
    const res = await fetch('/api/queue:list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-kiosk-request': '1' }, body: '{}' });
    return { status: res.status, body: (await res.json()) as unknown };
  });
  expect(answer).toMatchObject({ status: 401, body: { ok: false, error: { code: 'not_paired' } } });
  // A wrong code says what to do.
  await tablet.getByRole('textbox', { name: 'Pairing code' }).fill('WRONG-CODE');
  await tablet.getByRole('textbox', { name: 'Name of this device' }).fill('Lost tablet');
  await tablet.getByRole('button', { name: 'Pair this device' }).tap();
  await expect(tablet.getByRole('alert')).toContainText('Ask an admin for a new code');
});
