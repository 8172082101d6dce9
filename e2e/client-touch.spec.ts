/**
 * The kiosk by touch alone, with real touch events (CDP through Playwright's touchscreen):
 * the on-screen keyboard's Done lands nowhere else, every key fits from a 768 px tablet to a
 * 1920 px screen at 100% and 200% text, the pain scale stays one row, focus is never under
 * the bottom bar, Start over, the covered "Still there?", and the front-desk done screen.
 */
import { test, expect } from './fixtures.ts';
import { FRONT_DESK_HOLD_MS } from '../renderer/src/lib/done-timing.ts';
import { focusedCoveredByBar, setTextScale, unreachable } from './pages/client/geometry.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { expectNoAxeViolations, LANDSCAPE, PORTRAIT, SCREENS_DIR } from './pages/client/screens.ts';
import { fingerTap } from './pages/client/touch.ts';
import { join } from 'node:path';

test.use({ hasTouch: true, viewport: PORTRAIT });
test.describe.configure({ mode: 'parallel', timeout: 180_000 });

const TABLET = { width: 768, height: 1024 } as const;
const SIZES = [
  { label: '768 px tablet', size: TABLET },
  { label: '1080 px portrait kiosk', size: PORTRAIT },
  { label: '1920 px landscape', size: LANDSCAPE },
] as const;
const SCALES = [100, 200] as const;

test('Done on every kind of on-screen keyboard closes it and lands on nothing else', async ({ kiosk }) => {
  const flow = new IntakeFlow(kiosk, 'touch-done', { record: false });
  const s = flow.step;
  await flow.attract.start();
  // Each field's keyboard closes over the field below it: that is what used to take the tap.
  const cases = [
    // An empty name field starts on capitals.
    { label: 'first name (text): Phone below used to open', id: 'first_name', key: 'A' },
    { label: 'last name (text): Email below used to open', id: 'last_name', key: 'B' },
    { label: 'phone (keypad)', id: 'phone', key: '5' },
    { label: 'email', id: 'email', key: '@' },
    { label: 'emergency name (text)', id: 'emergency_name', key: 'C' },
    { label: 'emergency phone (keypad)', id: 'emergency_phone', key: '7' },
  ] as const;
  for (const c of cases) {
    const input = s.question(c.id).locator('input');
    await fingerTap(input);
    const keyboard = s.question(c.id).getByTestId('on-screen-keyboard');
    await expect(keyboard, c.label).toBeVisible();
    await fingerTap(keyboard.locator(`[data-skbtn="${c.key}"]`));
    await fingerTap(keyboard.locator('[data-skbtn="{done}"]'));
    await expect(kiosk.getByTestId('on-screen-keyboard'), c.label).toHaveCount(0);
    await expect(input, c.label).toBeFocused();
    await expect(input, c.label).toHaveValue(c.key);
  }

  // The number keypad, over a yes/no whose tiles must not be chosen by the same tap.
  await s.fill('first_name', 'Ana');
  await s.fill('last_name', 'Ruiz');
  await s.date('date_of_birth', '1980-03-04');
  await s.fill('phone', '5550100');
  await s.fill('email', ''); // "@" alone is not an address
  await s.fill('emergency_name', 'Pat Doe');
  await s.fill('emergency_phone', '5550101');
  await s.next();
  await s.yesNo('muscle_spasms', true);
  const sessions = s.question('spasm_sessions').locator('input');
  await fingerTap(sessions);
  const pad = s.question('spasm_sessions').getByTestId('on-screen-keyboard');
  await fingerTap(pad.locator('[data-skbtn="3"]'));
  await fingerTap(pad.locator('[data-skbtn="{done}"]'));
  await expect(kiosk.getByTestId('on-screen-keyboard')).toHaveCount(0);
  await expect(sessions).toBeFocused();
  await expect(sessions).toHaveValue('3');
  await expect(s.question('spasms_improved').locator('label.tile.chosen')).toHaveCount(0);

  // Long text, last on its step: closing its keyboard shortens the page under the finger.
  await flow.yourBack();
  const other = s.question('other_health').locator('textarea');
  await fingerTap(other);
  const text = s.question('other_health').getByTestId('on-screen-keyboard');
  await fingerTap(text.locator('[data-skbtn="{shift}"]').first());
  await fingerTap(text.locator('[data-skbtn="N"]'));
  await fingerTap(text.locator('[data-skbtn="{done}"]'));
  await expect(kiosk.getByTestId('on-screen-keyboard')).toHaveCount(0);
  await expect(other).toBeFocused();
  await expect(other).toHaveValue('N');
});

