/**
 * Draws a shaped line as PDF text operators: each run in its font, glyph ids as 2-byte
 * codes in TJ arrays whose numbers carry HarfBuzz's advances and offsets (kerning, mark
 * positioning), vertical mark offsets as text rise. A run whose glyphs do not map one to
 * one, in order, onto its characters (right to left, ligatures, conjuncts, reordered
 * vowels, placeholders) is wrapped in a /Span with /ActualText, so text extraction reads
 * the logical string exactly.
 *
 * A synthetic-bold run (a bold run in a font with one weight: CJK, emoji) is drawn with
 * text render mode 2, fill then stroke, in the text colour with a line width of
 * SYNTHETIC_BOLD_STROKE em: each stem gets that much thicker, as a bold face's are, while
 * the glyphs, advances and text stay the regular face's. The graphics state is saved around
 * the line so the width and stroke colour do not leak into later drawing.
 */
import {
  beginText,
  endText,
  PDFArray,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  TextRenderingMode,
  setFontAndSize,
  setTextMatrix,
  setTextRise,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import { loadFace } from './faces.ts';
import { actualText, type DocumentFonts } from './embed.ts';
import type { ShapedLine, ShapedRun } from './shape.ts';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** True when each glyph is one character, in reading order, so ToUnicode alone gives the exact text. */
function mapsOneToOne(run: ShapedRun, fonts: DocumentFonts): boolean {
  if (run.isRtl || run.missing.length > 0) return false;
  const chars = [...run.text];
  if (chars.length !== run.glyphs.length) return false;
  let offset = 0;
  let isExact = true;
  run.glyphs.forEach((g, i) => {
    const ch = chars[i] ?? '';
    if (g.cluster !== offset || g.glyphId === 0) isExact = false;
    else if (!fonts.use(run.font, g.glyphId, ch)) isExact = false;
    offset += ch.length;
  });
  return isExact;
}

/**
 * Records what each glyph of a complex run reads as where one glyph is a whole cluster
 * (for copy and paste in viewers that ignore /ActualText; a placeholder's glyphs read as
 * the placeholder).
 */
function recordClusters(run: ShapedRun, fonts: DocumentFonts): void {
  const starts = [...new Set(run.glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
  const perCluster = new Map<number, number>();
  for (const g of run.glyphs) perCluster.set(g.cluster, (perCluster.get(g.cluster) ?? 0) + 1);
  for (const g of run.glyphs) {
    if (g.glyphId === 0) continue;
    const next = starts.find((s) => s > g.cluster) ?? run.glyphText.length;
    fonts.use(run.font, g.glyphId, perCluster.get(g.cluster) === 1 ? run.glyphText.slice(g.cluster, next) : null);
  }
}

/**
 * The /ActualText of a run. Text extractors (poppler's pdftotext, pdf.js) take what a page
 * shows as visual order and reorder right-to-left stretches into reading order
 * themselves, replacement text included; so a right-to-left run's text is given in the
 * order it appears on the page, and comes out of them in reading order.
 */
function spanText(run: ShapedRun): string {
  return run.isRtl ? [...run.text].reverse().join('') : run.text;
}

export interface DrawStyle {
  readonly size: number;
  readonly color: RGB;
}

/**
 * Stroke width of synthetic bold, in em: about what Noto Sans CJK's stems gain from Regular
 * to Bold (~35 units per 1,000).
 */
export const SYNTHETIC_BOLD_STROKE = 0.034;

/** Draws `line` with its left end at `x` and baseline at `y`. */
export function drawShapedLine(page: PDFPage, fonts: DocumentFonts, line: ShapedLine, x: number, y: number, style: DrawStyle): void {
  if (line.runs.length === 0) return;
  const { size } = style;
  const hasSyntheticBold = line.runs.some((r) => r.isSyntheticBold);
  const ops: PDFOperator[] = hasSyntheticBold
    ? [pushGraphicsState(), setStrokingColor(style.color), setLineWidth(round(size * SYNTHETIC_BOLD_STROKE)), beginText(), setFillingColor(style.color)]
    : [beginText(), setFillingColor(style.color)];
  let mode = TextRenderingMode.Fill;
  let cursor = x;
  for (const run of line.runs) {
    const runMode = run.isSyntheticBold ? TextRenderingMode.FillAndOutline : TextRenderingMode.Fill;
    if (runMode !== mode) {
      ops.push(setTextRenderingMode(runMode));
      mode = runMode;
    }
    const face = loadFace(run.font);
    const name = fonts.resourceName(page, run.font);
    const isExact = mapsOneToOne(run, fonts);
    if (!isExact) {
      recordClusters(run, fonts);
      // pdf-lib has no inline-dictionary operand type; the property list is written as text.
      ops.push(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), `<< /ActualText ${actualText(spanText(run)).toString()} >>`]));
    }
    ops.push(setFontAndSize(name, size), setTextMatrix(1, 0, 0, 1, cursor, y));
    const scale = 1000 / face.upem;
    let array = PDFArray.withContext(page.doc.context);
    let codes = '';
    let shift = 0; // thousandths of an em still to move right before the next glyph
    let rise = 0;
    const flushCodes = () => {
      if (codes !== '') array.push(PDFHexString.of(codes));
      codes = '';
    };
    const flushArray = () => {
      flushCodes();
      if (array.size() > 0) ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
      array = PDFArray.withContext(page.doc.context);
    };
    for (const g of run.glyphs) {
      if (g.glyphId === 0) {
        // .notdef is never drawn (PDF/A); HarfBuzz gives it only for invisible characters here.
        shift += g.xAdvance * scale;
        continue;
      }
      shift += g.xOffset * scale;
      const glyphRise = (g.yOffset * size) / face.upem;
      if (glyphRise !== rise) {
        flushArray();
        ops.push(setTextRise(round(glyphRise)));
        rise = glyphRise;
      }
      if (Math.abs(shift) > 0.005) {
        flushCodes();
        array.push(PDFNumber.of(round(-shift)));
      }
      codes += hex4(g.glyphId);
      fonts.use(run.font, g.glyphId, null);
      shift = (g.xAdvance - g.xOffset) * scale - fonts.width(run.font, g.glyphId);
    }
    flushArray();
    if (rise !== 0) ops.push(setTextRise(0));
    if (!isExact) ops.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    cursor += run.width * size;
  }
  ops.push(endText());
  if (hasSyntheticBold) ops.push(popGraphicsState());
  page.pushOperators(...ops);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
