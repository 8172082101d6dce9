/**
 * Issue 18, staff screens chosen per staff member: a therapist whose language is Spanish, or
 * Arabic (right to left), signs in on the keypad (the PIN screen is in the clinic's default
 * language) and reads the queue and a client's detail in their language, with dates in its
 * format; locking returns staff mode to the clinic default. Each screen is scanned with axe
 * and saved under artifacts/screens/staff-<lang>/.
 */
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { StaffLanguage } from '../api/contract.ts';
import type { Core } from '../core/create-core.ts';
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../forms/definitions/sample-answers.ts';
import { localize } from '../forms/engine/index.ts';
import { createFormatter } from '../forms/engine/intl-format.ts';
import { STAFF_SCREEN_LANGUAGES } from '../renderer/src/i18n/staff-resources.ts';
import { test, expect } from './fixtures.ts';
import { pageCallContext, pageCaller } from './harness/bridge.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { PORTRAIT } from './pages/client/screens.ts';
import { captureStaffScreen, DetailPage, StaffLoginPage } from './pages/staff/staff-pages.ts';

test.use({ hasTouch: true, viewport: PORTRAIT });
test.describe.configure({ timeout: 120_000 });

const THERAPIST = { name: 'Theo Therapist', pin: '470215' };
const FEVER = DEFAULT_INTAKE_FORM.rules.find((r) => r.code === 'FEVER_INFECTION');


const CASES = [
  {
    lang: 'es' as const,
    dir: 'ltr',
    signedIn: `Sesión iniciada: ${THERAPIST.name} (terapeuta)`,
    queueHeading: 'Clientes de hoy',
    newBadge: 'Nuevo',
    back: 'Volver a la lista',
    flagsHeading: '¿Puedo tratar hoy?',
    acknowledge: 'Marcar como revisado',
    lock: 'Bloquear y salir',
  },
  {
    lang: 'ar' as const,
    dir: 'rtl',
    signedIn: `تم تسجيل الدخول باسم ${THERAPIST.name} (معالج)`,
    queueHeading: 'عملاء اليوم',
    newBadge: 'جديدة',
    back: 'العودة إلى القائمة',
    flagsHeading: 'هل يمكنني العلاج اليوم؟',
    acknowledge: 'تأكيد المراجعة',
    lock: 'القفل والخروج',
  },
];