test('tapping another field while a keyboard is open moves the keyboard there and nothing else', async ({ kiosk }) => {
  const flow = new IntakeFlow(kiosk, 'touch-switch', { record: false });
  const s = flow.step;
  await flow.attract.start();
  await fingerTap(s.question('first_name').locator('input'));
  await expect(s.question('first_name').getByTestId('on-screen-keyboard')).toBeVisible();
  // Last name sits under the open keyboard's field; the keyboard above it closes on this tap.
  await fingerTap(s.question('last_name').locator('input'));
  await expect(s.question('last_name').locator('input')).toBeFocused();
  await expect(kiosk.getByTestId('on-screen-keyboard')).toHaveCount(1);
  await expect(s.question('last_name').getByTestId('on-screen-keyboard')).toBeVisible();
  // After Done, tapping the still-focused field brings its keyboard back.
  await fingerTap(s.question('last_name').locator('[data-skbtn="{done}"]'));
  await expect(kiosk.getByTestId('on-screen-keyboard')).toHaveCount(0);
  await fingerTap(s.question('last_name').locator('input'));
  await expect(s.question('last_name').getByTestId('on-screen-keyboard')).toBeVisible();
});

test('a tile partly behind the bottom bar is chosen by one tap, even where focusing it scrolls the page', async ({ kiosk }) => {
  const flow = new IntakeFlow(kiosk, 'touch-edge', { record: false });
  await flow.attract.start();
  await flow.aboutYou({ firstName: 'Lia', lastName: 'Berg', dateOfBirth: '1966-06-06', phone: '5550110' });
  const bar = kiosk.locator('.flow-nav');
  for (const [i, id] of ['leg_pain', 'doctor_referral'].entries()) {
    const tile = flow.step.question(id).locator('label.tile').nth(i);
    // Only the tile's top 20 px shows above the bar: the guard must not take this tap for a layout change.
    const barTop = await bar.evaluate((n) => n.getBoundingClientRect().top);
    const top = await tile.evaluate((t) => t.getBoundingClientRect().top + window.scrollY);
    await kiosk.evaluate((y) => window.scrollTo(0, y), top - barTop + 20);
    const box = await tile.boundingBox();
    if (!box) throw new Error(`${id}: no tile`);
    await kiosk.touchscreen.tap(box.x + 40, box.y + 8);
    await expect(tile, id).toHaveClass(/chosen/);
  }
});

