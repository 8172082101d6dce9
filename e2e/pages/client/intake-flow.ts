/**
 * The default massage-intake form (forms/definitions/default-intake.json) walked step by
 * step. Each helper fills one step the way a client would and records the screen.
 */
import { expect, type Page } from '@playwright/test';
import { AttractPage } from './attract-page.ts';
import { DonePage } from './done-page.ts';
import { ReviewPage } from './review-page.ts';
import { ScreenRecorder } from './screens.ts';
import { StepPage } from './step-page.ts';
import { press, type Pointer } from './pointer.ts';

export interface Client {
  readonly firstName: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
  readonly phone: string;
}

/** The emergency contact every intake of IntakeFlow gives. */
export const EMERGENCY_CONTACT = { name: 'Pat Doe', phone: '555 010 0200' } as const;

/** Health answers that differ from "no" to everything. */
export interface HealthAnswers {
  readonly feverInfection?: boolean;
  readonly osteoporosis?: boolean;
  /** Weeks pregnant; absent = not pregnant. */
  readonly pregnantWeeks?: number;
  /** ISO date of a surgery in the past year; absent = none. */
  readonly surgeryDate?: string;
}

export class IntakeFlow {
  readonly attract: AttractPage;
  readonly step: StepPage;
  readonly review: ReviewPage;
  readonly done: DonePage;
  readonly screens: ScreenRecorder;
  private readonly page: Page;

  private readonly pointer: Pointer;

  constructor(page: Page, flowName: string, options: { readonly record?: boolean; readonly pointer?: Pointer } = {}) {
    this.page = page;
    this.pointer = options.pointer ?? 'touch';
    this.attract = new AttractPage(page, this.pointer);
    this.step = new StepPage(page, this.pointer);
    this.review = new ReviewPage(page, this.pointer);
    this.done = new DonePage(page, this.pointer);
    this.screens = new ScreenRecorder(page, flowName, options);
  }

  /**
   * `firstNameKeys`: the on-screen keys that spell the first name where they are not its letters
   * (Korean jamo, Vietnamese tone keys); by default each letter is a key.
   */
  async aboutYou(client: Client, options: { readonly title?: string | RegExp; readonly firstNameKeys?: readonly string[] } = {}): Promise<void> {
    const s = this.step;
    await s.expectTitle(options.title ?? /About you|Sus datos/);
    // The first field by the on-screen keyboard, the way a client without a keyboard does it.
    if (options.firstNameKeys) await s.tapKeys('first_name', options.firstNameKeys, client.firstName);
    else await s.typeOnScreen('first_name', client.firstName);
    await s.fill('last_name', client.lastName);
    await s.date('date_of_birth', client.dateOfBirth);
    await s.typeOnScreen('phone', client.phone);
    await s.fill('emergency_name', EMERGENCY_CONTACT.name);
    await s.fill('emergency_phone', EMERGENCY_CONTACT.phone);
    await this.screens.capture('about-you');
    await s.next();
  }

  async yourBack(options: { readonly pain?: number } = {}): Promise<void> {
    const s = this.step;
    await s.bodyRegionOnDrawing('pain_areas', 'lower_back', 'back');
    await press(s.question('pain_areas').locator('input[value="neck"]').locator('..'), this.pointer);
    await s.scale('pain_level', options.pain ?? 4);
    await press(s.question('pain_duration').locator('label.tile').nth(0), this.pointer);
    await press(s.question('pain_cause').locator('label.tile').nth(0), this.pointer);
    await s.yesNo('leg_pain', false);
    await press(s.question('known_conditions').locator('label.tile').last(), this.pointer); // "none of these"
    await s.yesNo('doctor_referral', false);
    if ((options.pain ?? 4) >= 8) await s.yesNo('doctor_assessed', true);
    await s.yesNo('muscle_spasms', false);
    await this.screens.capture('your-back');
    await s.next();
  }

  async health(answers: HealthAnswers = {}): Promise<void> {
    const s = this.step;
    const yes = new Set<string>();
    if (answers.feverInfection) yes.add('fever_infection');
    if (answers.osteoporosis) yes.add('osteoporosis');
    if (answers.pregnantWeeks !== undefined) yes.add('pregnant');
    if (answers.surgeryDate !== undefined) yes.add('had_surgery');
    const questions = [
      'fever_infection',
      'dvt_symptoms',
      'bladder_bowel',
      'sexual_function_change',
      'weight_loss',
      'night_pain',
      'acute_injury',
      'intoxicated',
      'had_surgery',
      'had_fracture',
      'cancer_treatment',
      'cancer_history',
      'pregnant',
      'dvt_history',
      'osteoporosis',
      'long_term_steroids',
      'steroid_injection',
      'diabetes_numbness',
      'lymphedema',
      'varicose_veins',
      'skin_problems',
      'blood_thinners',
      'allergies',
    ];
    for (const id of questions) await s.yesNo(id, yes.has(id));
    await press(s.question('high_blood_pressure').locator('input[value="not_high"]').locator('..'), this.pointer);
    if (answers.surgeryDate !== undefined) await s.date('surgery_date', answers.surgeryDate);
    if (answers.pregnantWeeks !== undefined) {
      await s.typeOnScreen('pregnancy_weeks', String(answers.pregnantWeeks));
      await s.yesNo('pregnancy_high_risk', false);
    }
    await this.screens.capture('health');
    await s.next();
  }

  async preferences(pressure: 'light' | 'medium' | 'firm' = 'medium'): Promise<void> {
    const s = this.step;
    await press(s.question('massage_type').locator('input[value="swedish"]').locator('..'), this.pointer);
    await press(s.question('pressure').locator(`input[value="${pressure}"]`).locator('..'), this.pointer);
    await press(s.question('goals').locator('input[value="pain_relief"]').locator('..'), this.pointer);
    await this.screens.capture('preferences');
    await s.next();
  }

  async consent(options: { readonly tinyFirst?: boolean } = {}): Promise<void> {
    const s = this.step;
    await s.tick('consent');
    if (options.tinyFirst) {
      // A dot is not a signature: the pad refuses it with a message beside it.
      await s.sign('signature', { tiny: true });
      await s.nextExpectingErrors();
      await expect(s.errorFor('signature')).toContainText(/too short|demasiado corta/);
      await this.screens.capture('signature-refused');
      await press(s.question('signature').getByRole('button', { name: /Clear|Borrar/ }), this.pointer);
    }
    await s.sign('signature');
    await this.screens.capture('consent');
    await s.next();
    await this.review.expectShown();
  }

  async submitAndExpectDone(): Promise<void> {
    await this.screens.capture('review');
    await this.review.submit();
    await this.done.expectShown();
    await this.screens.capture('done');
  }

  /** Nothing of the client may remain in the page once the session is over. */
  async expectForgotten(...secrets: readonly string[]): Promise<void> {
    const html = await this.page.content();
    for (const secret of secrets) expect(html, `"${secret}" is still in the DOM`).not.toContain(secret);
  }
}
