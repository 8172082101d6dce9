/**
 * What preloading saves: without it, the first summary reads, parses and preprocesses
 * the fonts it draws with (the count core/tests/font-preload.test.ts expects to stay put).
 */
import { describe, expect, it } from 'vitest';
import { evaluateScreening } from '../../forms/engine/index.ts';
import { fontParseCount, preloadFontsInBackground } from './fonts.ts';
import { buildSummaryModel, renderSummaryPdf } from './index.ts';
import { CASES, FIXTURE_FORM } from './test-fixtures.ts';

const CREATED = new Date(2026, 10, 21, 14, 32);

describe('font loading', () => {
  it('with nothing preloaded, the first summary parses its fonts; the second parses nothing', async () => {
    const answers = { ...CASES[0]?.answers, first_name: '小明', last_name: '王' };
    const render = () =>
      renderSummaryPdf(buildSummaryModel({ form: FIXTURE_FORM, answers, flags: evaluateScreening(FIXTURE_FORM, answers, CREATED), language: 'zh', submissionId: 'sub-1', createdAt: CREATED, clinicName: 'Harbour Clinic' }));
    expect(fontParseCount()).toBe(0);
    await render();
    const afterFirst = fontParseCount();
    // DejaVu regular and bold, Noto Sans SC: each parsed and preprocessed.
    expect(afterFirst).toBe(6);
    await render();
    expect(fontParseCount()).toBe(afterFirst);
  });

  it('a stopped background preload stops between fonts', async () => {
    const preload = preloadFontsInBackground();
    preload.stop();
    const before = fontParseCount();
    await preload.done;
    expect(fontParseCount()).toBe(before);
  });
});
