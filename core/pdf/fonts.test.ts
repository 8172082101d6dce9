/**
 * What preloading saves: without it, the first summary reads, parses and preprocesses
 * the fonts it draws with (the count core/tests/font-preload.test.ts expects to stay put).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateScreening } from '../../forms/engine/index.ts';
import { fontParseCount, preloadFontsInBackground } from './fonts.ts';
import { createSignedSummary } from './index.ts';
import { CASES, FIXTURE_FORM, requestOfSummary } from './test-fixtures.ts';
import { createSigningBench, type SigningBench } from './test-tools.ts';
import { ARCHIVE_EXPECTATION, archiveChecks } from './testing/pdf-checks.ts';

const CREATED = new Date(2026, 10, 21, 14, 32);

let bench: SigningBench;
beforeAll(async () => {
  bench = await createSigningBench();
});
afterAll(() => bench.dispose());

describe('font loading', () => {
  it('with nothing preloaded, the first summary parses its fonts; the second parses nothing', async () => {
    const answers = { ...CASES[0]?.answers, first_name: '小明', last_name: '王' };
    const input = { form: FIXTURE_FORM, answers, flags: evaluateScreening(FIXTURE_FORM, answers, CREATED), language: 'zh', submissionId: 'sub-1', createdAt: CREATED, clinicName: 'Harbour Clinic' };
    const render = async () => (await createSignedSummary(input, bench.identity, { now: () => CREATED }, requestOfSummary(input))).pdf;
    expect(fontParseCount()).toBe(0);
    await render();
    const afterFirst = fontParseCount();
    // DejaVu regular and bold, Noto Sans SC: each parsed and preprocessed.
    expect(afterFirst).toBe(6);
    const file = join(bench.work, 'second.pdf');
    writeFileSync(file, await render());
    expect(fontParseCount()).toBe(afterFirst);
    // The summary made from fonts parsed once is the same archive-grade file as any other.
    const { summary, reports } = archiveChecks(file, bench.trust, join(bench.work, 'checks'));
    expect(summary, reports).toMatchObject(ARCHIVE_EXPECTATION);
  }, 120_000);

  it('a stopped background preload stops between fonts', async () => {
    const preload = preloadFontsInBackground();
    preload.stop();
    const before = fontParseCount();
    await preload.done;
    expect(fontParseCount()).toBe(before);
  });
});
