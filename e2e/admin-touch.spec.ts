/**
 * Issue 20, every staff and admin text field by touch alone: the Staff panel's PINs on the PIN
 * pad (a new member's, a reset), and the form editor's ids, flag codes and conditions on the
 * code pad, Settings' numbers on the number pad. Touch only: every field is reached with a tap and typed with taps on on-screen keys
 * (no keyboard.type, no fill); axe on each screen with the pad or keyboard open; screenshots
 * under artifacts/screens/touch-admin/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, ARTIFACTS_DIR } from './fixtures.ts';
import { LANDSCAPE } from './pages/client/screens.ts';

test.use({ hasTouch: true, viewport: LANDSCAPE, actionTimeout: 15_000 });
test.describe.configure({ timeout: 300_000 });

const SCREENS = join(ARTIFACTS_DIR, 'screens', 'touch-admin');

async function checked(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

const keyboard = (page: Page) => page.getByTestId('on-screen-keyboard');

/** Taps the field, clears it with the keyboard's Delete, then taps `text` key by key (Shift or Caps for capitals). */
async function typeOnScreen(page: Page, box: Locator, text: string): Promise<void> {
  await box.tap();
  const keys = keyboard(page);
  await expect(keys).toBeVisible();
  const current = await box.inputValue();
  for (let i = 0; i < current.length; i += 1) await keys.locator('[data-skbtn="{bksp}"]').tap();
  await expect(box).toHaveValue('');
  for (const ch of text) {
    const key = ch === ' ' ? '{space}' : ch;
    if ((await keys.locator(`[data-skbtn="${key}"]`).count()) === 0) await keys.locator('[data-skbtn="{shift}"], [data-skbtn="{caps}"]').first().tap();
    await keys.locator(`[data-skbtn="${key}"]`).first().tap();
  }
  await expect(box).toHaveValue(text);
}

async function done(page: Page): Promise<void> {
  await keyboard(page).locator('[data-skbtn="{done}"]').tap();
  await expect(keyboard(page)).toHaveCount(0);
}

/** Taps digits on `pad`; it then shows `dots` dots, never the digits. */
async function tapPin(pad: Locator, digits: string, dots = digits.length): Promise<void> {
  for (const digit of digits) await pad.getByRole('button', { name: digit, exact: true }).tap();
  await expect(pad.locator('.pinpad-display')).toHaveText('●'.repeat(dots));
}

