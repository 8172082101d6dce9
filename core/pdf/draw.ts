/**
 * Vector drawings for the summary: severity icons, the body map and the signature.
 * Everything is drawn as paths so it prints sharp and survives greyscale copies.
 */
import { LineCapStyle, rgb, type PDFPage, type RGB } from 'pdf-lib';
import { assertNever, verdictSeverity, type Severity, type SignatureValue, type TreatmentVerdict } from '../../forms/engine/index.ts';
import type { FontSet } from './fonts.ts';
import { drawLine, INK, MUTED } from './layout.ts';
import type { SummaryBodyMap } from './summary-types.ts';

const WHITE = rgb(1, 1, 1);

/** Colours per severity; the icon shape and the word carry the meaning, colour only helps. */
export function severityColors(severity: Severity): { readonly strong: RGB; readonly tint: RGB } {
  switch (severity) {
    case 'stop':
      return { strong: rgb(0.72, 0.05, 0.05), tint: rgb(0.99, 0.9, 0.9) };
    case 'clearance':
      return { strong: rgb(0.78, 0.42, 0), tint: rgb(1, 0.95, 0.84) };
    case 'modify':
      return { strong: rgb(0.1, 0.3, 0.65), tint: rgb(0.91, 0.94, 0.99) };
    case 'info':
      return { strong: rgb(0.35, 0.38, 0.42), tint: rgb(0.95, 0.95, 0.96) };
    default:
      return assertNever(severity, 'severity');
  }
}

/** SVG path of a regular polygon centred on (0,0); y grows downwards as in SVG. */
function polygon(sides: number, radius: number, rotation: number): string {
  const points = Array.from({ length: sides }, (_, i) => {
    const angle = rotation + (2 * Math.PI * i) / sides;
    return `${(radius * Math.cos(angle)).toFixed(2)} ${(radius * Math.sin(angle)).toFixed(2)}`;
  });
  return `M ${points.join(' L ')} Z`;
}

/**
 * Draws the severity icon centred on (cx, cy), `size` points across:
 * stop = octagon with a bar, clearance = triangle with "!", modify = diamond with a
 * wrench-like bar, info = circle with "i".
 */
export function drawSeverityIcon(page: PDFPage, severity: Severity, cx: number, cy: number, size: number): void {
  const r = size / 2;
  const { strong } = severityColors(severity);
  const at = { x: cx, y: cy };
  switch (severity) {
    case 'stop':
      page.drawSvgPath(polygon(8, r, Math.PI / 8), { ...at, color: strong });
      page.drawRectangle({ x: cx - r * 0.55, y: cy - r * 0.14, width: r * 1.1, height: r * 0.28, color: WHITE });
      return;
    case 'clearance':
      // Triangle pointing up (SVG y down), nudged so it looks centred.
      page.drawSvgPath(polygon(3, r * 1.1, -Math.PI / 2), { x: cx, y: cy - r * 0.2, color: strong });
      page.drawRectangle({ x: cx - r * 0.09, y: cy - r * 0.2, width: r * 0.18, height: r * 0.6, color: WHITE });
      page.drawCircle({ x: cx, y: cy - r * 0.42, size: r * 0.11, color: WHITE });
      return;
    case 'modify':
      page.drawSvgPath(polygon(4, r, 0), { ...at, color: strong });
      // A spanner: a shaft and an open jaw, drawn as strokes.
      page.drawLine({ start: { x: cx - r * 0.35, y: cy - r * 0.35 }, end: { x: cx + r * 0.2, y: cy + r * 0.2 }, thickness: r * 0.18, color: WHITE, lineCap: LineCapStyle.Round });
      page.drawCircle({ x: cx + r * 0.3, y: cy + r * 0.3, size: r * 0.22, borderColor: WHITE, borderWidth: r * 0.12 });
      return;
    case 'info':
      page.drawCircle({ x: cx, y: cy, size: r, color: strong });
      page.drawCircle({ x: cx, y: cy + r * 0.45, size: r * 0.13, color: WHITE });
      page.drawRectangle({ x: cx - r * 0.1, y: cy - r * 0.55, width: r * 0.2, height: r * 0.75, color: WHITE });
      return;
    default:
      assertNever(severity, 'severity');
  }
}

const CLEAR_GREEN = rgb(0.1, 0.45, 0.2);

/** The verdict banner's colour: its severity's, green for "no restrictions". */
export function verdictColor(verdict: TreatmentVerdict): RGB {
  const severity = verdictSeverity(verdict);
  return severity === null ? CLEAR_GREEN : severityColors(severity).strong;
}

/** The verdict's icon: its severity's shape, or a disc with a tick for "no restrictions". */
export function drawVerdictIcon(page: PDFPage, verdict: TreatmentVerdict, cx: number, cy: number, size: number): void {
  const severity = verdictSeverity(verdict);
  if (severity !== null) {
    drawSeverityIcon(page, severity, cx, cy, size);
    return;
  }
  const r = size / 2;
  page.drawCircle({ x: cx, y: cy, size: r, color: CLEAR_GREEN });
  const stroke = { thickness: r * 0.22, color: WHITE, lineCap: LineCapStyle.Round };
  page.drawLine({ start: { x: cx - r * 0.45, y: cy }, end: { x: cx - r * 0.1, y: cy - r * 0.38 }, ...stroke });
  page.drawLine({ start: { x: cx - r * 0.1, y: cy - r * 0.38 }, end: { x: cx + r * 0.5, y: cy + r * 0.4 }, ...stroke });
}

