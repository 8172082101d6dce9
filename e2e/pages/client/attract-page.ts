import { expect, type Page } from '@playwright/test';

/** The welcome screen: language choice and "Tap to start". */
export class AttractPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async expectShown(): Promise<void> {
    await expect(this.page.locator('.attract')).toBeVisible();
  }

  async chooseLanguage(nativeName: 'English' | 'Español'): Promise<void> {
    await this.page.getByRole('button', { name: nativeName }).tap();
    await expect(this.page.getByRole('button', { name: nativeName })).toHaveAttribute('aria-pressed', 'true');
  }

  async start(): Promise<void> {
    await this.page.locator('.start-button').tap();
    await expect(this.page.locator('#step-title')).toBeVisible();
  }
}
