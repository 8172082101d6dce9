import { expect, type Page } from '@playwright/test';
import { press, type Pointer } from './pointer.ts';

/** The welcome screen: language choice and "Tap to start". */
export class AttractPage {
  private readonly page: Page;
  private readonly pointer: Pointer;
  constructor(page: Page, pointer: Pointer = 'touch') {
    this.page = page;
    this.pointer = pointer;
  }

  async expectShown(): Promise<void> {
    await expect(this.page.locator('.attract')).toBeVisible();
  }

  /** By the language's own name, as a client looks for it (English, Español, العربية, 한국어...). */
  async chooseLanguage(nativeName: string): Promise<void> {
    await press(this.page.getByRole('button', { name: nativeName }), this.pointer);
    await expect(this.page.getByRole('button', { name: nativeName })).toHaveAttribute('aria-pressed', 'true');
  }

  async start(): Promise<void> {
    await press(this.page.locator('.start-button'), this.pointer);
    await expect(this.page.locator('#step-title')).toBeVisible();
  }
}
