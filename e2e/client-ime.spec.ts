/**
 * Issue 18: a client typing Chinese or Korean on a physical keyboard with the operating system's
 * input method. Chromium's own IME path is driven through CDP (Input.imeSetComposition for each
 * stage of the composition, Input.insertText to commit it), so the field gets real
 * compositionstart / compositionupdate / compositionend events. The kiosk must leave the
 * composition alone: the composed text lands whole, stays through Next and Back, and the
 * on-screen keyboard stays closed (or closes, when a tap had opened it).
 */
import type { CDPSession, Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { expectNoAxeViolations, PORTRAIT, SCREENS_DIR } from './pages/client/screens.ts';
import { fingerTap } from './pages/client/touch.ts';
import { join } from 'node:path';

test.use({ hasTouch: true, viewport: PORTRAIT });
test.describe.configure({ timeout: 120_000 });

/** One syllable: what the input method shows while composing it, then the character it commits. */
interface Syllable {
  readonly stages: readonly string[];
  readonly commit: string;
}

/** Composes and commits each syllable in turn, checking the field shows each stage as it goes. */
async function composeWithIme(cdp: CDPSession, field: Locator, before: string, syllables: readonly Syllable[]): Promise<void> {
  let committed = before;
  for (const { stages, commit } of syllables) {
    for (const stage of stages) {
      await cdp.send('Input.imeSetComposition', { text: stage, selectionStart: stage.length, selectionEnd: stage.length });
      // Mid-composition the field holds the stage itself: nothing rewrote or dropped it.
      await expect(field).toHaveValue(committed + stage);
    }
    await cdp.send('Input.insertText', { text: commit });
    committed += commit;
    await expect(field).toHaveValue(committed);
  }
}

/** Tab (a physical keyboard) until `target` has focus. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the field');
}

/** Composition events the field received, in order. */
async function recordComposition(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { compositionLog: string[] }).compositionLog = log;
    for (const type of ['compositionstart', 'compositionupdate', 'compositionend'] as const) {
      window.addEventListener(type, (e) => log.push(`${type}:${e.data}`), { capture: true });
    }
  });
}
const compositionLog = (page: Page) => page.evaluate(() => (window as unknown as { compositionLog: string[] }).compositionLog);

const CASES = [
  {
    label: 'Chinese pinyin IME, by keyboard alone: 王小明 in First name',
    native: '中文',
    field: 'first_name',
    how: 'keyboard',
    syllables: [
      { stages: ['w', 'wa', 'wang'], commit: '王' },
      { stages: ['x', 'xi', 'xiao'], commit: '小' },
      { stages: ['m', 'mi', 'ming'], commit: '明' },
    ],
    expected: '王小明',
  },
  {
    label: 'Korean IME after a tap had opened the on-screen keyboard: 김민준 in Last name',
    native: '한국어',
    field: 'last_name',
    how: 'touch',
    syllables: [
      { stages: ['ㄱ', '기', '김'], commit: '김' },
      { stages: ['ㅁ', '미', '민'], commit: '민' },
      { stages: ['ㅈ', '주', '준'], commit: '준' },
    ],
    expected: '김민준',
  },
] as const;

for (const c of CASES) {
  test(c.label, async ({ kiosk }) => {
    const flow = new IntakeFlow(kiosk, `ime-${c.field}`, { record: false });
    const s = flow.step;
    if (c.how === 'keyboard') {
      // Keyboard alone from the first screen: Tab to the language, Enter; Tab to Start, Enter.
      const language = kiosk.getByRole('button', { name: c.native });
      await tabTo(kiosk, language);
      await kiosk.keyboard.press('Enter');
      await expect(language).toHaveAttribute('aria-pressed', 'true');
      await tabTo(kiosk, kiosk.locator('.start-button'));
      await kiosk.keyboard.press('Enter');
      await expect(kiosk.locator('#step-title')).toBeVisible();
    } else {
      await flow.attract.chooseLanguage(c.native);
      await flow.attract.start();
    }
    const field = s.question(c.field).locator('input');
    const keyboard = kiosk.getByTestId('on-screen-keyboard');
    if (c.how === 'keyboard') {
      await tabTo(kiosk, field);
      await expect(keyboard, 'a physical keyboard opens no on-screen one').toHaveCount(0);
    } else {
      await fingerTap(field);
      await expect(keyboard).toBeVisible();
    }

    await recordComposition(kiosk);
    const cdp = await kiosk.context().newCDPSession(kiosk);
    await composeWithIme(cdp, field, '', c.syllables);
    await expect(field).toHaveValue(c.expected);
    await expect(field).toBeFocused();
    await expect(keyboard, 'composing closes the on-screen keyboard and it stays closed').toHaveCount(0);
    const log = await compositionLog(kiosk);
    expect(log.filter((e) => e.startsWith('compositionend'))).toEqual(c.syllables.map((syl) => `compositionend:${syl.commit}`));
    expect(log[0]).toMatch(/^compositionstart/);
    expect(log.some((e) => e.startsWith('compositionupdate'))).toBe(true);
    await kiosk.screenshot({ path: join(SCREENS_DIR, 'ime', `${c.field}-${c.expected}.png`) });
    await expectNoAxeViolations(kiosk, `${c.label}, composed`);

    // The composed name is the answer: it survives Next and Back unchanged.
    const other = c.field === 'first_name' ? 'last_name' : 'first_name';
    await s.fill(other, c.field === 'first_name' ? '王' : '민준');
    await s.date('date_of_birth', '1984-03-09');
    await s.fill('phone', '5550123');
    await s.fill('emergency_name', 'Pat Doe');
    await s.fill('emergency_phone', '5550101');
    await s.next();
    await expect(kiosk.getByTestId('error-summary')).toHaveCount(0);
    await s.back();
    await expect(s.question(c.field).locator('input')).toHaveValue(c.expected);
  });
}
