/**
 * Clients' names in every script the kiosk supports, signed into a summary and checked
 * with tools independent of ours: pdfsig (valid, trusted), pdftotext (the exact logical
 * string), mupdf + fontTools (every glyph drawn has its real outline in the embedded
 * subset), mutool draw (no font errors), PDFBox Preflight (no PDF/A-1b font errors).
 * Page 1 of each lands in artifacts/pdf-scripts/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateScreening } from '../../forms/engine/index.ts';
import { buildSummaryModel, createSignedSummary, type SummaryInput } from './index.ts';
import { CASES, FIXTURE_FORM, requestOfSummary } from './test-fixtures.ts';
import { ARTIFACTS_ROOT, checkGlyphs, createSigningBench, mutoolDrawMessages, preflightMany, type PreflightManyResult, type SigningBench } from './test-tools.ts';
import { ARCHIVE_EXPECTATION, cmsSummary } from './testing/pdf-checks.ts';

const ARTIFACTS = join(ARTIFACTS_ROOT, 'pdf-scripts');
const CREATED = new Date(2026, 10, 21, 14, 32);
const clock = { now: () => new Date(2026, 10, 21, 14, 32, 30) };
const base = CASES[0]?.answers ?? {};

interface ScriptCase {
  readonly label: string;
  readonly first: string;
  readonly last: string;
  readonly language?: string;
  /** A font (PostScript name part) the PDF must embed for this name. */
  readonly font: string;
  /** Free text in the same script, to wrap across lines. */
  readonly story?: string;
  /** What the page shows for a character no font has; the text layer still reads the character. */
  readonly placeholder?: string;
  /** Right-to-left and left-to-right words in one name. */
  readonly isMixedDirection?: boolean;
}

const SCRIPT_CASES: readonly ScriptCase[] = [
  { label: 'Latin with Vietnamese and a Han surname', first: 'Zoë', last: 'Nguyễn-王', font: 'NotoSansSC' },
  { label: 'Latin with stacked diacritics', first: 'Q\u0323\u0302uốc', last: 'Ǻsa Ḑürr', font: 'DejaVuSans' },
  { label: 'Greek', first: 'Νίκος', last: 'Παπαδόπουλος', font: 'DejaVuSans' },
  { label: 'Cyrillic', first: 'Дмитрий', last: 'Иванов-Щукин', font: 'DejaVuSans' },
  { label: 'Simplified Chinese', first: '小明', last: '王', language: 'zh', font: 'NotoSansSC', story: '我搬家以后腰一直很疼，早上起床的时候更严重，热敷以后会好一点。' },
  { label: 'Traditional Chinese', first: '雅婷', last: '陳', language: 'zh-TW', font: 'NotoSansTC' },
  { label: 'Traditional-only characters on an English form', first: '鈺綸', last: '龔', font: 'NotoSansTC' },
  { label: 'Japanese kanji', first: '花子', last: '佐藤', language: 'ja', font: 'NotoSansJP' },
  { label: 'Japanese kana', first: 'さくら', last: 'ヤマダ', font: 'NotoSansJP' },
  { label: 'Korean Hangul', first: '민준', last: '김', font: 'NotoSansKR' },
  { label: 'Arabic', first: 'محمد', last: 'الأحمد', font: 'NotoSansArabic', story: 'بدأ الألم في أسفل الظهر بعد أن نقلت الأثاث، ويزداد في الصباح.' },
  { label: 'Persian', first: 'راهول', last: 'پژمان', font: 'NotoSansArabic' },
  { label: 'Urdu', first: 'ٹیپو', last: 'سلطان', font: 'NotoSansArabic' },
  { label: 'Hebrew', first: 'שרה', last: 'כהן', font: 'NotoSansHebrew' },
  { label: 'Devanagari', first: 'राहुल', last: 'शर्मा', font: 'NotoSansDevanagari', story: 'घर बदलने के बाद से मेरी कमर में दर्द है, सुबह ज़्यादा होता है।' },
  { label: 'Thai', first: 'สมชาย', last: 'ใจดี', font: 'NotoSansThai', story: 'ปวดหลังตั้งแต่ย้ายบ้านและปวดมากขึ้นในตอนเช้าทุกวัน' },
  { label: 'emoji in a Latin name', first: 'Ana 🌸', last: 'Silva', font: 'NotoEmoji' },
  { label: 'a character no bundled font has', first: 'Ana 𓀀', last: 'Silva', font: 'DejaVuSans', placeholder: '[U+13000]' },
  { label: 'right-to-left inside left-to-right', first: 'Sara', last: 'שרה Levi 2', font: 'NotoSansHebrew', isMixedDirection: true },
];