test('every on-screen key is whole, on screen and at least 48 px, from 768 px to 1920 px at 100% and 200% text', async ({ kiosk }) => {
  const flow = new IntakeFlow(kiosk, 'touch-keyboard-fit', { record: false });
  const s = flow.step;
  await flow.attract.start();
  const fields = [
    { label: 'English letters', id: 'first_name', layers: ['{shift}', '{accents}'] },
    { label: 'email', id: 'email', layers: ['{shift}'] },
    { label: 'phone keypad', id: 'phone', layers: [] },
  ] as const;
  for (const lang of ['en', 'es'] as const) {
    if (lang === 'es') await fingerTap(kiosk.getByRole('button', { name: 'Español' }));
    for (const { label: sizeLabel, size } of SIZES) {
      for (const scale of SCALES) {
        await kiosk.setViewportSize(size);
        await setTextScale(kiosk, scale);
        for (const f of fields) {
          const where = `${lang} ${f.label}, ${sizeLabel}, ${scale}% text`;
          await fingerTap(s.question(f.id).locator('input'));
          const keyboard = s.question(f.id).getByTestId('on-screen-keyboard');
          await expect(keyboard, where).toBeVisible();
          await expect.poll(() => unreachable(keyboard.locator('.hg-button')), where).toEqual([]);
          for (const layer of f.layers) {
            await fingerTap(keyboard.locator(`[data-skbtn="${layer}"]`));
            await expect.poll(() => unreachable(keyboard.locator('.hg-button')), `${where}, after ${layer}`).toEqual([]);
          }
          if (lang === 'en' && f.id === 'first_name' && scale === 200 && size === PORTRAIT) {
            await kiosk.screenshot({ path: join(SCREENS_DIR, 'touch', 'keyboard-1080-text-200.png') });
          }
          if (lang === 'en' && f.id === 'email' && size === TABLET && scale === 100) {
            await kiosk.screenshot({ path: join(SCREENS_DIR, 'touch', 'keyboard-email-768.png') });
          }
          await fingerTap(keyboard.locator('[data-skbtn="{done}"]'));
          await expect(kiosk.getByTestId('on-screen-keyboard'), where).toHaveCount(0);
        }
      }
    }
  }
  await setTextScale(kiosk, 100);
  await kiosk.setViewportSize(TABLET);
  await fingerTap(s.question('first_name').locator('input'));
  await expectNoAxeViolations(kiosk, 'Spanish keyboard at 768 px');
  await fingerTap(s.question('email').locator('input'));
  await expectNoAxeViolations(kiosk, 'email keyboard');
});

test('the pain scale stays one row with its words under its ends at every width and text size', async ({ kiosk }) => {
  const flow = new IntakeFlow(kiosk, 'touch-scale', { record: false });
  await flow.attract.start();
  await flow.aboutYou({ firstName: 'Lia', lastName: 'Berg', dateOfBirth: '1966-06-06', phone: '5550110' });
  const scale = flow.step.question('pain_level');
  for (const { label, size } of SIZES) {
    for (const textScale of SCALES) {
      const where = `${label}, ${textScale}% text`;
      await kiosk.setViewportSize(size);
      await setTextScale(kiosk, textScale);
      await scale.scrollIntoViewIfNeeded();
      const layout = await scale.evaluate((el) => {
        const points = Array.from(el.querySelectorAll('.scale-point')).map((p) => p.getBoundingClientRect());
        const ends = Array.from(el.querySelectorAll('.scale-ends span')).map((p) => p.getBoundingClientRect());
        const first = points[0]!;
        const last = points[points.length - 1]!;
        return {
          rows: new Set(points.map((p) => Math.round(p.top))).size,
          narrowest: Math.min(...points.map((p) => Math.min(p.width, p.height))),
          right: Math.max(...points.map((p) => p.right)),
          viewport: window.innerWidth,
          startUnderFirst: ends[0]!.left >= first.left - 1 && ends[0]!.left <= first.right,
          endUnderLast: ends[1]!.right <= last.right + 1 && ends[1]!.right >= last.left,
        };
      });
      expect(layout.rows, where).toBe(1);
      expect(layout.narrowest, where).toBeGreaterThanOrEqual(48);
      expect(layout.right, where).toBeLessThanOrEqual(layout.viewport);
      expect(layout.startUnderFirst, `${where}: "No pain" under 0`).toBe(true);
      expect(layout.endUnderLast, `${where}: "Worst imaginable" under 10`).toBe(true);
      if (size === TABLET && textScale === 100) await scale.screenshot({ path: join(SCREENS_DIR, 'touch', 'pain-scale-768.png') });
    }
  }
});

