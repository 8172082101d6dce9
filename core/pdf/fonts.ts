/**
 * The text engine of one summary document: shaping (HarfBuzz), bidi, a font fallback
 * chain by script, glyph-id drawing with ToUnicode and /ActualText, and subset fonts
 * embedded on finish(). Modules in text/; this is what layout and render use.
 *
 * Shaped lines are cached per document only: a process-wide cache would keep clients'
 * names in memory after their summary is signed.
 */
import type { PDFDocument, PDFPage, RGB } from 'pdf-lib';
import { FONT_FILES, FONT_KEYS, loadFace, parseCount, type FontKey } from './text/faces.ts';
import { DocumentFonts } from './text/embed.ts';
import { drawShapedLine } from './text/draw-text.ts';
import { hanPreferenceOf, type FontWeight, type HanPreference } from './text/font-choice.ts';
import { SHAPING_WASM } from './text/harfbuzz.ts';
import { shapeLine, type ShapedLine } from './text/shape.ts';
import { prepareForSubsetting, preparedCount, SUBSET_WASM } from './text/subset.ts';

export { FONT_FILES };

/** Every file under node_modules the PDF reads at run time: the package ships exactly these (and their licences). */
export const RUNTIME_FILES: readonly string[] = [...Object.values(FONT_FILES), SHAPING_WASM, SUBSET_WASM];
export { codePointLabel, undrawableCodePoints, placeholderFor } from './text/font-choice.ts';
export type { FontWeight };

/** The fonts of one document, embedded (as subsets) for what was drawn. */
export interface FontSet {
  widthOf(text: string, weight: FontWeight, size: number): number;
  /** Draws one line (no line breaks) with its left end at x and baseline at y. */
  draw(page: PDFPage, text: string, x: number, y: number, style: { readonly size: number; readonly weight: FontWeight; readonly color: RGB }): void;
  /** Code points drawn as "[U+XXXX]" placeholders so far. */
  readonly missing: ReadonlySet<number>;
  /** Writes the embedded fonts; call once, after the last text is drawn and before saving. */
  finish(): void;
}

function hanPreferenceForLanguage(language: string): HanPreference | null {
  if (/^ja\b/i.test(language)) return 'japanese';
  if (/^ko\b/i.test(language)) return 'korean';
  if (/^zh-(hant|tw|hk|mo)\b/i.test(language)) return 'chineseTraditional';
  return null;
}

/** Fonts read and parsed, plus fonts hb-subset preprocessed, so far in this process: the work preloading moves to start-up. */
export function fontParseCount(): number {
  return parseCount() + preparedCount();
}

function preloadFace(key: FontKey): void {
  prepareForSubsetting(loadFace(key).sfnt);
}

/**
 * Reads and parses the Latin fonts and compiles HarfBuzz now, so the first summary is not
 * slower than the rest; `all` does it for every script's font (~20 MB more in memory).
 */
export function preloadFonts(all = false): void {
  for (const key of all ? FONT_KEYS : (['latin', 'latinBold'] as const)) preloadFace(key);
}

/** A preload running in the background: `done` settles when every font is ready or it was stopped. */
export interface FontPreload {
  readonly done: Promise<void>;
  /** Stops after the font being parsed (the core closing); later summaries parse what is left when needed. */
  stop(): void;
}

/**
 * What the core starts with: every bundled font (Latin first, then each script's) read,
 * parsed and prepared for subsetting, one font per turn of the event loop so calls that
 * come in meanwhile are answered between fonts. The first client's summary, in any
 * script, then parses nothing. A font that fails to load is left for the summary that
 * needs it, which reports the error where a person sees it.
 */
export function preloadFontsInBackground(): FontPreload {
  let isStopped = false;
  const done = (async () => {
    for (const key of FONT_KEYS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (isStopped) return;
      try {
        preloadFace(key);
      } catch {
        // Left for the summary that needs it (see above).
      }
    }
  })();
  return {
    done,
    stop: () => {
      isStopped = true;
    },
  };
}

/**
 * `texts` is everything the document will draw, to choose Han glyph forms once for the
 * whole document (Japanese when it has kana, Korean when Hangul); `language` is the
 * client's language, which decides them for kanji-only Japanese names.
 */
export function createFontSet(doc: PDFDocument, texts: readonly string[], language = ''): Promise<FontSet> {
  const han: HanPreference = hanPreferenceForLanguage(language) ?? hanPreferenceOf(texts.join('\n'));
  const embedded = new DocumentFonts(doc);
  const shaped = new Map<string, ShapedLine>();
  const missing = new Set<number>();
  const shape = (text: string, weight: FontWeight): ShapedLine => {
    const key = `${weight}\u0000${text}`;
    let line = shaped.get(key);
    if (!line) {
      line = shapeLine(text, weight, han);
      shaped.set(key, line);
    }
    return line;
  };
  return Promise.resolve({
    widthOf: (text, weight, size) => shape(text, weight).width * size,
    draw: (page, text, x, y, style) => {
      const line = shape(text, style.weight);
      for (const cp of line.missing) missing.add(cp);
      drawShapedLine(page, embedded, line, x, y, style);
    },
    missing,
    finish: () => embedded.finish(),
  });
}