let bench: SigningBench;
const files = new Map<string, string>();
let preflightResults: Map<string, PreflightManyResult>;

const slugOf = (label: string) => label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
/**
 * pdftotext's text of page 1. For right-to-left words it adds directional embedding
 * marks (U+202A-U+202E) around them; they are its presentation, not the document's text.
 */
const pageOneText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');

function inputFor(c: ScriptCase): SummaryInput {
  const answers = { ...base, first_name: c.first, last_name: c.last, ...(c.story ? { pain_story: c.story } : {}) };
  const flags = evaluateScreening(FIXTURE_FORM, answers, CREATED);
  return { form: FIXTURE_FORM, answers, flags, language: c.language ?? 'en', submissionId: `sub-${slugOf(c.label)}`, createdAt: CREATED, clinicName: 'Harbour Massage Clinic', clinicAddress: '12 Quay Street' };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  bench = await createSigningBench();
  for (const c of SCRIPT_CASES) {
    const input = inputFor(c);
    const { pdf } = await createSignedSummary(input, bench.identity, clock, requestOfSummary(input));
    const file = join(ARTIFACTS, `${slugOf(c.label)}.pdf`);
    writeFileSync(file, pdf);
    files.set(c.label, file);
  }
  preflightResults = preflightMany([...files.values()], bench.work);
}, 180_000);

afterAll(() => bench.dispose());

describe.each(SCRIPT_CASES)('name in $label', (c) => {
  const file = () => files.get(c.label) ?? '';

  it('pdfsig: valid, trusted, whole document signed, PAdES', () => {
    const sig = bench.pdfsig(file());
    expect(sig, sig.report).toMatchObject(ARCHIVE_EXPECTATION.pdfsig);
  });

  it('OpenSSL verifies the CMS: SHA-256, ESS signing-certificate-v2, no signingTime, no padding', () => {
    const cms = bench.cms(readFileSync(file()));
    expect(cmsSummary(cms), cms.report).toEqual(ARCHIVE_EXPECTATION.cms);
  });

  it('pdftotext reads the exact name, in logical order, on page 1', () => {
    const name = buildSummaryModel(inputFor(c)).client.name;
    expect(name).toBe(`${c.first} ${c.last}`.normalize('NFC'));
    const lines = pageOneText(file()).split('\n').map((l) => l.trim());
    if (c.isMixedDirection) {
      // poppler reorders a right-to-left stretch with the neutral characters after it
      // (reorderText in TextOutputDev.cc), so a space at a direction boundary moves; the
      // letters themselves come out in reading order.
      expect(lines.map((l) => l.replace(/\s+/g, ''))).toContain(name.replace(/\s+/g, ''));
    } else {
      // The name heading is a line of its own; the "Last name" row holds the answer exactly.
      expect(lines).toContain(name);
      expect(lines.some((l) => l.includes(c.last.normalize('NFC')))).toBe(true);
    }
  });

  it.runIf(c.story !== undefined)('pdftotext reads the wrapped free text word for word', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file(), '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '').replace(/\s+/g, '');
    // Words, without the punctuation poppler's reordering may move (see above).
    for (const word of (c.story ?? '').split(/[\s،,.。，]+/).filter(Boolean)) expect(text).toContain(word);
  });

  it('every drawn glyph has its real, non-empty outline in the embedded subset (fontTools)', () => {
    const report = checkGlyphs(file(), bench.work);
    expect(report.errors).toEqual([]);
    expect(report.glyphs).toBeGreaterThan(50);
    expect(report.fonts.some((f) => f.includes(c.font))).toBe(true);
  });

  it.runIf(c.placeholder !== undefined)('a character no font has is drawn as a visible code-point placeholder', () => {
    // mupdf's trace lists each drawn glyph with its ToUnicode text: the placeholder's glyphs spell it out.
    const drawn = [...execFileSync('mutool', ['trace', file(), '1'], { encoding: 'utf8' }).matchAll(/<g unicode="([^"]*)" glyph=/g)].map((m) => m[1]).join('');
    expect(drawn).toContain(c.placeholder);
  });

  it('mutool draw renders every page without a font or glyph error', () => {
    expect(mutoolDrawMessages(file())).toEqual([]);
  });

  it('PDFBox Preflight: a valid PDF/A-1b file, no error at all', () => {
    const result = preflightResults.get(`${slugOf(c.label)}.pdf`);
    expect(result, 'preflight ran').toBeDefined();
    expect(result?.errors).toEqual([]);
    expect(result?.isValid).toBe(true);
  });

  it('page 1 renders to a PNG in artifacts/pdf-scripts/', () => {
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file(), join(ARTIFACTS, slugOf(c.label))]);
  });
});

