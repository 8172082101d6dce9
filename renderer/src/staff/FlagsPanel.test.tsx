// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DetailFlag } from '../../../api/contract.ts';
import { DEFAULT_INTAKE_FORM } from '../../../forms/definitions/index.ts';
import { localize } from '../../../forms/engine/index.ts';
import { createStaffI18n, initI18n } from '../i18n/index.ts';
import { STAFF_SCREEN_LANGUAGES } from '../i18n/staff-resources.ts';
import { flagTextsFor } from './flag-text.ts';
import { FlagsPanel } from './FlagsPanel.tsx';

beforeAll(initI18n);
afterEach(cleanup);

const form = DEFAULT_INTAKE_FORM;
const rule = form.rules.find((r) => r.code === 'FEVER_INFECTION');
if (!rule) throw new Error('the default form has no FEVER_INFECTION rule');
const question = form.steps.flatMap((s) => s.questions).find((q) => q.id === 'fever_infection');

/** The flag as submission:get sends it: default-language words plus every language the form carries. */
const FEVER: DetailFlag = {
  code: rule.code,
  severity: rule.severity,
  title: localize(rule.title, form.defaultLanguage),
  guidance: localize(rule.guidance, form.defaultLanguage),
  triggers: [{ questionId: 'fever_infection', question: localize(question?.label, form.defaultLanguage), answer: 'Yes' }],
  language: form.defaultLanguage,
  byLanguage: Object.fromEntries(
    form.languages.map((l) => [l, { title: localize(rule.title, l), guidance: localize(rule.guidance, l), triggers: [{ question: localize(question?.label, l), answer: `yes-${l}` }] }]),
  ),
  mustTick: true,
  derived: false,
};

function renderIn(lang: string, flag: DetailFlag = FEVER) {
  const i18n = createStaffI18n(lang);
  render(
    <I18nextProvider i18n={i18n}>
      <main lang={lang}>
        <FlagsPanel flags={[flag]} ticked={new Set()} onTick={() => undefined} />
      </main>
    </I18nextProvider>,
  );
}

describe('flag words in the reader’s staff language', () => {
  it('the default form has a title for every staff language, each its own (not an English copy)', () => {
    const titles = STAFF_SCREEN_LANGUAGES.map((l) => localize(rule.title, l, ''));
    expect(titles.every((t) => t !== '')).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each(STAFF_SCREEN_LANGUAGES.map((lang) => ({ lang })))('$lang: title, guidance and the trigger in $lang', ({ lang }) => {
    renderIn(lang);
    const title = screen.getByRole('heading', { level: 4 });
    expect(title.textContent).toBe(localize(rule.title, lang, ''));
    expect(screen.getByText(localize(rule.guidance, lang, ''))).toBeTruthy();
    expect(screen.getByText(`yes-${lang}`)).toBeTruthy();
    // In the reader's language: no lang of its own, it follows the staff root.
    expect(title.getAttribute('lang')).toBeNull();
  });

  it('a language the form lacks: the form’s default language, marked as such', () => {
    const { ar: _ar, ...withoutArabic } = FEVER.byLanguage;
    renderIn('ar', { ...FEVER, byLanguage: withoutArabic });
    const title = screen.getByRole('heading', { level: 4 });
    expect(title.textContent).toBe(FEVER.title);
    expect([title.getAttribute('lang'), title.getAttribute('dir')]).toEqual([form.defaultLanguage, 'ltr']);
  });

  it.each([
    { label: 'a regional tag uses its language', reader: 'es-MX', want: localize(rule.title, 'es') },
    { label: 'a derived flag (no languages) keeps the kiosk’s own words', reader: 'fr', flag: { ...FEVER, byLanguage: {}, title: 'Consider referral', language: 'en' }, want: 'Consider referral' },
    { label: 'an empty translation falls back', reader: 'ko', flag: { ...FEVER, byLanguage: { ...FEVER.byLanguage, ko: { title: '', guidance: '', triggers: [] } } }, want: FEVER.title },
  ])('$label', ({ reader, flag, want }) => {
    expect(flagTextsFor(flag ?? FEVER, reader).title).toBe(want);
  });
});
