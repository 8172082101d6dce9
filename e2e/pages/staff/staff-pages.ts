/**
 * Staff mode driven the way a therapist does it: the hidden key combination, name and
 * PIN on the on-screen keypad, the queue, one client's detail, the audit log.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations, LANDSCAPE, SCREENS_DIR } from '../client/screens.ts';

export class StaffLoginPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** The staff entry a client will not stumble into: Ctrl+Alt+Shift+S. */
  async enterStaffMode(): Promise<void> {
    await this.page.keyboard.press('Control+Alt+Shift+S');
    await expect(this.page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }

  async signIn(name: string, pin: string): Promise<void> {
    await this.page.getByRole('radio', { name }).check();
    for (const digit of pin) await this.page.getByRole('button', { name: digit, exact: true }).click();
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByText(`Signed in as ${name}`)).toBeVisible();
  }
}

export class QueuePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  table(): Locator {
    return this.page.locator('table.queue-table');
  }

  row(clientName: string): Locator {
    return this.table().locator('tbody tr').filter({ has: this.page.getByRole('button', { name: clientName }) });
  }

  /** Severity words shown in a row's badges, in order. */
  async badges(clientName: string): Promise<string[]> {
    return this.row(clientName).locator('.sev-badge').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-severity') ?? ''));
  }

  searchBox(): Locator {
    return this.page.getByRole('textbox', { name: 'Client name' });
  }

  async search(text: string): Promise<void> {
    await this.searchBox().fill(text);
    await this.page.getByRole('button', { name: 'Search', exact: true }).click();
  }

  /**
   * Types the name with the on-screen keyboard (the kiosk has no physical one), then searches.
   * `whileOpen` runs with the keyboard shown (a screenshot, an accessibility scan).
   */
  async searchOnScreen(text: string, whileOpen?: () => Promise<void>): Promise<void> {
    await this.searchBox().fill('');
    await this.searchBox().tap();
    const keyboard = this.page.getByTestId('on-screen-keyboard');
    await expect(keyboard).toBeVisible();
    for (const ch of text) {
      // Capitals are one tap of Shift away (the layer returns to lower case after one letter).
      if ((await keyboard.locator(`[data-skbtn="${ch}"]`).count()) === 0) await keyboard.locator('[data-skbtn="{shift}"]').tap();
      await keyboard.locator(`[data-skbtn="${ch}"]`).first().tap();
    }
    await expect(this.searchBox()).toHaveValue(text);
    await whileOpen?.();
    await this.page.getByRole('button', { name: 'Search', exact: true }).tap();
    await expect(keyboard).toHaveCount(0);
  }

  async open(clientName: string): Promise<DetailPage> {
    await this.page.getByRole('button', { name: clientName }).first().click();
    const detail = new DetailPage(this.page);
    await expect(this.page.getByRole('heading', { level: 2, name: clientName })).toBeVisible();
    return detail;
  }
}

export class DetailPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  flag(code: string): Locator {
    return this.page.locator(`[data-flag="${code}"]`);
  }

  acknowledgeButton(): Locator {
    return this.page.getByRole('button', { name: 'Acknowledge', exact: true });
  }

  async tick(code: string): Promise<void> {
    await this.flag(code).getByRole('checkbox').check();
  }

  /** Taps the outcome tile (what happened with the client), as a finger would. */
  async chooseOutcome(words: string): Promise<void> {
    await this.page.locator('.outcome-tiles label').filter({ hasText: words }).tap();
    await expect(this.page.getByRole('radio', { name: words })).toBeChecked();
  }

  /** Types the "Other" note on the on-screen keyboard (letters and space only), then Done. */
  async typeOutcomeNote(text: string): Promise<void> {
    const box = this.page.getByRole('textbox', { name: 'Short note: what happened' });
    await box.tap();
    const keyboard = this.page.getByTestId('on-screen-keyboard');
    await expect(keyboard).toBeVisible();
    for (const ch of text) {
      const key = ch === ' ' ? '{space}' : ch;
      if ((await keyboard.locator(`[data-skbtn="${key}"]`).count()) === 0) await keyboard.locator('[data-skbtn="{shift}"]').tap();
      await keyboard.locator(`[data-skbtn="${key}"]`).first().tap();
    }
    await expect(box).toHaveValue(text);
  }

  async acknowledge(): Promise<void> {
    await this.acknowledgeButton().click();
    await expect(this.page.getByTestId('ack-status')).toBeVisible();
  }

  async expectPdfShown(): Promise<void> {
    await expect(this.page.getByTestId('pdf-pages')).toHaveAttribute('data-rendered', 'true', { timeout: 20_000 });
  }

  /** Print in Chromium mode: the signed PDF comes back as a download. */
  async printExpectingDownload(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Print' }).click();
    return download;
  }

  async exportAgain(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export again' }).click();
    await expect(this.page.getByText(/Exported to the export folder as/)).toBeVisible();
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('button', { name: /Back to the list/ }).click();
  }
}

/** axe scan plus a landscape screenshot (first screen and full page) under artifacts/screens/<folder>/ (staff/ unless told). */
export async function captureStaffScreen(page: Page, name: string, folder = 'staff'): Promise<void> {
  const dir = join(SCREENS_DIR, folder);
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize(LANDSCAPE);
  await expectNoAxeViolations(page, name);
  await page.screenshot({ path: join(dir, `${name}.png`) });
  await page.screenshot({ path: join(dir, `${name}-full.png`), fullPage: true });
}
