/**
 * The signed summary in every language the kiosk ships (BUILTIN_LANGUAGES): the clinic's
 * language sets the labels (form.defaultLanguage), the client answered in the same one, and
 * the name is written in that language's own script. Each file must pass the archive checks
 * every summary passes (PDF/A-1b by Preflight, PAdES B-B by pdfsig and OpenSSL), draw every
 * glyph from a real outline, and read back its labels and name in the text layer.
 * PDFs and page-1 PNGs: artifacts/pdf-labels/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { BUILTIN_LANGUAGES, evaluateScreening } from '../../forms/engine/index.ts';
import { buildSummaryModel, createSignedSummary, type SummaryInput } from './index.ts';
import { summaryLabels } from './labels.ts';
import { DEFAULT_FORM_ANSWERS, requestOfSummary } from './test-fixtures.ts';
import { ARTIFACTS_ROOT, checkGlyphs, createSigningBench, preflightMany, type PreflightManyResult, type SigningBench } from './test-tools.ts';
import { ARCHIVE_EXPECTATION, cmsSummary } from './testing/pdf-checks.ts';

const ARTIFACTS = join(ARTIFACTS_ROOT, 'pdf-labels');
const CREATED = new Date(2026, 10, 21, 14, 32);
const clock = { now: () => new Date(2026, 10, 21, 14, 32, 30) };

/** A client's name as they would write it in each language. */
const NAMES: Record<(typeof BUILTIN_LANGUAGES)[number], { readonly first: string; readonly last: string }> = {
  en: { first: 'Ana', last: 'Ríos' },
  es: { first: 'José', last: 'Peña Núñez' },
  fr: { first: 'Hélène', last: 'Lefèvre' },
  zh: { first: '小明', last: '王' },
  vi: { first: 'Thị Ánh', last: 'Nguyễn' },
  ko: { first: '민준', last: '김' },
  ar: { first: 'محمد', last: 'الأحمد' },
  ru: { first: 'Дмитрий', last: 'Иванов' },
};

let bench: SigningBench;
const files = new Map<string, string>();
let preflight: Map<string, PreflightManyResult>;

function inputFor(lang: string): SummaryInput {
  const name = NAMES[lang as keyof typeof NAMES];
  const form = { ...DEFAULT_INTAKE_FORM, defaultLanguage: lang };
  const answers = { ...DEFAULT_FORM_ANSWERS, first_name: name.first, last_name: name.last };
  return { form, answers, flags: evaluateScreening(form, answers, CREATED), language: lang, submissionId: `sub-labels-${lang}`, createdAt: CREATED, clinicName: 'Harbour Massage Clinic', clinicAddress: '12 Quay Street' };
}

/** pdftotext's text, without the directional marks it adds around right-to-left words. */
const textOf = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');
/** A right-to-left word may come out of poppler in page order; either way counts as read. */
const reads = (text: string, words: string) => text.includes(words) || text.includes([...words].reverse().join(''));

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  bench = await createSigningBench();
  for (const lang of BUILTIN_LANGUAGES) {
    const input = inputFor(lang);
    const { pdf } = await createSignedSummary(input, bench.identity, clock, requestOfSummary(input));
    const file = join(ARTIFACTS, `summary-${lang}.pdf`);
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, file.replace(/\.pdf$/, '')]);
    files.set(lang, file);
  }
  // One JVM for all eight files.
  preflight = preflightMany([...files.values()], bench.work);
}, 240_000);

afterAll(() => bench.dispose());

describe.each(BUILTIN_LANGUAGES.map((lang) => ({ lang })))('signed summary with $lang labels', ({ lang }) => {
  const file = () => files.get(lang) ?? '';

  it('PDF/A-1b by PDFBox Preflight', () => {
    const result = preflight.get(`summary-${lang}.pdf`);
    expect(result?.errors).toEqual(ARCHIVE_EXPECTATION.preflightErrors);
    expect(result?.isValid).toBe(ARCHIVE_EXPECTATION.pdfA1b);
  });

  it('PAdES B-B: pdfsig valid, trusted, whole document; OpenSSL verifies the CMS', () => {
    const sig = bench.pdfsig(file());
    expect(sig, sig.report).toMatchObject(ARCHIVE_EXPECTATION.pdfsig);
    const cms = bench.cms(readFileSync(file()));
    expect(cmsSummary(cms), cms.report).toEqual(ARCHIVE_EXPECTATION.cms);
  });

  it('every drawn glyph has a real outline in its embedded subset', () => {
    const report = checkGlyphs(file(), bench.work);
    expect(report.errors).toEqual([]);
    expect(report.glyphs).toBeGreaterThan(100);
  });

  it("the text layer reads the language's own labels and the client's name", () => {
    const text = textOf(file());
    const labels = summaryLabels(lang);
    for (const label of [labels.documentTitle, labels.answers, labels.signature]) expect(reads(text, label), label).toBe(true);
    expect(reads(text.replace(/\s+/g, ' '), buildSummaryModel(inputFor(lang)).client.name)).toBe(true);
  });
});
