/**
 * Issue 8 "Done when": an admin adds a question with a translation and a rule producing a
 * modify flag, previews it and publishes; a client answers it and the flag appears in the
 * therapist's detail and the PDF; a submission made before still renders with its old
 * version; a broken JSON import shows the precise error and changes nothing; axe finds
 * no violations on the admin screens.
 */
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { HEALTHY_CLIENT_ANSWERS } from '../forms/definitions/sample-answers.ts';
import { inEveryLanguage } from '../forms/definitions/test-texts.ts';
import { test, expect, ARTIFACTS_DIR } from './fixtures.ts';
import { pageCallContext, pageCaller } from './harness/bridge.ts';
import { AdminPage } from './pages/admin/admin-page.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { LANDSCAPE } from './pages/client/screens.ts';

test.use({ hasTouch: true, viewport: LANDSCAPE, actionTimeout: 15_000 });
test.describe.configure({ timeout: 240_000 });

const SCREENS = join(ARTIFACTS_DIR, 'screens', 'admin');
const ctx = pageCallContext;

/** A viewport screenshot with `focus` scrolled into view (the editor pages are long). */
async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await focus?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

function pdfText(pdf: Uint8Array, dir: string, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The new question's and rule's texts in the shipped form's eight languages, as the admin types them. */
const HEADACHE = {
  question: {
    en: 'Do you have a headache today?',
    es: '¿Tiene dolor de cabeza hoy?',
    fr: "Avez-vous mal à la tête aujourd'hui ?",
    zh: '您今天头痛吗？',
    vi: 'Hôm nay bạn có bị đau đầu không?',
    ko: '오늘 두통이 있나요?',
    ar: 'هل لديك صداع اليوم؟',
    ru: 'У вас сегодня болит голова?',
  },
  title: { en: 'Headache today', es: 'Dolor de cabeza hoy', fr: "Mal de tête aujourd'hui", zh: '今天头痛', vi: 'Đau đầu hôm nay', ko: '오늘 두통', ar: 'صداع اليوم', ru: 'Головная боль сегодня' },
  guidance: {
    en: 'No deep pressure on neck and shoulders; check for migraine.',
    es: 'Sin presión profunda en cuello y hombros.',
    fr: 'Pas de pression profonde sur le cou et les épaules ; vérifier une migraine.',
    zh: '颈部和肩部不要深压；确认是否偏头痛。',
    vi: 'Không ấn sâu vào cổ và vai; hỏi về chứng đau nửa đầu.',
    ko: '목과 어깨에 깊은 압력 금지, 편두통 여부 확인.',
    ar: 'لا ضغط عميق على الرقبة والكتفين؛ تحقّق من الصداع النصفي.',
    ru: 'Без глубокого давления на шею и плечи; уточнить мигрень.',
  },
} as const;

test('admin adds a translated question and a modify rule; clients get it, old submissions keep their version', async ({ kiosk, core, dataDir }) => {
  // A submission answered with the shipped version, before any change; publishing makes the next one.
  const shipped = DEFAULT_INTAKE_FORM.version;
  const next = shipped + 1;
  const oldId = randomUUID();
  const before = await core.handlers['intake:submit'](
    { submissionId: oldId, formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers: HEALTHY_CLIENT_ANSWERS, startedAt: new Date().toISOString() },
    ctx(kiosk),
  );
  expect(before.ok).toBe(true);

  const admin = new AdminPage(kiosk);
  await admin.setUpAndOpen('Olivia Owner', '135792');
  await expectNoAxeViolations(kiosk, 'forms');

  // The health step: add a yes/no question, its text in each of the form's eight languages.
  await admin.formSection(/health/i);
  await admin.addQuestion('Yes / no');
  const editor = kiosk.locator('.question-item').last();
  await editor.getByLabel('Question id (used in conditions)').fill('headache_today');
  await expect(editor.getByText('Missing Spanish translation').first()).toBeVisible();
  const question = editor.getByRole('group', { name: 'Question' });
  await admin.fillTexts(question, { en: 'Do you have a headache today?', es: '¿Tiene dolor de cabeza hoy?' });
  // Six languages still to go: the editor says which, and the draft does not publish yet.
  await expect(question.getByText(/Missing (French|Chinese|Vietnamese|Korean|Arabic|Russian) translation/)).toHaveCount(6);
  await admin.fillTexts(question, HEADACHE.question);
  await expect(question.getByText(/Missing/)).toHaveCount(0);

  // The live preview shows it, in each language, with the client's own widgets.
  await expect(admin.preview().locator('[data-question="headache_today"]')).toContainText('Do you have a headache today?');
  await kiosk.getByRole('group', { name: 'Preview language' }).getByRole('button', { name: /Spanish|Español/ }).click();
  await expect(admin.preview().locator('[data-question="headache_today"]')).toContainText('¿Tiene dolor de cabeza hoy?');
  await expect(admin.preview().locator('[data-question="headache_today"] label.tile').first()).toContainText('Sí');
  await shot(kiosk, '01-question-preview-es', editor);

  // A rule, with the expression checked as it is typed.
  await admin.formSection(/Rules/);
  await kiosk.getByRole('button', { name: '+ Add rule' }).click();
  const rule = kiosk.locator('.rules-editor .question-item').last();
  await rule.getByLabel('Flag code').fill('HEADACHE');
  await rule.getByLabel('Severity').selectOption('modify');
  const when = rule.getByLabel(/Raise this flag when/);
  await when.fill('headache_todya == yes');
  await expect(rule.locator('.expr-issues')).toContainText('Unknown question id "headache_todya" at column 1');
  await expect(when).toHaveAttribute('aria-invalid', 'true');
  await shot(kiosk, '02-rule-expression-error', rule.locator('.expr-issues'));
  await when.fill('headache_today == yes');
  await expect(rule.getByText('✓ Condition is valid')).toBeVisible();
  await admin.fillTexts(rule.getByRole('group', { name: 'Flag title (therapist)' }), HEADACHE.title);
  await admin.fillTexts(rule.getByRole('group', { name: 'Guidance (therapist only)' }), HEADACHE.guidance);
  await expect(kiosk.locator('.draft-meta')).toContainText('no problems');
  await expectNoAxeViolations(kiosk, 'rules');

  // The preview raises the flag for a "yes" and stores nothing.
  await admin.formSection(/health/i);
  await admin.preview().locator('[data-question="headache_today"] label.tile').first().click();
  await expect(kiosk.getByTestId('preview-flags')).toContainText('modify: Headache today');
  await shot(kiosk, '03-preview-flag', kiosk.getByTestId('preview-flags'));
  expect(await core.deps.submissions.list({ status: 'all', limit: 10 })).toHaveLength(1);

  await admin.publish(async (review) => {
    // What changes in screening against the live version, as a sentence: the one rule added.
    await expect(review.getByTestId('screening-changes').locator('li')).toHaveText(['Adds the modify rule HEADACHE (“Headache today”).']);
    await expectNoAxeViolations(kiosk, 'publish-review');
  });
  await expect(admin.status()).toContainText(`Published version ${next}`);
  await expect(kiosk.locator(`tr[data-version="${next}"]`)).toContainText('Live');
  expect((await core.deps.forms.active()).version).toBe(next);

  // A broken file: the precise error, and nothing changes.
  const draftBefore = await core.handlers['admin:getFormDraft']({}, ctx(kiosk));
  const broken = '{\n  "id": "massage-intake",\n  "version": 3,\n  "title": { "en": "x" ,}\n}\n';
  await admin.importFile('broken.json', broken);
  await expect(kiosk.getByTestId('import-errors')).toContainText('Line 4');
  await expect(admin.status()).toContainText('Nothing was changed');
  const badRule = JSON.stringify({ ...(await core.deps.forms.active()), rules: [{ code: 'X', severity: 'info', when: 'pregnantt == yes', title: inEveryLanguage(DEFAULT_INTAKE_FORM.languages, { en: 'a' }), guidance: inEveryLanguage(DEFAULT_INTAKE_FORM.languages, { en: 'b' }) }] }, null, 2);
  await admin.importFile('bad-rule.json', badRule);
  await expect(kiosk.getByTestId('import-errors')).toContainText(/Line \d+, column \d+: .*Unknown question id "pregnantt"/);
  await expect(kiosk.getByTestId('import-errors')).toContainText('rules[0].when');
  await shot(kiosk, '04-import-error', kiosk.getByTestId('import-errors'));
  expect((await core.deps.forms.active()).version).toBe(next);
  expect(await core.handlers['admin:getFormDraft']({}, ctx(kiosk))).toEqual(draftBefore);

  // The other admin screens, each checked by axe.
  for (const name of ['Settings', 'Staff', 'Certificate'] as const) {
    await admin.tab(name);
    await expect(kiosk.getByRole('heading', { level: 2, name: /Clinic settings|Staff members|Signing certificate/ })).toBeVisible();
    if (name === 'Certificate') await expect(kiosk.getByText('SHA-256 fingerprint')).toBeVisible();
    await expectNoAxeViolations(kiosk, name);
    await shot(kiosk, `05-${name.toLowerCase()}`);
  }

  // A client now gets the new version and answers the new question.
  await kiosk.getByRole('button', { name: 'Close administration' }).click();
  await kiosk.getByRole('button', { name: /Lock and exit/ }).click();
  const flow = new IntakeFlow(kiosk, 'admin-new-question', { record: false });
  await flow.attract.start();
  await flow.aboutYou({ firstName: 'Hana', lastName: 'Kowalski', dateOfBirth: '1985-02-11', phone: '5550123' });
  await flow.yourBack({ pain: 3 });
  await flow.step.yesNo('headache_today', true);
  await flow.health();
  await flow.preferences('medium');
  await flow.consent();
  await flow.submitAndExpectDone();

  const items = await core.deps.submissions.list({ status: 'all', limit: 10 });
  const fresh = items.find((i) => i.submissionId !== oldId)!;
  expect(fresh.formVersion).toBe(next);
  expect(fresh.severities.modify).toBeGreaterThan(0);
  const stored = (await core.deps.submissions.get(fresh.submissionId))!;
  expect(stored.flags.map((f) => f.code)).toContain('HEADACHE');
  expect(pdfText(stored.pdf, dataDir, 'new')).toMatch(/Headache today/);

  // The therapist's detail renders each submission from its own version.
  await core.deps.staff.login((await core.deps.staff.roster())[0]!.staffId, '135792', pageCaller(kiosk).id);
  const detail = await core.handlers['submission:get']({ submissionId: fresh.submissionId }, ctx(kiosk));
  expect(detail.ok && JSON.stringify(detail.value)).toContain('Headache today');
  const oldDetail = await core.handlers['submission:get']({ submissionId: oldId }, ctx(kiosk));
  expect(oldDetail.ok && JSON.stringify(oldDetail.value)).not.toContain('headache');
  expect(oldDetail.ok && JSON.stringify(oldDetail.value)).toContain(`"formVersion":${shipped}`);

  // The old submission keeps its version: its stored PDF and the version it names.
  const old = (await core.deps.submissions.get(oldId))!;
  expect(old.formVersion).toBe(shipped);
  expect(pdfText(old.pdf, dataDir, 'old')).not.toMatch(/Headache/);
  expect((await core.deps.forms.get('massage-intake', shipped))?.steps.flatMap((s) => s.questions.map((q) => q.id))).not.toContain('headache_today');
});
