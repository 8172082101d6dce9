/**
 * The admin area, driven as an admin would: staff mode, first-run setup, then the
 * Administration screens (Forms editor, Settings, Staff, Certificate).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class AdminPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** From the attract screen: staff mode, create the first admin, open Administration. */
  async setUpAndOpen(name: string, pin: string): Promise<void> {
    const page = this.page;
    await page.keyboard.press('Control+Alt+Shift+S');
    await page.getByLabel(/name/i).first().fill(name);
    for (let round = 0; round < 2; round += 1) {
      for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
      await page.getByRole('button', { name: /^(Next|Create|Continue|Save|Set up)/ }).click();
    }
    await this.open();
  }

  /** Opens the admin area from the staff screens (StaffApp's button for admins). */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Administration|Admin)/ }).first().click();
    await expect(this.page.getByTestId('admin-app')).toBeVisible();
  }

  async tab(name: 'Forms' | 'Settings' | 'Staff' | 'Devices' | 'Clinic server' | 'Certificate'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Administration sections' }).getByRole('button', { name }).click();
  }

  /**
   * Fills one text in each of the form's languages, as an admin must before publishing (a form
   * language missing a text does not publish): each language's box carries its `lang`.
   */
  async fillTexts(group: Locator, texts: Readonly<Record<string, string>>): Promise<void> {
    for (const [lang, text] of Object.entries(texts)) await group.locator(`input[lang="${lang}"], textarea[lang="${lang}"]`).fill(text);
  }

  async formSection(name: RegExp): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Parts of the form' }).getByRole('button', { name }).click();
  }

  /** The editor of the question with this id (its summary row and, when open, its fields). */
  questionEditor(id: string): Locator {
    return this.page.locator(`[data-question-editor="${id}"]`);
  }

  ruleEditor(code: string): Locator {
    return this.page.locator(`[data-rule-editor="${code}"]`);
  }

  status(): Locator {
    return this.page.getByTestId('admin-status');
  }

  preview(): Locator {
    return this.page.getByTestId('preview');
  }

  /** Adds a question of `typeLabel` to the step shown and returns the index it got. */
  async addQuestion(typeLabel: string): Promise<void> {
    await this.page.getByLabel('New question type').selectOption({ label: typeLabel });
    await this.page.getByRole('button', { name: '+ Add question' }).click();
  }

  /** Publish, then the confirm that shows what changes in screening; returns that dialog (already confirmed). */
  async publish(check?: (review: Locator) => Promise<void>): Promise<void> {
    await this.page.getByRole('button', { name: 'Publish', exact: true }).click();
    const review = this.page.getByTestId('publish-review');
    await expect(review).toBeVisible();
    await check?.(review);
    await review.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(review).toHaveCount(0);
  }

  async importFile(name: string, text: string): Promise<void> {
    await this.page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }
}