test('by touch alone: a staff member added with a PIN on the pad, a PIN reset, a question id and a rule written on the code pad', async ({ kiosk, core }) => {
  // First run by touch (the first admin).
  await kiosk.keyboard.press('Control+Alt+Shift+S');
  await typeOnScreen(kiosk, kiosk.getByRole('textbox', { name: /name/i }), 'Dana Lee');
  await done(kiosk);
  const setupPad = kiosk.locator('.pinpad');
  await tapPin(setupPad, '135792');
  await setupPad.getByRole('button', { name: 'Next' }).tap();
  await tapPin(kiosk.locator('.pinpad'), '135792');
  await setupPad.getByRole('button', { name: 'Create', exact: true }).tap();
  await kiosk.getByRole('button', { name: /^(Administration|Admin)$/ }).first().tap();
  const sections = kiosk.getByRole('navigation', { name: 'Administration sections' });

  // Staff: a new member's name on the keyboard, the PIN on the pad; Add waits for both.
  await sections.getByRole('button', { name: 'Staff' }).tap();
  await expect(kiosk.locator('input[type="password"]')).toHaveCount(0);
  const addPad = kiosk.getByTestId('new-staff-pinpad');
  await typeOnScreen(kiosk, kiosk.getByRole('textbox', { name: 'Name', exact: true }), 'Sam Park');
  await checked(kiosk, '01-staff-name-keyboard');
  await done(kiosk);
  await tapPin(addPad, '24680');
  // Five digits are not a PIN yet.
  await expect(addPad.getByRole('button', { name: 'Add staff member' })).toBeDisabled();
  await tapPin(addPad, '1', 6);
  await checked(kiosk, '02-staff-new-pin-pad');
  await addPad.getByRole('button', { name: 'Add staff member' }).tap();
  await expect(kiosk.getByText('Sam Park added as therapist.')).toBeVisible();
  // The pad is empty again: nothing typed stays behind.
  await expect(addPad.locator('.pinpad-display')).not.toContainText('●');
  const sam = (await core.deps.staff.roster()).find((r) => r.name === 'Sam Park');
  expect(sam).toBeDefined();
  expect((await core.deps.staff.login(sam?.staffId ?? '', '246801', 'e2e-check-1')).ok).toBe(true);

  // Reset Sam's PIN on the pad.
  await kiosk.getByRole('button', { name: /Reset PIN.*Sam Park/ }).tap();
  const resetPad = kiosk.getByTestId(`reset-pin-${sam?.staffId ?? ''}`);
  await expect(resetPad.getByRole('group', { name: /New PIN for Sam Park/ })).toBeVisible();
  await tapPin(resetPad, '975310');
  // A slip corrected with the pad's Delete.
  await resetPad.getByRole('button', { name: 'Delete' }).tap();
  await expect(resetPad.locator('.pinpad-display')).toHaveText('●●●●●');
  await tapPin(resetPad, '8', 6);
  await checked(kiosk, '03-staff-reset-pin-pad');
  await resetPad.getByRole('button', { name: 'Set PIN' }).tap();
  await expect(kiosk.getByText('PIN for Sam Park changed.')).toBeVisible();
  await expect(resetPad).toHaveCount(0);
  expect((await core.deps.staff.login(sam?.staffId ?? '', '975318', 'e2e-check-2')).ok).toBe(true);
  expect((await core.deps.staff.login(sam?.staffId ?? '', '246801', 'e2e-check-3')).ok).toBe(false);

  // Settings: numbers on the number pad (the age of consent), the export folder on the code pad.
  await sections.getByRole('button', { name: 'Settings' }).tap();
  const age = kiosk.getByRole('textbox', { name: /age of consent/i });
  await typeOnScreen(kiosk, age, '16');
  await expect(keyboard(kiosk).locator('[data-skbtn="q"]')).toHaveCount(0);
  await checked(kiosk, '04-settings-number-pad');
  await done(kiosk);
  await typeOnScreen(kiosk, kiosk.getByRole('textbox', { name: /export folder/i }), '/srv/intake_pdfs');
  await done(kiosk);

  // The form editor: a new question's id on the code pad.
  await sections.getByRole('button', { name: 'Forms' }).tap();
  await kiosk.getByRole('navigation', { name: 'Parts of the form' }).getByRole('button', { name: /health/i }).tap();
  await kiosk.getByLabel('New question type').selectOption({ label: 'Yes / no' });
  await kiosk.getByRole('button', { name: '+ Add question' }).tap();
  const editor = kiosk.locator('.question-item').last();
  const questionId = editor.getByRole('textbox', { name: 'Question id (used in conditions)' });
  await typeOnScreen(kiosk, questionId, 'headache_today');
  await expect(keyboard(kiosk).getByRole('button', { name: 'Caps' })).toBeVisible();
  await checked(kiosk, '05-question-id-code-pad');
  await done(kiosk);

  // A rule: its flag code in capitals (Caps stays on) and its condition, on the code pad.
  await kiosk.getByRole('navigation', { name: 'Parts of the form' }).getByRole('button', { name: /Rules/ }).tap();
  await kiosk.getByRole('button', { name: '+ Add rule' }).tap();
  const rule = kiosk.locator('.rules-editor .question-item').last();
  await typeOnScreen(kiosk, rule.getByRole('textbox', { name: 'Flag code' }), 'HEADACHE_NOW');
  await done(kiosk);
  const when = rule.getByRole('textbox', { name: /Raise this flag when/ });
  await typeOnScreen(kiosk, when, 'headache_today == yes and age(date_of_birth) >= 18');
  await expect(rule.getByText('✓ Condition is valid')).toBeVisible();
  await checked(kiosk, '06-rule-condition-code-pad');
  await done(kiosk);
  await expect(when).toHaveValue('headache_today == yes and age(date_of_birth) >= 18');
});
