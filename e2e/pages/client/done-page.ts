import { expect, type Locator, type Page } from '@playwright/test';
import { press, type Pointer } from './pointer.ts';

/** The done screen: thanks, or the kind front-desk message on a stop flag. */
export class DonePage {
  private readonly page: Page;
  private readonly pointer: Pointer;
  constructor(page: Page, pointer: Pointer = 'touch') {
    this.page = page;
    this.pointer = pointer;
  }

  async expectShown(): Promise<void> {
    await expect(this.page.locator('.done h1')).toBeVisible();
  }

  frontDesk(): Locator {
    return this.page.getByTestId('front-desk');
  }

  async finish(): Promise<void> {
    await press(this.page.locator('.done .button.primary'), this.pointer);
  }
}
