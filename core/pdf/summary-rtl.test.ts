/**
 * An Arabic summary reads right to left: headings, labels and values start at the right
 * margin, the two-column parts are mirrored (the key facts left of the body map, the
 * answers left of the questions), and the body map is the same drawing, never mirrored. Checked on the page
 * poppler lays out (pdftotext -bbox: word boxes in page coordinates, y down).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { evaluateScreening } from '../../forms/engine/index.ts';
import { buildSummaryModel, renderSummaryPdf } from './index.ts';
import { MARGIN, PAGE } from './layout.ts';
import { DEFAULT_FORM_ANSWERS } from './test-fixtures.ts';
import { preflight } from './testing/pdf-checks.ts';
import { ARTIFACTS_ROOT, checkGlyphs, mutoolDrawMessages } from './test-tools.ts';

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

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const lang of ['en', 'ar']) {
    const form = { ...DEFAULT_INTAKE_FORM, defaultLanguage: lang };
    const answers = { ...DEFAULT_FORM_ANSWERS, first_name: lang === 'ar' ? 'محمد' : 'Ana', last_name: lang === 'ar' ? 'الأحمد' : 'Ríos' };
    const model = buildSummaryModel({ form, answers, flags: evaluateScreening(form, answers, CREATED), language: lang, submissionId: `sub-${lang}`, createdAt: CREATED, clinicName: 'Harbour Clinic' });
    const file = join(ARTIFACTS, `summary-${lang}.pdf`);
    writeFileSync(file, await renderSummaryPdf(model));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, file.replace(/\.pdf$/, '')]);
    files.set(lang, file);
  }
}, 60_000);

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

describe('the Arabic summary file', () => {
  it('is valid PDF/A-1b, and every glyph it draws (bold ones too) has its real outline', () => {
    const file = files.get('ar') ?? '';
    const work = mkdtempSync(join(tmpdir(), 'kiosk-rtl-'));
    try {
      expect(checkGlyphs(file, work).errors).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    expect(mutoolDrawMessages(file)).toEqual([]);
    const result = preflight(file);
    expect(result.errors, result.report).toEqual([]);
    expect(result.isValid).toBe(true);
  });
});
