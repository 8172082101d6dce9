/**
 * One line of text to positioned glyphs: the Unicode bidirectional algorithm (bidi-js)
 * splits it into directional runs, the font chain (font-choice.ts) into font runs,
 * HarfBuzz shapes each, and the runs are put in visual order (UAX #9 rule L2).
 */
import bidiFactory from 'bidi-js';
import { boldFaceOf, fontForChar, fontForNeutral, placeholderFor, type FontWeight, type HanPreference } from './font-choice.ts';
import { loadFace, type FontKey } from './faces.ts';
import { DIRECTION_LTR, DIRECTION_RTL, type ShapedGlyph } from './harfbuzz.ts';

const bidi = bidiFactory();

// Strong right-to-left characters (the scripts written right to left, RLM, RLE, RLO, RLI, ALM):
// text without any is one left-to-right run, and the bidi algorithm is skipped for it.
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\u200f\u202b\u202e\u2067\u061c]/u;

const IGNORABLE = /\p{Default_Ignorable_Code_Point}|\p{Control}/u;

function embeddingLevels(text: string): Uint8Array {
  return RIGHT_TO_LEFT.test(text) ? bidi.getEmbeddingLevels(text).levels : new Uint8Array(text.length);
}

/** A run drawn in one font, glyphs in visual order; `text` is its logical (reading-order) string. */
export interface ShapedRun {
  readonly font: FontKey;
  readonly text: string;
  /** The string the glyphs' clusters index into: `text`, or the placeholder drawn for it. */
  readonly glyphText: string;
  readonly glyphs: readonly ShapedGlyph[];
  /** Width in em (1 = the font size). */
  readonly width: number;
  readonly isRtl: boolean;
  /** A bold run in a font with no bold face: drawn filled and stroked (draw-text.ts). */
  readonly isSyntheticBold: boolean;
  /** Code points drawn as a "[U+XXXX]" placeholder because no bundled font has them. */
  readonly missing: readonly number[];
}

export interface ShapedLine {
  readonly runs: readonly ShapedRun[];
  readonly width: number;
  readonly missing: readonly number[];
}

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly level: number;
  readonly font: FontKey | 'missing';
}

/** Splits `text` into maximal stretches of one embedding level and one font, in logical order. */
function segments(text: string, han: HanPreference): Segment[] {
  const levels = embeddingLevels(text);
  const chars: { start: number; end: number; font: FontKey | 'missing' | null }[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const end = i + (cp > 0xffff ? 2 : 1);
    chars.push({ start: i, end, font: fontForChar(text.slice(i, end), han) });
    i = end;
  }
  // Neutral characters join the run before them, or the one after them at the start of a line.
  let current: FontKey | null = null;
  const firstStrong = chars.find((c) => c.font !== null && c.font !== 'missing')?.font;
  if (firstStrong && firstStrong !== 'missing') current = firstStrong;
  const resolved = chars.map((c) => {
    if (c.font === null) return { ...c, font: fontForNeutral(text.slice(c.start, c.end), current) };
    if (c.font !== 'missing') current = c.font;
    return { ...c, font: c.font };
  });
  const out: Segment[] = [];
  for (const c of resolved) {
    const level = levels[c.start] ?? 0;
    const last = out[out.length - 1];
    // Each missing character is a placeholder of its own.
    if (last && last.level === level && last.font === c.font && c.font !== 'missing') {
      out[out.length - 1] = { ...last, end: c.end };
    } else {
      out.push({ start: c.start, end: c.end, level, font: c.font });
    }
  }
  return out;
}

/** UAX #9 L2: from the highest level down to the lowest odd one, reverse each sequence at that level or above. */
function visualOrder<T extends { readonly level: number }>(items: readonly T[]): T[] {
  const out = [...items];
  const highest = Math.max(0, ...out.map((s) => s.level));
  const lowestOdd = Math.min(...out.map((s) => s.level).filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let i = 0; i < out.length; ) {
      if ((out[i]?.level ?? 0) < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < out.length && (out[j]?.level ?? 0) >= level) j += 1;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

function shapeSegment(text: string, segment: Segment, weight: FontWeight): ShapedRun {
  const logical = text.slice(segment.start, segment.end);
  const isRtl = segment.level % 2 === 1;
  if (segment.font === 'missing') {
    const codePoint = logical.codePointAt(0) ?? 0;
    const placeholder = placeholderFor(codePoint);
    const run = shapeSegment(placeholder, { start: 0, end: placeholder.length, level: 0, font: 'latin' }, weight);
    return { ...run, text: logical, missing: [codePoint] };
  }
  const bold = boldFaceOf(segment.font, weight);
  // A bold face lacking a character the regular one has (DejaVu Sans Bold has fewer) would draw nothing for it.
  const isBoldFace = bold !== null && (weight === 'regular' || [...logical].every((ch) => IGNORABLE.test(ch) || loadFace(bold).hasGlyph(ch.codePointAt(0) ?? 0)));
  const key = isBoldFace ? bold : segment.font;
  const face = loadFace(key);
  const glyphs = face.font.shape(text, segment.start, segment.end, isRtl ? DIRECTION_RTL : DIRECTION_LTR).map((g) => ({ ...g, cluster: g.cluster - segment.start }));
  const width = glyphs.reduce((sum, g) => sum + g.xAdvance, 0) / face.upem;
  return { font: key, text: logical, glyphText: logical, glyphs, width, isRtl, isSyntheticBold: weight === 'bold' && !isBoldFace, missing: [] };
}

/** Shapes one line (no line breaks inside) into runs in visual order, left to right. */
export function shapeLine(raw: string, weight: FontWeight, han: HanPreference): ShapedLine {
  const text = raw.normalize('NFC');
  if (text === '') return { runs: [], width: 0, missing: [] };
  const runs = visualOrder(segments(text, han)).map((s) => shapeSegment(text, s, weight));
  return { runs, width: runs.reduce((sum, r) => sum + r.width, 0), missing: runs.flatMap((r) => r.missing) };
}
