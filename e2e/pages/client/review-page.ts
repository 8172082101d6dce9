import { expect, type Locator, type Page } from '@playwright/test';
import { press, type Pointer } from './pointer.ts';

/** The review screen: answers by section, "Edit" links, and Submit. */
export class ReviewPage {
  private readonly page: Page;
  private readonly pointer: Pointer;
  constructor(page: Page, pointer: Pointer = 'touch') {
    this.page = page;
    this.pointer = pointer;
  }

  async expectShown(): Promise<void> {
    await expect(this.page.locator('#review-title')).toBeVisible();
  }

  section(stepId: string): Locator {
    return this.page.locator(`[data-step="${stepId}"]`);
  }

  async edit(stepId: string): Promise<void> {
    await press(this.section(stepId).getByRole('button'), this.pointer);
  }

  submitButton(): Locator {
    return this.page.getByTestId('submit');
  }

  async submit(): Promise<void> {
    await press(this.submitButton(), this.pointer);
  }
}
