/**
 * Issue 20, first run by touch: the first administrator's name opens the on-screen keyboard,
 * the PIN pad is there from the start, the name box has a normal height; Settings' clinic
 * name, the Staff name and the form editor's texts have the keyboard too. Touch only (taps on
 * the on-screen keys); axe on each screen; screenshots under artifacts/screens/first-run/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, ARTIFACTS_DIR } from './fixtures.ts';
import { LANDSCAPE } from './pages/client/screens.ts';

test.use({ hasTouch: true, viewport: LANDSCAPE, actionTimeout: 15_000 });
test.describe.configure({ timeout: 300_000 });

const SCREENS = join(ARTIFACTS_DIR, 'screens', 'first-run');

async function checked(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

/** Taps `text` on the open on-screen keyboard (Shift for capitals), then Done. */
async function typeOnScreen(page: Page, box: Locator, text: string): Promise<void> {
  await box.tap();
  const keyboard = page.getByTestId('on-screen-keyboard');
  await expect(keyboard).toBeVisible();
  for (const ch of text) {
    const key = ch === ' ' ? '{space}' : ch;
    if ((await keyboard.locator(`[data-skbtn="${key}"]`).count()) === 0) await keyboard.locator('[data-skbtn="{shift}"]').tap();
    await keyboard.locator(`[data-skbtn="${key}"]`).first().tap();
  }
  await expect(box).toHaveValue(text);
}

async function done(page: Page): Promise<void> {
  await page.getByTestId('on-screen-keyboard').locator('[data-skbtn="{done}"]').tap();
  await expect(page.getByTestId('on-screen-keyboard')).toHaveCount(0);
}

async function tapPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.locator('.pinpad').getByRole('button', { name: digit, exact: true }).tap();
}

test('first run by touch alone: name on the on-screen keyboard, PIN pad from the start, then the admin text fields', async ({ kiosk, core }) => {
  await kiosk.keyboard.press('Control+Alt+Shift+S');
  await expect(kiosk.getByRole('heading', { name: 'Set up the kiosk' })).toBeVisible();
  // The PIN pad is there before a name is typed; its Next waits for the name.
  const pad = kiosk.locator('.pinpad');
  await expect(pad).toBeVisible();
  const name = kiosk.getByRole('textbox', { name: /name/i });
  const box = await name.boundingBox();
  expect(box?.height ?? 0).toBeLessThan(100); // a normal one-line box, not ~265 px
  await checked(kiosk, '01-setup');
  await typeOnScreen(kiosk, name, 'Dana Lee');
  await checked(kiosk, '02-setup-keyboard');
  await done(kiosk);
  await tapPin(kiosk, '135792');
  await pad.getByRole('button', { name: 'Next' }).tap();
  await tapPin(kiosk, '135792');
  await pad.getByRole('button', { name: 'Create', exact: true }).tap();
  await expect(kiosk.getByText('Signed in as Dana Lee')).toBeVisible();
  expect((await core.deps.staff.roster()).map((r) => r.name)).toEqual(['Dana Lee']);

  // Settings: the clinic name by touch.
  await kiosk.getByRole('button', { name: /^(Administration|Admin)$/ }).first().tap();
  await kiosk.getByRole('navigation', { name: 'Administration sections' }).getByRole('button', { name: 'Settings' }).tap();
  const clinic = kiosk.getByRole('textbox', { name: 'Clinic name' });
  await clinic.tap();
  await expect(kiosk.getByTestId('on-screen-keyboard')).toBeVisible();
  // Clear what is there with the keyboard's Delete, then type.
  const current = await clinic.inputValue();
  for (let i = 0; i < current.length; i += 1) await kiosk.getByTestId('on-screen-keyboard').locator('[data-skbtn="{bksp}"]').tap();
  await typeOnScreen(kiosk, clinic, 'North Clinic');
  await checked(kiosk, '03-settings-keyboard');
  await done(kiosk);

  // Staff: a new member's name by touch.
  await kiosk.getByRole('navigation', { name: 'Administration sections' }).getByRole('button', { name: 'Staff' }).tap();
  const staffName = kiosk.getByRole('textbox', { name: 'Name', exact: true });
  await typeOnScreen(kiosk, staffName, 'Sam');
  await checked(kiosk, '04-staff-keyboard');
  await done(kiosk);

  // The form editor: a question's text is a multi-line box with its language's keyboard.
  await kiosk.getByRole('navigation', { name: 'Administration sections' }).getByRole('button', { name: 'Forms' }).tap();
  const text = kiosk.locator('.question-item').first();
  await text.getByRole('button', { name: /^Edit/ }).first().tap();
  const english = text.locator('textarea[lang="en"]').first();
  await expect(english).toBeVisible();
  await english.tap();
  await expect(kiosk.getByTestId('on-screen-keyboard')).toBeVisible();
  await checked(kiosk, '05-question-text-keyboard');
  await done(kiosk);
});
