/**
 * The text pipeline's parts, each against what a reader of the PDF would see: which font
 * draws a character, where lines may break, and the order runs are drawn in.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, loadFace, type FontKey } from './faces.ts';
import { BOLD_FACES, fontForChar, undrawableCodePoints, type HanPreference } from './font-choice.ts';
import { breakTokens } from './line-break.ts';
import { shapeLine } from './shape.ts';
import { toSfnt, WoffError } from './woff.ts';

const require = createRequire(import.meta.url);

describe('font for a character', () => {
  it.each<{ label: string; ch: string; han?: HanPreference; font: string | null }>([
    { label: 'Latin letter -> DejaVu', ch: 'Z', font: 'latin' },
    { label: 'Vietnamese precomposed -> DejaVu', ch: 'ễ', font: 'latin' },
    { label: 'Greek -> DejaVu', ch: 'λ', font: 'latin' },
    { label: 'Cyrillic -> DejaVu', ch: 'Щ', font: 'latin' },
    { label: 'Arabic -> Noto Sans Arabic', ch: 'م', font: 'arabic' },
    { label: 'Urdu letter -> Noto Sans Arabic', ch: 'ٹ', font: 'arabic' },
    { label: 'Hebrew -> Noto Sans Hebrew', ch: 'ש', font: 'hebrew' },
    { label: 'Devanagari -> Noto Sans Devanagari', ch: 'र', font: 'devanagari' },
    { label: 'Thai -> Noto Sans Thai', ch: 'ส', font: 'thai' },
    { label: 'Hangul -> Noto Sans KR', ch: '김', font: 'korean' },
    { label: 'kana -> Noto Sans JP', ch: 'さ', font: 'japanese' },
    { label: 'Han in a Chinese document -> Noto Sans SC', ch: '王', font: 'chineseSimplified' },
    { label: 'Han in a Japanese document -> Noto Sans JP', ch: '藤', han: 'japanese', font: 'japanese' },
    { label: 'Han only Traditional has -> Noto Sans TC', ch: '龔', font: 'chineseTraditional' },
    { label: 'emoji -> Noto Emoji', ch: '🌸', font: 'emoji' },
    { label: 'space follows its neighbours', ch: ' ', font: null },
    { label: 'digit follows its neighbours', ch: '7', font: null },
    { label: 'Egyptian hieroglyph -> no font', ch: '𓀀', font: 'missing' },
  ])('$label', ({ ch, han, font }) => {
    expect(fontForChar(ch, han ?? 'chineseSimplified')).toBe(font);
  });

  it.each([
    { label: 'every supported script -> nothing missing', text: 'Zoë Νίκος Дмитрий 王 龔 さくら 김 محمد שרה राहुल สมชาย 🌸', missing: [] },
    { label: 'a hieroglyph and a lone surrogate -> both reported, once each', text: 'a𓀀b𓀀\ud800', missing: [0x13000, 0xd800] },
  ])('undrawable: $label', ({ text, missing }) => {
    expect(undrawableCodePoints(text)).toEqual(missing);
  });
});

describe('line break opportunities', () => {
  it.each([
    { label: 'Latin breaks after spaces, punctuation stays with its word', text: 'Hello, world (again).', tokens: ['Hello, ', 'world ', '(again).'] },
    { label: 'Chinese breaks between characters, not before 。', text: '王小明是朋友。', tokens: ['王', '小', '明', '是', '朋', '友。'] },
    { label: 'Thai breaks between dictionary words', text: 'สมชายไปโรงเรียน', tokens: ['สมชาย', 'ไป', 'โรงเรียน'] },
    { label: 'Arabic breaks after spaces', text: 'محمد الأحمد', tokens: ['محمد ', 'الأحمد'] },
  ])('$label', ({ text, tokens }) => {
    expect(breakTokens(text)).toEqual(tokens);
  });
});

describe('shaped lines', () => {
  const runs = (text: string) => shapeLine(text, 'regular', 'chineseSimplified').runs.map((r) => ({ font: r.font, text: r.text, isRtl: r.isRtl }));

  it.each([
    { label: 'Latin with a Han surname -> two runs, left to right', text: 'Zoë Nguyễn-王', expected: [{ font: 'latin', text: 'Zoë Nguyễn-', isRtl: false }, { font: 'chineseSimplified', text: '王', isRtl: false }] },
    { label: 'an Arabic name -> one right-to-left run', text: 'محمد الأحمد', expected: [{ font: 'arabic', text: 'محمد الأحمد', isRtl: true }] },
    {
      label: 'Hebrew inside Latin -> the Hebrew run between the Latin ones',
      text: 'Sara שרה Levi',
      expected: [{ font: 'latin', text: 'Sara ', isRtl: false }, { font: 'hebrew', text: 'שרה', isRtl: true }, { font: 'hebrew', text: ' ', isRtl: false }, { font: 'latin', text: 'Levi', isRtl: false }],
    },
    {
      label: 'a number between Arabic words -> drawn between them, in DejaVu (the Arabic subset has no Latin digits)',
      text: 'غرفة 12 محمد',
      expected: [{ font: 'arabic', text: ' محمد', isRtl: true }, { font: 'latin', text: '12', isRtl: false }, { font: 'arabic', text: 'غرفة ', isRtl: true }],
    },
    { label: 'emoji, then the space after it in the text font', text: 'Ana 🌸 Silva', expected: [{ font: 'latin', text: 'Ana ', isRtl: false }, { font: 'emoji', text: '🌸', isRtl: false }, { font: 'latin', text: ' Silva', isRtl: false }] },
  ])('$label', ({ text, expected }) => {
    expect(runs(text)).toEqual(expected);
  });

  it('Arabic letters join: each takes its contextual form, not the isolated one', () => {
    const [run] = shapeLine('محمد', 'regular', 'chineseSimplified').runs;
    const isolated = shapeLine('م ح م د', 'regular', 'chineseSimplified').runs[0]?.glyphs.filter((g) => g.xAdvance > 0 && g.glyphId !== 3).map((g) => g.glyphId);
    expect(run?.glyphs.map((g) => g.glyphId)).not.toEqual(isolated);
  });

  it('a character no font has -> a [U+XXXX] placeholder run, reported missing', () => {
    const line = shapeLine('a𓀀', 'regular', 'chineseSimplified');
    expect(line.missing).toEqual([0x13000]);
    expect(line.runs[1]).toMatchObject({ font: 'latin', text: '𓀀', glyphText: '[U+13000]' });
    expect(line.runs[1]?.glyphs).toHaveLength('[U+13000]'.length);
  });
});

describe('bold', () => {
  it.each([
    { label: 'Latin -> DejaVu Sans Bold', text: 'Ana Ríos', font: 'latinBold', isSyntheticBold: false },
    { label: 'Arabic -> Noto Sans Arabic Bold', text: 'محمد الأحمد', font: 'arabicBold', isSyntheticBold: false },
    { label: 'Hebrew -> Noto Sans Hebrew Bold', text: 'שרה כהן', font: 'hebrewBold', isSyntheticBold: false },
    { label: 'Devanagari -> Noto Sans Devanagari Bold', text: 'राहुल शर्मा', font: 'devanagariBold', isSyntheticBold: false },
    { label: 'Thai -> Noto Sans Thai Bold', text: 'สมชาย', font: 'thaiBold', isSyntheticBold: false },
    { label: 'Chinese -> Noto Sans SC, emboldened', text: '王小明', font: 'chineseSimplified', isSyntheticBold: true },
    { label: 'Hangul -> Noto Sans KR, emboldened', text: '김민준', font: 'korean', isSyntheticBold: true },
    { label: 'emoji -> Noto Emoji, emboldened', text: '🌸', font: 'emoji', isSyntheticBold: true },
    // DejaVu Sans Bold lacks some letters the regular face has: the regular face, emboldened, rather than nothing.
    { label: 'a letter only DejaVu regular has -> DejaVu, emboldened', text: '\u{1d5a0}', font: 'latin', isSyntheticBold: true },
  ])('$label', ({ text, font, isSyntheticBold }) => {
    const runs = shapeLine(text, 'bold', 'chineseSimplified').runs;
    expect(runs.map((r) => ({ font: r.font, isSyntheticBold: r.isSyntheticBold }))).toEqual([{ font, isSyntheticBold }]);
    expect(runs[0]?.glyphs.every((g) => g.glyphId !== 0)).toBe(true);
  });

  it.each(Object.entries(BOLD_FACES).filter(([regular]) => regular !== 'latin'))('%s and its bold face draw the same characters', (regular, bold) => {
    const a = loadFace(regular as FontKey);
    const b = loadFace(bold);
    // These scripts' blocks are all below U+3000.
    const lacking = Array.from({ length: 0x3000 }, (_, cp) => cp).filter((cp) => a.hasGlyph(cp) && !b.hasGlyph(cp));
    expect(lacking).toEqual([]);
  });
});

describe('WOFF to sfnt', () => {
  it('decodes a Fontsource WOFF into an sfnt with the same tables', () => {
    const sfnt = toSfnt(readFileSync(require.resolve(FONT_FILES.hebrew)));
    const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
    expect(view.getUint32(0)).toBe(0x00010000);
    const tags = Array.from({ length: view.getUint16(4) }, (_, i) => String.fromCharCode(...sfnt.subarray(12 + i * 16, 16 + i * 16)));
    expect(tags).toEqual(expect.arrayContaining(['glyf', 'loca', 'cmap', 'GSUB', 'GPOS']));
  });

  it.each([
    { label: 'an sfnt passes through unchanged', bytes: readFileSync(require.resolve(FONT_FILES.latin)) },
  ])('$label', ({ bytes }) => {
    expect(toSfnt(bytes)).toBe(bytes);
  });

  it('a truncated WOFF is a WoffError, not a crash', () => {
    const woff = readFileSync(require.resolve(FONT_FILES.hebrew));
    expect(() => toSfnt(woff.subarray(0, 200))).toThrow(WoffError);
  });
});