test('with a physical keyboard: no on-screen keyboard unasked, two Tab stops a field, focus never under the bar', async ({ kiosk }) => {
  const flow = new IntakeFlow(kiosk, 'keyboard-only', { record: false });
  const s = flow.step;
  await flow.attract.start();
  // The header's language switch and Start over come first.
  for (let i = 0; i < 4 && !(await s.question('first_name').locator('input').evaluate((el) => el === document.activeElement)); i++) {
    await kiosk.keyboard.press('Tab');
  }
  await expect(s.question('first_name').locator('input')).toBeFocused();
  await expect(kiosk.getByTestId('on-screen-keyboard')).toHaveCount(0);
  await kiosk.keyboard.type('Ines');
  // The keyboard button opens it on request; its keys are not Tab stops.
  await kiosk.keyboard.press('Tab');
  await expect(s.question('first_name').getByRole('button', { name: /Keyboard/ })).toBeFocused();
  await kiosk.keyboard.press('Enter');
  await expect(s.question('first_name').getByTestId('on-screen-keyboard')).toBeVisible();
  await kiosk.keyboard.press('Tab');
  await kiosk.keyboard.press('Tab');
  await expect(s.question('last_name').locator('input')).toBeFocused();
  await expect(s.question('last_name').getByTestId('on-screen-keyboard')).toHaveCount(0);
  // Opened by a tap, the on-screen keyboard steps aside once a physical key is typed.
  await fingerTap(s.question('last_name').locator('input'));
  await expect(s.question('last_name').getByTestId('on-screen-keyboard')).toBeVisible();
  await kiosk.keyboard.type('P');
  await expect(kiosk.getByTestId('on-screen-keyboard')).toHaveCount(0);

  // Your back, then Health: every Tab stop is clear of the sticky Back/Next bar.
  await s.fill('last_name', 'Prieto');
  await s.date('date_of_birth', '1971-07-07');
  await s.fill('phone', '5550111');
  await s.fill('emergency_name', 'Pat Doe');
  await s.fill('emergency_phone', '5550112');
  await s.next();
  for (const step of ['your back', 'health']) {
    for (const viewport of [PORTRAIT, TABLET]) {
      await kiosk.setViewportSize(viewport);
      await kiosk.locator('#step-title').focus();
      const covered: string[] = [];
      for (let i = 0; i < 80; i++) {
        await kiosk.keyboard.press('Tab');
        if (await kiosk.evaluate(() => document.activeElement?.closest('.flow-nav') !== null)) break;
        const problem = await focusedCoveredByBar(kiosk);
        if (problem) covered.push(problem);
      }
      expect(covered, `${step} at ${viewport.width} px`).toEqual([]);
    }
    if (step === 'your back') await flow.yourBack();
  }
});

