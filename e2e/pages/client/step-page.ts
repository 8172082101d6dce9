import { expect, type Locator, type Page } from '@playwright/test';
import { press, type Pointer } from './pointer.ts';

/**
 * One step of the client flow, driven the way a client would: taps on tiles, the
 * on-screen keyboard, the date panels and the signature pad. Questions are found by
 * their id (data-question), which the renderer takes from the form definition.
 */
export class StepPage {
  readonly page: Page;
  readonly pointer: Pointer;
  constructor(page: Page, pointer: Pointer = 'touch') {
    this.page = page;
    this.pointer = pointer;
  }

  question(id: string): Locator {
    return this.page.locator(`[data-question="${id}"]`);
  }

  async expectTitle(title: string | RegExp): Promise<void> {
    await expect(this.page.locator('#step-title')).toHaveText(title);
  }

  async progressText(): Promise<string> {
    return (await this.page.getByTestId('progress').textContent()) ?? '';
  }

  async next(): Promise<void> {
    const before = await this.page.locator('#step-title').textContent();
    await press(this.page.getByTestId('next'), this.pointer);
    // Either a new step (or the review) is shown, or the errors of this one are.
    await expect
      .poll(async () => (await this.page.locator('#step-title, #review-title').first().textContent()) !== before || (await this.page.getByTestId('error-summary').count()) > 0)
      .toBe(true);
  }

  async nextExpectingErrors(): Promise<void> {
    await press(this.page.getByTestId('next'), this.pointer);
    await expect(this.page.getByTestId('error-summary')).toBeVisible();
  }

  async back(): Promise<void> {
    await press(this.page.locator('.flow-nav').getByRole('button').first(), this.pointer);
  }

  /** Types with the on-screen keyboard, one key tap per character. */
  async typeOnScreen(id: string, text: string): Promise<void> {
    const field = this.question(id).locator('input, textarea').first();
    await press(field, this.pointer);
    const keyboard = this.question(id).getByTestId('on-screen-keyboard');
    await expect(keyboard).toBeVisible();
    for (const ch of text) {
      if (ch === ' ') {
        await press(keyboard.locator('[data-skbtn="{space}"]'), this.pointer);
        continue;
      }
      let key = keyboard.locator(`[data-skbtn="${ch}"]`);
      if ((await key.count()) === 0) {
        // Capitals are one tap of Shift away; accents are on their own layer.
        const shift = keyboard.locator('[data-skbtn="{shift}"]');
        const accents = keyboard.locator('[data-skbtn="{accents}"]');
        if (ch !== ch.toLowerCase() && (await shift.count()) > 0) await press(shift, this.pointer);
        else if ((await accents.count()) > 0) await press(accents, this.pointer);
        key = keyboard.locator(`[data-skbtn="${ch}"]`);
      }
      await press(key.first(), this.pointer);
    }
    await expect(field).toHaveValue(new RegExp(`${escapeRegex(text)}$`));
    const done = keyboard.locator('[data-skbtn="{done}"]');
    await press(done, this.pointer);
  }

  /**
   * Taps on-screen keys by their value (Korean jamo, a Vietnamese tone mark...) and expects the
   * field to read `expected` once the keyboard has composed them (김 from ㄱ ㅣ ㅁ).
   */
  async tapKeys(id: string, keys: readonly string[], expected: string): Promise<void> {
    const field = this.question(id).locator('input, textarea').first();
    await press(field, this.pointer);
    const keyboard = this.question(id).getByTestId('on-screen-keyboard');
    await expect(keyboard).toBeVisible();
    for (const key of keys) {
      let button = keyboard.locator(`[data-skbtn="${key}"]`);
      if ((await button.count()) === 0) {
        await press(keyboard.locator('[data-skbtn="{shift}"]'), this.pointer);
        button = keyboard.locator(`[data-skbtn="${key}"]`);
      }
      await press(button.first(), this.pointer);
    }
    await expect(field).toHaveValue(expected);
    await press(keyboard.locator('[data-skbtn="{done}"]'), this.pointer);
  }

  /** Fills a text field as a physical keyboard would (kiosks may have one). */
  async fill(id: string, text: string): Promise<void> {
    const field = this.question(id).locator('input, textarea').first();
    await field.fill(text);
  }

  async choose(id: string, optionLabel: string | RegExp): Promise<void> {
    await press(this.question(id).locator('label.tile').filter({ hasText: optionLabel }).first(), this.pointer);
  }

  async yesNo(id: string, yes: boolean): Promise<void> {
    await press(this.question(id).locator('label.tile').nth(yes ? 0 : 1), this.pointer);
  }

  async scale(id: string, n: number): Promise<void> {
    await press(this.question(id).locator('label.scale-point').nth(n), this.pointer);
  }

  async bodyRegionOnDrawing(id: string, region: string, side: 'front' | 'back' = 'back'): Promise<void> {
    await press(this.question(id).getByTestId(`body-${side}`).locator(`[data-region="${region}"]`), this.pointer);
  }

  /** Picks a date with the large-button panels: day, month by position, year by decade then year. */
  async date(id: string, iso: string): Promise<void> {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const q = this.question(id);
    const parts = q.locator('.date-part');
    // Parts by what they are (data-part), not their label: the order and words follow the language.
    const kinds = await parts.evaluateAll((els) => els.map((el) => el.getAttribute('data-part') ?? ''));
    for (const [i, kind] of kinds.entries()) {
      // Choosing one part opens the next by itself; tap only a part that is not open yet.
      if ((await parts.nth(i).getAttribute('aria-expanded')) !== 'true') await press(parts.nth(i), this.pointer);
      const panel = q.locator('.date-panel');
      if (kind === 'day') await press(panel.getByRole('button', { name: String(d), exact: true }), this.pointer);
      else if (kind === 'month') await press(panel.getByRole('button').nth(m - 1), this.pointer);
      else {
        const decade = Math.floor(y / 10) * 10;
        await press(panel.getByRole('button', { name: `${decade}–${decade + 9}` }), this.pointer);
        await press(panel.getByRole('button', { name: String(y), exact: true }), this.pointer);
      }
    }
  }

  /** Draws a signature-like stroke on the pad (a few loops across the box). */
  async sign(id: string, options: { readonly tiny?: boolean } = {}): Promise<void> {
    const canvas = this.question(id).getByTestId('signature-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('Signature pad is not visible.');
    const x0 = box.x + box.width * 0.15;
    const y0 = box.y + box.height * 0.55;
    await this.page.mouse.move(x0, y0);
    await this.page.mouse.down();
    const points = options.tiny ? 3 : 40;
    const span = options.tiny ? 4 : box.width * 0.6;
    for (let i = 1; i <= points; i++) {
      const x = x0 + (span * i) / points;
      const y = y0 + Math.sin(i / 2.5) * (options.tiny ? 2 : box.height * 0.2);
      await this.page.mouse.move(x, y, { steps: 2 });
    }
    await this.page.mouse.up();
  }

  async tick(id: string): Promise<void> {
    await press(this.question(id).locator('label.tile').first(), this.pointer);
  }

  errorFor(id: string): Locator {
    return this.page.getByTestId(`error-${id}`);
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
