import { expect, type Locator, type Page } from '@playwright/test';

/** The review screen: answers by section, "Edit" links, and Submit. */
export class ReviewPage {
  private readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async expectShown(): Promise<void> {
    await expect(this.page.locator('#review-title')).toBeVisible();
  }

  section(stepId: string): Locator {
    return this.page.locator(`[data-step="${stepId}"]`);
  }

  async edit(stepId: string): Promise<void> {
    await this.section(stepId).getByRole('button').tap();
  }

  submitButton(): Locator {
    return this.page.getByTestId('submit');
  }

  async submit(): Promise<void> {
    await this.submitButton().tap();
  }
}
