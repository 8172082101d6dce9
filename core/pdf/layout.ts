/**
 * A tiny flow layout over pdf-lib: a cursor that moves down the page, wraps text to a
 * width and starts a new page when the next block does not fit. Headers and "page N
 * of M" are drawn after the flow, once M is known.
 *
 * Right to left: x positions given to the flow helpers (drawLineAt, drawLineEnd, boxX,
 * pointX, paragraph) are measured from the edge a line starts at: the left edge, or the
 * right edge in a right-to-left flow, whose text is right-aligned in mirrored columns.
 * The margins are equal, so a mirrored position is simply PAGE.width - x.
 */
import { rgb, type PDFDocument, type PDFPage, type RGB } from 'pdf-lib';
import type { FontSet, FontWeight } from './fonts.ts';
import { breakTokens } from './text/line-break.ts';

/** A4 in points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 42, right: 42, top: 58, bottom: 48 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.35, 0.35, 0.4);
export const RULE = rgb(0.75, 0.75, 0.78);

export interface TextStyle {
  readonly size: number;
  readonly weight?: FontWeight;
  readonly color?: RGB;
  /** Line height as a multiple of size. */
  readonly leading?: number;
}

/** Splits `text` into lines no wider than `maxWidth`; explicit newlines are kept. */
export function wrapText(fonts: FontSet, text: string, style: TextStyle, maxWidth: number): string[] {
  const weight = style.weight ?? 'regular';
  const width = (s: string) => fonts.widthOf(s, weight, style.size);
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    // Summed per token (each shaped once): breaks fall after spaces or between CJK
    // characters, where nothing joins or kerns across the break.
    let lineWidth = 0;
    for (const token of breakTokens(paragraph)) {
      if (line === '' || lineWidth + width(token.trimEnd()) <= maxWidth) {
        line += token;
        lineWidth += width(token);
        continue;
      }
      lines.push(line.trimEnd());
      line = token.trimStart();
      lineWidth = width(line);
    }
    lines.push(line.trimEnd());
  }
  return fixOverlongLines(lines, width, maxWidth);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A single token wider than the line (a long e-mail address, a URL) is cut between graphemes. */
function fixOverlongLines(lines: string[], width: (s: string) => number, maxWidth: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (width(line) <= maxWidth) {
      out.push(line);
      continue;
    }
    let rest = Array.from(graphemes.segment(line), (g) => g.segment);
    while (rest.length > 1 && width(rest.join('')) > maxWidth) {
      // The longest prefix that fits, by bisection: each width() shapes a new string.
      let fits = 1;
      let tooWide = rest.length;
      while (tooWide - fits > 1) {
        const mid = (fits + tooWide) >> 1;
        if (width(rest.slice(0, mid).join('')) <= maxWidth) fits = mid;
        else tooWide = mid;
      }
      out.push(rest.slice(0, fits).join(''));
      rest = rest.slice(fits);
    }
    out.push(rest.join(''));
  }
  return out;
}

export interface Flow {
  readonly doc: PDFDocument;
  readonly fonts: FontSet;
  readonly pages: PDFPage[];
  page: PDFPage;
  /** Baseline cursor: the top of the next block, in PDF coordinates (y grows upwards). */
  y: number;
  /** Laid out right to left: start positions count from the right edge. */
  readonly isRtl: boolean;
}

export function createFlow(doc: PDFDocument, fonts: FontSet, isRtl = false): Flow {
  const page = doc.addPage([PAGE.width, PAGE.height]);
  return { doc, fonts, pages: [page], page, y: PAGE.height - MARGIN.top, isRtl };
}

/** The page x of a point `x` from the start edge. */
export function pointX(flow: Pick<Flow, 'isRtl'>, x: number): number {
  return flow.isRtl ? PAGE.width - x : x;
}

/** The page x (left side) of a box `width` wide whose start side is `x` from the start edge. */
export function boxX(flow: Pick<Flow, 'isRtl'>, x: number, width: number): number {
  return flow.isRtl ? PAGE.width - x - width : x;
}

/** Draws one line starting at `x` from the start edge (left-aligned, or right-aligned right to left). */
export function drawLineAt(flow: Pick<Flow, 'isRtl' | 'fonts'>, page: PDFPage, text: string, x: number, y: number, style: TextStyle): void {
  const width = flow.isRtl ? flow.fonts.widthOf(text, style.weight ?? 'regular', style.size) : 0;
  drawLine(page, flow.fonts, text, boxX(flow, x, width), y, style);
}

/** Draws one line ending at `end` from the start edge (right-aligned, or left-aligned right to left). */
export function drawLineEnd(flow: Pick<Flow, 'isRtl' | 'fonts'>, page: PDFPage, text: string, end: number, y: number, style: TextStyle): void {
  if (flow.isRtl) drawLine(page, flow.fonts, text, PAGE.width - end, y, style);
  else drawLineRight(page, flow.fonts, text, end, y, style);
}

export function newPage(flow: Flow): void {
  flow.page = flow.doc.addPage([PAGE.width, PAGE.height]);
  flow.pages.push(flow.page);
  flow.y = PAGE.height - MARGIN.top;
}

/** Starts a new page unless `height` points fit below the cursor. */
export function ensureSpace(flow: Flow, height: number): void {
  if (flow.y - height < MARGIN.bottom) newPage(flow);
}

/** Draws one line of text with its baseline at `y` (shaped, in visual order, fonts chosen by script). */
export function drawLine(page: PDFPage, fonts: FontSet, text: string, x: number, y: number, style: TextStyle): void {
  fonts.draw(page, text, x, y, { size: style.size, weight: style.weight ?? 'regular', color: style.color ?? INK });
}

export function lineHeight(style: TextStyle): number {
  return style.size * (style.leading ?? 1.3);
}

/** Wraps and draws `text` at the cursor, moving to new pages between lines as needed. */
export function paragraph(flow: Flow, text: string, style: TextStyle, x: number = MARGIN.left, width: number = CONTENT_WIDTH): void {
  const step = lineHeight(style);
  for (const line of wrapText(flow.fonts, text, style, width)) {
    ensureSpace(flow, step);
    flow.y -= step;
    drawLineAt(flow, flow.page, line, x, flow.y + step - style.size, style);
  }
}

/** Height `text` takes when wrapped to `width`. */
export function measureParagraph(fonts: FontSet, text: string, style: TextStyle, width: number): number {
  return wrapText(fonts, text, style, width).length * lineHeight(style);
}

/** Draws right-aligned text ending at `right`. */
export function drawLineRight(page: PDFPage, fonts: FontSet, text: string, right: number, y: number, style: TextStyle): void {
  drawLine(page, fonts, text, right - fonts.widthOf(text, style.weight ?? 'regular', style.size), y, style);
}

/** Shortens `text` with an ellipsis to fit `maxWidth` (for one-line headers). */
export function fitLine(fonts: FontSet, text: string, style: TextStyle, maxWidth: number): string {
  const weight = style.weight ?? 'regular';
  if (fonts.widthOf(text, weight, style.size) <= maxWidth) return text;
  const chars = Array.from(graphemes.segment(text), (g) => g.segment);
  while (chars.length > 1 && fonts.widthOf(`${chars.join('')}…`, weight, style.size) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}
