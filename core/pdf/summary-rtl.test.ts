/**
 * An Arabic summary reads right to left: headings, labels and values start at the right
 * margin, the two-column parts are mirrored (the key facts left of the body map, the
 * answers left of the questions), and the body map is the same drawing, never mirrored. Checked on the page
 * poppler lays out (pdftotext -bbox: word boxes in page coordinates, y down).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { evaluateScreening } from '../../forms/engine/index.ts';
import { createSignedSummary } from './index.ts';
import { MARGIN, PAGE } from './layout.ts';
import { DEFAULT_FORM_ANSWERS, requestOfSummary } from './test-fixtures.ts';
import { ARCHIVE_EXPECTATION, archiveChecks } from './testing/pdf-checks.ts';
import { ARTIFACTS_ROOT, checkGlyphs, createSigningBench, mutoolDrawMessages, type SigningBench } from './test-tools.ts';

const ARTIFACTS = join(ARTIFACTS_ROOT, 'pdf-languages');
const CREATED = new Date(2026, 10, 21, 14, 32);

interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
}

/** Page 1's words below the running header (which repeats the clinic and client names). */
function pageOneWords(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', '-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[4] ?? '',
  })).filter((w) => w.yMin > 45);
}

/** The first word box holding `text`, read either way: poppler gives a right-to-left word's letters in page order. */
function find(words: readonly Word[], text: string): Word {
  const reversed = [...text].reverse().join('');
  const word = words.find((w) => w.text.includes(text) || w.text.includes(reversed));
  if (!word) throw new Error(`"${text}" is not on page 1: ${words.map((w) => w.text).join(' ')}`);
  return word;
}

const files = new Map<string, string>();
let bench: SigningBench;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  bench = await createSigningBench();
  for (const lang of ['en', 'ar']) {
    const form = { ...DEFAULT_INTAKE_FORM, defaultLanguage: lang };
    const answers = { ...DEFAULT_FORM_ANSWERS, first_name: lang === 'ar' ? 'محمد' : 'Ana', last_name: lang === 'ar' ? 'الأحمد' : 'Ríos' };
    const input = { form, answers, flags: evaluateScreening(form, answers, CREATED), language: lang, submissionId: `sub-${lang}`, createdAt: CREATED, clinicName: 'Harbour Clinic' };
    const file = join(ARTIFACTS, `summary-${lang}.pdf`);
    // Signed like every summary, so the archive checks below see what a clinic keeps.
    writeFileSync(file, (await createSignedSummary(input, bench.identity, { now: () => CREATED }, requestOfSummary(input))).pdf);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, file.replace(/\.pdf$/, '')]);
    files.set(lang, file);
  }
}, 60_000);

afterAll(() => bench.dispose());

const START = MARGIN.left;
const END = PAGE.width - MARGIN.right;
const near = (a: number, b: number) => Math.abs(a - b) < 1;

describe.each([
  { lang: 'en', title: 'Client', name: 'Ana', bodyMap: 'Where', keyFacts: 'Pain', front: 'Front', back: 'Back', question: 'First', answer: 'Ríos', isRtl: false },
  { lang: 'ar', title: 'ملخص', name: 'محمد', bodyMap: 'مكان', keyFacts: 'الألم', front: 'الأمام', back: 'الخلف', question: 'الأول', answer: 'الأحمد', isRtl: true },
])('summary with $lang labels', (c) => {
  let words: Word[];
  beforeAll(() => {
    words = pageOneWords(files.get(c.lang) ?? '');
  });
  const atStart = (w: Word) => (c.isRtl ? near(w.xMax, END) : near(w.xMin, START));
  const atEnd = (w: Word) => (c.isRtl ? near(w.xMin, START) : near(w.xMax, END));

  it('title and client name start at the reading edge; the clinic name sits at the other', () => {
    expect(atStart(find(words, c.title))).toBe(true);
    expect(atStart(find(words, c.name))).toBe(true);
    // The clinic's name is Latin: its last word ends at the right margin, or its first starts at the left.
    expect(atEnd(find(words, c.isRtl ? 'Harbour' : 'Clinic'))).toBe(true);
  });

  it('the body map comes first in reading order, the key facts beside it', () => {
    const map = find(words, c.bodyMap);
    const facts = find(words, c.keyFacts);
    expect(atStart(map)).toBe(true);
    expect(c.isRtl ? facts.xMax < map.xMin : facts.xMin > map.xMax).toBe(true);
  });

  it('the figures are never mirrored: front on the left, back on the right, on the reading side', () => {
    const front = find(words, c.front);
    const back = find(words, c.back);
    expect(front.xMax).toBeLessThan(back.xMin);
    expect(c.isRtl ? front.xMin > PAGE.width / 2 : back.xMax < PAGE.width / 2).toBe(true);
  });
});

describe.each([{ lang: 'en' }, { lang: 'ar' }])('the $lang summary file', ({ lang }) => {
  it('PDF/A-1b by Preflight and PAdES B-B by pdfsig and OpenSSL; every glyph it draws (bold ones too) has its real outline', () => {
    const file = files.get(lang) ?? '';
    expect(checkGlyphs(file, bench.work).errors).toEqual([]);
    expect(mutoolDrawMessages(file)).toEqual([]);
    const { summary, reports } = archiveChecks(file, bench.trust, join(bench.work, `checks-${lang}`));
    expect(summary, reports).toMatchObject(ARCHIVE_EXPECTATION);
  }, 120_000);
});