describe('fonts embedded', () => {
  it.each([
    { label: 'a Latin-only summary embeds DejaVu only', name: 'Greek', absent: ['Noto'] },
    { label: 'an Arabic summary adds Noto Sans Arabic and no CJK font', name: 'Arabic', absent: ['NotoSansSC', 'NotoSansJP', 'NotoSansKR', 'NotoSansTC', 'NotoEmoji'] },
    { label: 'a Korean summary adds Noto Sans KR only', name: 'Korean Hangul', absent: ['NotoSansSC', 'NotoSansJP', 'NotoSansTC', 'NotoSansArabic'] },
  ])('$label', ({ name, absent }) => {
    const fonts = execFileSync('pdffonts', [files.get(name) ?? ''], { encoding: 'utf8' });
    for (const font of absent) expect(fonts).not.toContain(font);
    // Every font is an embedded subset with a ToUnicode map: the emb, sub and uni columns all say yes.
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});

describe('bold headings and names in every script', () => {
  it.each([
    { name: 'Arabic', font: 'NotoSansArabic-Bold' },
    { name: 'Hebrew', font: 'NotoSansHebrew-Bold' },
    { name: 'Devanagari', font: 'NotoSansDevanagari-Bold' },
    { name: 'Thai', font: 'NotoSansThai-Bold' },
    { name: 'Greek', font: 'DejaVuSans-Bold' },
  ])('$name: the name heading is drawn with $font', ({ name, font }) => {
    expect(execFileSync('pdffonts', [files.get(name) ?? ''], { encoding: 'utf8' })).toContain(`+${font} `);
  });

  it.each([
    { name: 'Simplified Chinese', char: '王' },
    { name: 'Korean Hangul', char: '김' },
    { name: 'Japanese kana', char: 'ヤ' },
  ])('$name: a font with one weight is emboldened (filled and stroked), only where the text is bold', ({ name, char }) => {
    const trace = execFileSync('mutool', ['trace', files.get(name) ?? '', '1'], { encoding: 'utf8' });
    const stroked = [...trace.matchAll(/<stroke_text[\s\S]*?<\/stroke_text>/g)].map((m) => m[0]);
    // The name heading (bold) is stroked; the "Last name" answer row (regular) holds the same character unstroked.
    expect(stroked.some((block) => block.includes(`unicode="${char}"`))).toBe(true);
    const filled = [...trace.matchAll(/<fill_text[\s\S]*?<\/fill_text>/g)].map((m) => m[0]).filter((block) => block.includes(`unicode="${char}"`));
    expect(filled.length).toBeGreaterThan(stroked.filter((block) => block.includes(`unicode="${char}"`)).length);
    // Fonts with a real bold face are never stroked.
    expect(stroked.every((block) => !/font="[A-Z]+\+DejaVu/.test(block))).toBe(true);
  });
});
