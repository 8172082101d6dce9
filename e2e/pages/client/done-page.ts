import { expect, type Locator, type Page } from '@playwright/test';

/** The done screen: thanks, or the kind front-desk message on a stop flag. */
export class DonePage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async expectShown(): Promise<void> {
    await expect(this.page.locator('.done h1')).toBeVisible();
  }

  frontDesk(): Locator {
    return this.page.getByTestId('front-desk');
  }

  async finish(): Promise<void> {
    await this.page.locator('.done .button.primary').tap();
  }
}