test('Start over on every step asks first; keeping going keeps the answers, confirming forgets them', async ({ kiosk, core }) => {
  const flow = new IntakeFlow(kiosk, 'start-over');
  const s = flow.step;
  await flow.attract.start();
  await s.typeOnScreen('first_name', 'Quillon');
  await fingerTap(kiosk.getByTestId('start-over'));
  const dialog = kiosk.getByRole('alertdialog', { name: 'Start over?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'No, keep going' })).toBeFocused();
  // The answers are covered while the question is asked.
  await expect(s.question('first_name').locator('input')).toBeHidden();
  await flow.screens.capture('start-over-confirm');
  for (const button of await dialog.getByRole('button').all()) {
    const box = await button.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(48);
  }
  await fingerTap(dialog.getByRole('button', { name: 'No, keep going' }));
  await expect(dialog).toBeHidden();
  await expect(s.question('first_name').locator('input')).toHaveValue('Quillon');

  await s.fill('first_name', '');
  await flow.aboutYou({ firstName: 'Quillon', lastName: 'Varga-Moss', dateOfBirth: '1988-08-08', phone: '5550113' });
  for (const step of ['your back', 'health', 'preferences', 'consent']) {
    await expect(kiosk.getByTestId('start-over'), step).toBeVisible();
    if (step === 'your back') await flow.yourBack();
    if (step === 'health') await flow.health();
    if (step === 'preferences') await flow.preferences();
    if (step === 'consent') await flow.consent();
  }
  await flow.review.expectShown();
  await fingerTap(kiosk.getByTestId('start-over'));
  await fingerTap(dialog.getByRole('button', { name: 'Yes, erase and start over' }));
  await flow.attract.expectShown();
  await flow.expectForgotten('Quillon', 'Varga-Moss', '1988');
  await flow.attract.start();
  await expect(s.question('first_name').locator('input')).toHaveValue('');
  expect(await core.deps.submissions.count()).toBe(0);
});

test('Start over in Spanish, by touch', async ({ kiosk }) => {
  const flow = new IntakeFlow(kiosk, 'start-over-es');
  await flow.attract.chooseLanguage('Español');
  await flow.attract.start();
  await fingerTap(kiosk.getByTestId('start-over'));
  const dialog = kiosk.getByRole('alertdialog', { name: '¿Empezar de nuevo?' });
  await expect(dialog).toBeVisible();
  await flow.screens.capture('start-over-confirm-es');
  await fingerTap(dialog.getByTestId('confirm-start-over'));
  await flow.attract.expectShown();
});

test('"Still there?" covers the answers: the name and date of birth cannot be read behind it', async ({ kiosk, core }) => {
  const config = core.deps.settings.get();
  await kiosk.clock.install();
  await kiosk.reload();
  const flow = new IntakeFlow(kiosk, 'idle-cover');
  await flow.attract.start();
  await flow.step.typeOnScreen('first_name', 'Perpetua');
  await flow.step.date('date_of_birth', '1961-11-21');
  await kiosk.clock.fastForward(config.idleWarningMs + 1_000);
  const dialog = kiosk.getByRole('alertdialog', { name: 'Still there?' });
  await expect(dialog).toBeVisible();
  await expect(flow.step.question('first_name').locator('input')).toBeHidden();
  await expect(flow.step.question('date_of_birth')).toBeHidden();
  await expect(kiosk.getByText('1961')).toBeHidden();
  await flow.screens.capture('still-there-covered');
  await fingerTap(dialog.getByRole('button', { name: 'I’m still here' }));
  await expect(flow.step.question('first_name').locator('input')).toHaveValue('Perpetua');
  await expect(flow.step.question('first_name').locator('input')).toBeVisible();
});

test.describe('the front-desk done screen', () => {
  const cases = [
    { label: 'dismissed by the client', lang: 'English', dismiss: true },
    { label: 'kept well past the ordinary done timeout, then cleared', lang: 'Español', dismiss: false },
  ] as const;
  for (const c of cases) {
    test(`a stop flag asks the client, in large words with an icon, to see the front desk: ${c.label}`, async ({ kiosk, core }) => {
      const config = core.deps.settings.get();
      await kiosk.clock.install();
      await kiosk.reload();
      const flow = new IntakeFlow(kiosk, `front-desk-${c.lang === 'English' ? 'en' : 'es'}`);
      await flow.attract.chooseLanguage(c.lang);
      await flow.attract.start();
      await flow.aboutYou({ firstName: 'Ruth', lastName: 'Okafor', dateOfBirth: '1975-01-15', phone: '5550114' });
      await flow.yourBack();
      await flow.health({ feverInfection: true });
      await flow.preferences();
      await flow.consent();
      await flow.submitAndExpectDone();
      const screen = flow.done.frontDesk();
      const heading = kiosk.getByRole('heading', { level: 1 });
      await expect(heading).toContainText(c.lang === 'English' ? 'front desk' : 'recepción');
      await expect(screen.locator('.front-desk-icon')).toBeVisible();
      // Large: the message is a heading well above body size, said once.
      const px = await heading.evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
      expect(px).toBeGreaterThanOrEqual(40);
      expect(await kiosk.getByText(/Thank you|Gracias/).count()).toBeLessThanOrEqual(1);
      await expect(kiosk.getByText(/clear in|se borrará en/)).toHaveCount(0);

      await kiosk.clock.fastForward(config.doneResetMs + 5_000);
      await expect(screen).toBeVisible();
      if (c.dismiss) {
        await fingerTap(screen.getByRole('button'));
      } else {
        await kiosk.clock.fastForward(FRONT_DESK_HOLD_MS);
      }
      await flow.attract.expectShown();
      await flow.expectForgotten('Okafor');
    });
  }
});