/** Bounding-box centre of the first sub-path of an absolute-coordinate SVG path. */
export function pathAnchor(d: string): { x: number; y: number } {
  const firstSubpath = d.trim().split(/(?=M)/)[0] ?? d;
  const numbers = (firstSubpath.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  if (xs.length === 0 || ys.length === 0) return { x: 0, y: 0 };
  return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

const REGION_FILL = rgb(0.86, 0.32, 0.12);
const MARKER_RADIUS = 5;

interface MarkerPlacement {
  readonly marker: number;
  readonly anchor: { readonly x: number; readonly y: number };
  readonly x: number;
  readonly y: number;
}

/**
 * Numbered markers sit beside the figure (left or right, whichever side the region is
 * on) with a leader line to the region, so small regions such as the neck stay visible
 * under their fill; markers on one side are pushed apart vertically so none overlap.
 */
export function markerPlacements(
  regions: SummaryBodyMap['views'][number]['regions'],
  viewWidth: number,
  minGap: number,
): MarkerPlacement[] {
  const marked = regions.flatMap((r) => (r.marker === null ? [] : [{ marker: r.marker, anchor: pathAnchor(r.path) }]));
  const placements: MarkerPlacement[] = [];
  for (const isLeft of [true, false]) {
    const side = marked.filter((m) => (m.anchor.x < viewWidth / 2 - 1) === isLeft).sort((a, b) => a.anchor.y - b.anchor.y);
    let previous = Number.NEGATIVE_INFINITY;
    for (const m of side) {
      const y = Math.max(m.anchor.y, previous + minGap);
      previous = y;
      placements.push({ ...m, x: isLeft ? 4 : viewWidth - 4, y });
    }
  }
  return placements;
}
const BODY_FILL = rgb(0.93, 0.93, 0.94);

/**
 * Draws the front and back figures side by side with their top-left at (x, top), each
 * `figureHeight` tall, marked regions filled and numbered. Returns the width used.
 */
export function drawBodyMap(page: PDFPage, fonts: FontSet, map: SummaryBodyMap, x: number, top: number, figureHeight: number): number {
  const scale = figureHeight / map.viewBox.height;
  const figureWidth = map.viewBox.width * scale;
  const gap = 14;
  map.views.forEach((view, index) => {
    const left = x + index * (figureWidth + gap);
    const origin = { x: left, y: top - 12, scale };
    drawLine(page, fonts, view.label, left + figureWidth / 2 - fonts.widthOf(view.label, 'bold', 8) / 2, top - 8, { size: 8, weight: 'bold', color: MUTED });
    page.drawSvgPath(view.outline, { ...origin, color: BODY_FILL, borderColor: MUTED, borderWidth: 0.6 });
    for (const region of view.regions) {
      if (region.marker === null) continue;
      page.drawSvgPath(region.path, { ...origin, color: REGION_FILL, borderColor: INK, borderWidth: 0.8 });
    }
    for (const m of markerPlacements(view.regions, map.viewBox.width, MARKER_RADIUS * 2.3 / scale)) {
      const ax = origin.x + m.anchor.x * scale;
      const ay = origin.y - m.anchor.y * scale;
      const mx = origin.x + m.x * scale;
      const my = origin.y - m.y * scale;
      page.drawLine({ start: { x: ax, y: ay }, end: { x: mx, y: my }, thickness: 0.6, color: INK });
      page.drawCircle({ x: ax, y: ay, size: 1.3, color: INK });
      page.drawCircle({ x: mx, y: my, size: MARKER_RADIUS, color: WHITE, borderColor: INK, borderWidth: 0.8 });
      const label = String(m.marker);
      drawLine(page, fonts, label, mx - fonts.widthOf(label, 'bold', 7) / 2, my - 2.5, { size: 7, weight: 'bold' });
    }
  });
  return map.views.length * figureWidth + (map.views.length - 1) * gap;
}

/** Draws the signature strokes scaled to fit a box with bottom-left (x, y). */
export function drawSignature(page: PDFPage, signature: SignatureValue, x: number, y: number, width: number, height: number): void {
  page.drawRectangle({ x, y, width, height, borderColor: MUTED, borderWidth: 0.5 });
  const pad = 6;
  const scale = Math.min((width - 2 * pad) / Math.max(signature.width, 1), (height - 2 * pad) / Math.max(signature.height, 1));
  const offsetX = x + (width - signature.width * scale) / 2;
  const top = y + (height + signature.height * scale) / 2;
  for (const stroke of signature.strokes) {
    const first = stroke[0];
    if (!first) continue;
    if (stroke.length === 1) {
      page.drawCircle({ x: offsetX + first.x * scale, y: top - first.y * scale, size: 0.9, color: INK });
      continue;
    }
    const d = stroke.map((p, i) => `${i === 0 ? 'M' : 'L'} ${(p.x * scale).toFixed(2)} ${(p.y * scale).toFixed(2)}`).join(' ');
    page.drawSvgPath(d, { x: offsetX, y: top, borderColor: INK, borderWidth: 1.1, borderLineCap: LineCapStyle.Round });
  }
}
