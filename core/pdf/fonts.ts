/**
 * Fonts for the summary: DejaVu Sans (Latin, Greek, Cyrillic, Vietnamese...) with Noto
 * Sans SC as a fallback for Han characters, both open-licensed, embedded as subsets.
 * pdf-lib's standard fonts only know WinAnsi, so "Zoë Łukasz-Nguyễn 王" needs these.
 *
 * Text is split into runs by glyph coverage; the CJK font (1.6 MB, slow to subset) is
 * only embedded into documents that actually contain a character only it covers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit, { type Font, type Glyph, type GlyphRun } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export type FontWeight = 'regular' | 'bold';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  // Fontsource's one-file simplified-Chinese subset (TrueType outlines in WOFF, which fontkit reads).
  cjk: '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
} as const;

type FontKey = keyof typeof FONT_FILES;

interface LoadedFont {
  readonly bytes: Uint8Array;
  /** Parsed once per process and shared by every document (see unshapedFace). */
  readonly face: Font;
  readonly hasGlyph: (codePoint: number) => boolean;
}

const loaded = new Map<FontKey, LoadedFont>();

function load(key: FontKey): LoadedFont {
  const cached = loaded.get(key);
  if (cached) return cached;
  const bytes = readFileSync(require.resolve(FONT_FILES[key]));
  const face = fontkit.create(bytes);
  const coverage = new Map<number, boolean>();
  const font: LoadedFont = {
    bytes,
    face: unshapedFace(face),
    hasGlyph: (cp) => {
      let has = coverage.get(cp);
      if (has === undefined) {
        has = face.hasGlyphForCodePoint(cp);
        coverage.set(cp, has);
      }
      return has;
    },
  };
  loaded.set(key, font);
  return font;
}

/**
 * The parsed font with `layout` replaced by a plain character-to-glyph mapping.
 * pdf-lib calls layout() for every string it measures or draws, and fontkit's full
 * OpenType shaping (GSUB/GPOS) was most of the time spent on a summary. pdf-lib draws
 * glyph ids without kerning offsets anyway; what we give up is ligatures and mark
 * positioning, so text is NFC-normalised first (precomposed "ễ" is one glyph).
 */
function unshapedFace(face: Font): Font {
  const glyphs = new Map<number, Glyph>();
  const glyphFor = (cp: number): Glyph => {
    let glyph = glyphs.get(cp);
    if (!glyph) {
      glyph = face.glyphForCodePoint(cp);
      glyphs.set(cp, glyph);
    }
    return glyph;
  };
  const layout = (text: string): Pick<GlyphRun, 'glyphs'> => ({
    glyphs: [...text.normalize('NFC')].map((ch) => glyphFor(ch.codePointAt(0) ?? 0)),
  });
  return new Proxy(face, {
    get(target, property) {
      if (property === 'layout') return layout;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Hands pdf-lib our already-parsed faces instead of parsing the bytes again per document. */
const sharedFontkit = {
  create(bytes: Uint8Array): Font {
    for (const font of loaded.values()) if (font.bytes === bytes) return font.face;
    return fontkit.create(bytes);
  },
};

/** One stretch of text drawn with one font. */
export interface TextRun {
  readonly text: string;
  readonly font: PDFFont;
}

/** The fonts of one document, embedded on first use. */
export interface FontSet {
  /** Splits `text` into runs, each in the first font that has its glyphs. */
  runs(text: string, weight: FontWeight): TextRun[];
  widthOf(text: string, weight: FontWeight, size: number): number;
}

/** Reads and parses the font files now, so the first summary is not slower than the rest. */
export function preloadFonts(): void {
  load('regular');
  load('bold');
  load('cjk');
}

export async function createFontSet(doc: PDFDocument, texts: readonly string[]): Promise<FontSet> {
  doc.registerFontkit(sharedFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const regular = load('regular');
  const cjk = load('cjk');
  const needsCjk = texts.some((t) => [...t].some((ch) => needsFallback(regular, cjk, ch.codePointAt(0) ?? 0)));
  const embedded: Record<FontWeight, PDFFont> = {
    regular: await doc.embedFont(regular.bytes, { subset: true }),
    bold: await doc.embedFont(load('bold').bytes, { subset: true }),
  };
  // There is no bold CJK face here; Han characters in headings use the regular weight.
  const fallback = needsCjk ? await doc.embedFont(cjk.bytes, { subset: true }) : null;

  function runs(raw: string, weight: FontWeight): TextRun[] {
    const text = raw.normalize('NFC');
    const primary = embedded[weight];
    if (!fallback) return text === '' ? [] : [{ text, font: primary }];
    const out: TextRun[] = [];
    let current = '';
    let currentFont = primary;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      // Spaces and punctuation both fonts have stay in the current run.
      const font = needsFallback(regular, cjk, cp) ? fallback : regular.hasGlyph(cp) ? primary : currentFont;
      if (font !== currentFont && current !== '') {
        out.push({ text: current, font: currentFont });
        current = '';
      }
      currentFont = font;
      current += ch;
    }
    if (current !== '') out.push({ text: current, font: currentFont });
    return out;
  }

  // pdf-lib measures by shaping the whole string with fontkit, which is slow when wrapping
  // tries many candidates; summing cached advances is exact here because drawText emits
  // plain glyph ids without kerning adjustments either.
  const advances = new Map<PDFFont, Map<string, number>>();
  function advance(font: PDFFont, ch: string): number {
    let table = advances.get(font);
    if (!table) {
      table = new Map();
      advances.set(font, table);
    }
    let width = table.get(ch);
    if (width === undefined) {
      width = font.widthOfTextAtSize(ch, 1);
      table.set(ch, width);
    }
    return width;
  }

  return {
    runs,
    widthOf: (text, weight, size) => {
      let total = 0;
      for (const run of runs(text, weight)) for (const ch of run.text) total += advance(run.font, ch);
      return total * size;
    },
  };
}

function needsFallback(primary: LoadedFont, fallback: LoadedFont, cp: number): boolean {
  return !primary.hasGlyph(cp) && fallback.hasGlyph(cp);
}
