/**
 * The bundled fonts, read and parsed once per process: DejaVu Sans for Latin (with
 * Vietnamese and stacked diacritics), Greek, Cyrillic and Hebrew, and Noto fonts from
 * Fontsource for the scripts DejaVu lacks. All open-licensed (Bitstream Vera / OFL).
 * Fontsource ships WOFF only; it is decoded to sfnt for HarfBuzz (woff.ts).
 * `parseCount` counts the faces parsed, so a test can tell that preloading did the work.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HbFont } from './harfbuzz.ts';
import { toSfnt } from './woff.ts';

const require = createRequire(import.meta.url);

/**
 * Each font file the PDF may embed, by key; the package ships exactly these (electron-builder.yml).
 * Real bold (Fontsource's 700 files, same glyph set and cmap as the 400 ones) for DejaVu and the
 * small script fonts; the CJK and emoji fonts have one weight here (their 700 files would add
 * 5.2 MB to the package) and are emboldened when drawn (draw-text.ts).
 */
export const FONT_FILES = {
  latin: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  latinBold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  arabic: '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff',
  arabicBold: '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff',
  hebrew: '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff',
  hebrewBold: '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff',
  devanagari: '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff',
  devanagariBold: '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff',
  thai: '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff',
  thaiBold: '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff',
  chineseSimplified: '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
  chineseTraditional: '@fontsource/noto-sans-tc/files/noto-sans-tc-chinese-traditional-400-normal.woff',
  japanese: '@fontsource/noto-sans-jp/files/noto-sans-jp-japanese-400-normal.woff',
  korean: '@fontsource/noto-sans-kr/files/noto-sans-kr-korean-400-normal.woff',
  // Monochrome outlines (glyf), so emoji print in the text colour like any other glyph.
  emoji: '@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff',
} as const;

export type FontKey = keyof typeof FONT_FILES;

export const FONT_KEYS = Object.keys(FONT_FILES) as FontKey[];

/** One parsed font: the HarfBuzz face for shaping and the sfnt bytes for subsetting. */
export interface Face {
  readonly key: FontKey;
  readonly sfnt: Uint8Array;
  readonly font: HbFont;
  readonly upem: number;
  /** PostScript name, for /BaseFont. */
  readonly postscriptName: string;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  /** head.xMin, yMin, xMax, yMax in font units. */
  readonly bbox: readonly [number, number, number, number];
  readonly hasGlyph: (codePoint: number) => boolean;
  /** Horizontal advance in font units (the hmtx value the PDF's /W must repeat). */
  readonly advance: (glyphId: number) => number;
}

const faces = new Map<FontKey, Face>();
let parsed = 0;

/** How many font files this process has read and parsed so far (each at most once). */
export function parseCount(): number {
  return parsed;
}

export function loadFace(key: FontKey): Face {
  const cached = faces.get(key);
  if (cached) return cached;
  parsed += 1;
  const sfnt = toSfnt(readFileSync(require.resolve(FONT_FILES[key])));
  const font = new HbFont(sfnt);
  const head = font.table('head');
  if (!head || head.byteLength < 44) throw new Error(`font ${key} has no head table`);
  const headView = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const bbox = [headView.getInt16(36), headView.getInt16(38), headView.getInt16(40), headView.getInt16(42)] as const;
  const extents = font.extents();
  const coverage = new Map<number, boolean>();
  const advances = new Map<number, number>();
  const face: Face = {
    key,
    sfnt,
    font,
    upem: font.upem,
    postscriptName: postscriptNameOf(font, key),
    ascent: extents.ascender,
    descent: extents.descender,
    capHeight: font.capHeight(),
    bbox,
    hasGlyph: (cp) => {
      let has = coverage.get(cp);
      if (has === undefined) {
        has = font.nominalGlyph(cp) !== undefined;
        coverage.set(cp, has);
      }
      return has;
    },
    advance: (gid) => {
      let width = advances.get(gid);
      if (width === undefined) {
        width = font.advance(gid);
        advances.set(gid, width);
      }
      return width;
    },
  };
  faces.set(key, face);
  return face;
}

function postscriptNameOf(font: HbFont, key: FontKey): string {
  const name = font.name(6).replace(/[^A-Za-z0-9-]/g, '');
  return name === '' ? key : name;
}