for (const c of CASES) {
  test(`a therapist whose language is ${c.lang} reads the queue and the detail in it; lock returns to the clinic default`, async ({ kiosk, core }) => {
    await core.deps.staff.setupFirstAdmin('Olivia Owner', '135792', pageCaller(kiosk).id);
    const therapist = await core.deps.staff.addStaff(THERAPIST.name, 'therapist', THERAPIST.pin);
    await core.deps.staff.setLanguage(therapist.staffId, c.lang);
    core.deps.staff.lock(pageCaller(kiosk).id);
    const submitted = await core.handlers['intake:submit'](
      {
        submissionId: randomUUID(),
        formId: 'massage-intake',
        formVersion: DEFAULT_INTAKE_FORM.version,
        language: 'en',
        answers: { ...HEALTHY_CLIENT_ANSWERS, fever_infection: true },
        startedAt: new Date().toISOString(),
      },
      pageCallContext(kiosk),
    );
    expect(submitted.ok).toBe(true);
    const [item] = await core.deps.submissions.list({ status: 'all', limit: 1 });
    const clientName = item!.clientName;

    // The PIN screen is in the clinic's default language (English): nobody is signed in yet.
    const login = new StaffLoginPage(kiosk);
    await login.enterStaffMode();
    await kiosk.getByRole('radio', { name: THERAPIST.name }).check();
    for (const digit of THERAPIST.pin) await kiosk.getByRole('button', { name: digit, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Sign in' }).click();

    // Signed in: every staff word in the therapist's language, the root marked with it (and mirrored for Arabic).
    await expect(kiosk.getByText(c.signedIn)).toBeVisible();
    const root = kiosk.locator('main.staff');
    await expect(root).toHaveAttribute('lang', c.lang);
    await expect(root).toHaveAttribute('dir', c.dir);
    await expect(kiosk.getByRole('heading', { name: c.queueHeading })).toBeVisible();
    const row = kiosk.locator('table.queue-table tbody tr').filter({ hasText: clientName });
    await expect(row).toContainText(c.newBadge);
    // The time column in the one time format of the reader's language (Spanish: 24-hour "14:05").
    if (c.lang === 'es') await expect(row).toContainText(createFormatter('es').time(item!.createdAt));
    await expect(kiosk.getByRole('combobox', { name: c.lang === 'es' ? 'Idioma de las pantallas' : 'لغة الشاشات' })).toHaveValue(c.lang);
    await captureStaffScreen(kiosk, '01-queue', `staff-${c.lang}`);

    await row.getByRole('button', { name: clientName }).click();
    const detail = new DetailPage(kiosk);
    await expect(kiosk.getByRole('heading', { name: c.flagsHeading })).toBeVisible();
    await expect(kiosk.getByRole('button', { name: c.acknowledge, exact: true })).toBeDisabled();
    await expect(detail.flag('FEVER_INFECTION')).toBeVisible();
    // The flag in the reader's language, from the form's own translation (the client answered in English).
    await expect(detail.flag('FEVER_INFECTION').locator('.flag-title')).toHaveText(localize(FEVER?.title, c.lang));
    await expect(detail.flag('FEVER_INFECTION').locator('.flag-guidance')).toHaveText(localize(FEVER?.guidance, c.lang));
    await detail.expectPdfShown();
    await captureStaffScreen(kiosk, '02-detail', `staff-${c.lang}`);
    await kiosk.getByRole('button', { name: new RegExp(c.back) }).first().click();
    await expect(kiosk.getByRole('heading', { name: c.queueHeading })).toBeVisible();

    // Lock: back to the attract screen; staff mode opens again in the clinic default.
    await kiosk.getByRole('button', { name: c.lock }).click();
    await expect(kiosk.locator('.attract')).toBeVisible();
    await login.enterStaffMode();
    await expect(kiosk.locator('main.staff')).toHaveAttribute('lang', 'en');
    await expect(kiosk.locator('main.staff')).toHaveAttribute('dir', 'ltr');
  });
}

/** Admin, a therapist with `language`, and an English client's intake with a stop flag (fever). */
async function seed(kiosk: Page, core: Core, language: StaffLanguage | null): Promise<string> {
  await core.deps.staff.setupFirstAdmin('Olivia Owner', '135792', pageCaller(kiosk).id);
  const therapist = await core.deps.staff.addStaff(THERAPIST.name, 'therapist', THERAPIST.pin);
  await core.deps.staff.setLanguage(therapist.staffId, language);
  core.deps.staff.lock(pageCaller(kiosk).id);
  const submitted = await core.handlers['intake:submit'](
    {
      submissionId: randomUUID(),
      formId: 'massage-intake',
      formVersion: DEFAULT_INTAKE_FORM.version,
      language: 'en',
      answers: { ...HEALTHY_CLIENT_ANSWERS, fever_infection: true },
      startedAt: new Date().toISOString(),
    },
    pageCallContext(kiosk),
  );
  expect(submitted.ok).toBe(true);
  const [item] = await core.deps.submissions.list({ status: 'all', limit: 1 });
  return item!.clientName;
}

test('every staff language shows the flag’s title, guidance and trigger in that language, switching in place', async ({ kiosk, core }) => {
  const clientName = await seed(kiosk, core, null);
  await new StaffLoginPage(kiosk).enterStaffMode();
  await new StaffLoginPage(kiosk).signIn(THERAPIST.name, THERAPIST.pin);
  await kiosk.getByRole('button', { name: clientName }).click();
  const flag = new DetailPage(kiosk).flag('FEVER_INFECTION');
  const question = DEFAULT_INTAKE_FORM.steps.flatMap((st) => st.questions).find((q) => q.id === 'fever_infection');
  for (const lang of STAFF_SCREEN_LANGUAGES) {
    await kiosk.locator('#staff-language').selectOption(lang);
    await expect(kiosk.locator('main.staff')).toHaveAttribute('lang', lang);
    await expect(flag.locator('.flag-title'), lang).toHaveText(localize(FEVER?.title, lang));
    await expect(flag.locator('.flag-guidance'), lang).toHaveText(localize(FEVER?.guidance, lang));
    await expect(flag.locator('.flag-because li'), lang).toContainText(localize(question?.label, lang));
    // In the reader's own language: no lang of its own, so it is spoken and laid out as the screen is.
    await expect(flag.locator('.flag-title'), lang).not.toHaveAttribute('lang', /./u);
  }
});

test('staff screens opened from an Arabic client flow: left to right for an English reader, right to left when they pick Arabic', async ({ kiosk, core }) => {
  const clientName = await seed(kiosk, core, 'en');
  const html = kiosk.locator('html');
  // A client starts in Arabic: the whole document is right to left.
  const flow = new IntakeFlow(kiosk, 'staff-from-arabic', { record: false });
  await flow.attract.chooseLanguage('العربية');
  await flow.attract.start();
  await expect(html).toHaveAttribute('dir', 'rtl');

  // Staff mode: the PIN screen (clinic default, English) and the English reader's screens are left to right.
  const login = new StaffLoginPage(kiosk);
  await login.enterStaffMode();
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(html).toHaveAttribute('lang', 'en');
  await login.signIn(THERAPIST.name, THERAPIST.pin);
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(kiosk.locator('main.staff')).toHaveAttribute('dir', 'ltr');
  await expect(kiosk.locator('#queue-title')).toHaveCSS('direction', 'ltr');
  await captureStaffScreen(kiosk, '03-queue-after-arabic-client', 'staff-en');

  // The reader picks Arabic (by keyboard alone: the menu, arrow keys): now right to left.
  await kiosk.locator('#staff-language').focus();
  await kiosk.locator('#staff-language').selectOption('ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(kiosk.locator('main.staff')).toHaveAttribute('dir', 'rtl');
  await expect(kiosk.locator('#queue-title')).toHaveCSS('direction', 'rtl');
  await kiosk.getByRole('button', { name: clientName }).click();
  await expect(new DetailPage(kiosk).flag('FEVER_INFECTION').locator('.flag-title')).toHaveText(localize(FEVER?.title, 'ar'));
  await new DetailPage(kiosk).expectPdfShown();
  await captureStaffScreen(kiosk, '04-detail-picked-arabic', 'staff-ar');

  // And back to English, then out of staff mode: the client flow has its own language and direction again.
  await kiosk.locator('#staff-language').selectOption('en');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await kiosk.getByRole('button', { name: 'Lock and exit' }).click();
  await expect(kiosk.locator('.attract')).toBeVisible();
  const attractLang = await kiosk.locator('.attract [aria-pressed="true"]').first().getAttribute('lang');
  await expect(html).toHaveAttribute('lang', attractLang ?? 'en');
  await expect(html).toHaveAttribute('dir', attractLang === 'ar' ? 'rtl' : 'ltr');
});
