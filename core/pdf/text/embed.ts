/**
 * The fonts of one PDF as composite fonts drawn by glyph id: Type0 with Identity-H over
 * a CIDFontType2 whose CIDs are the glyph ids (/CIDToGIDMap /Identity), as PDF/A-1b
 * wants them: the subset embedded (FontFile2, hb-subset), /W from the embedded hmtx
 * advances, a /CIDSet of the CIDs used, and a ToUnicode CMap. Only fonts something was
 * drawn with are embedded; the objects are written once drawing is over (finish()).
 */
import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, PDFString, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { loadFace, type Face, type FontKey } from './faces.ts';
import { subsetFont } from './subset.ts';

interface UsedFont {
  readonly face: Face;
  readonly ref: PDFRef;
  readonly name: PDFName;
  /** Glyph id -> the text it stands for (ToUnicode); null when it stands for none on its own. */
  readonly glyphs: Map<number, string | null>;
}

export class DocumentFonts {
  private readonly used = new Map<FontKey, UsedFont>();
  private readonly pagesWith = new WeakMap<PDFPage, Set<FontKey>>();

  private readonly doc: PDFDocument;

  constructor(doc: PDFDocument) {
    this.doc = doc;
  }

  /** The resource name of `key` on `page`, adding it to the page's /Font resources on first use. */
  resourceName(page: PDFPage, key: FontKey): PDFName {
    let font = this.used.get(key);
    if (!font) {
      font = { face: loadFace(key), ref: this.doc.context.nextRef(), name: PDFName.of(`K${key}`), glyphs: new Map() };
      this.used.set(key, font);
    }
    let onPage = this.pagesWith.get(page);
    if (!onPage) {
      onPage = new Set();
      this.pagesWith.set(page, onPage);
    }
    if (!onPage.has(key)) {
      page.node.setFontDictionary(font.name, font.ref);
      onPage.add(key);
    }
    return font.name;
  }

  /**
   * Records that `glyphId` is drawn and, when `text` is given, that it reads as `text`.
   * Returns false when the glyph already reads as something else (two characters
   * sharing one glyph): the caller then needs /ActualText for the exact string.
   */
  use(key: FontKey, glyphId: number, text: string | null): boolean {
    const font = this.used.get(key);
    if (!font) throw new Error(`font ${key} drawn before it was named on the page`);
    const known = font.glyphs.get(glyphId);
    if (known === undefined || (known === null && text !== null)) {
      font.glyphs.set(glyphId, text);
      return true;
    }
    return text === null || known === text;
  }

  /** Width of a glyph in PDF glyph space (1000 per em), exactly as /W states it. */
  width(key: FontKey, glyphId: number): number {
    const face = loadFace(key);
    return Math.round((face.advance(glyphId) * 100000) / face.upem) / 100;
  }

  /** Subsets and writes every font used. Call once, after the last text is drawn. */
  finish(): void {
    for (const font of this.used.values()) this.writeFont(font);
  }

  private writeFont({ face, ref, glyphs }: UsedFont): void {
    const context = this.doc.context;
    const gids = [...glyphs.keys()].sort((a, b) => a - b);
    const subset = subsetFont(face.sfnt, gids);
    const baseFont = `${subsetTag(face.key, gids)}+${face.postscriptName}`;
    const scale = 1000 / face.upem;
    const fontFile = context.register(context.flateStream(subset, { Length1: subset.byteLength }));
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        // Symbolic: the glyphs are addressed by id, not through a standard encoding.
        Flags: 4,
        FontBBox: face.bbox.map((v) => Math.round(v * scale)),
        ItalicAngle: 0,
        Ascent: Math.round(face.ascent * scale),
        Descent: Math.round(face.descent * scale),
        CapHeight: Math.round(face.capHeight * scale),
        StemV: 80,
        FontFile2: fontFile,
        CIDSet: context.register(context.flateStream(cidSet(gids))),
      }),
    );
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        DW: 1000,
        W: widths(gids, (gid) => this.width(face.key, gid)),
        CIDToGIDMap: 'Identity',
      }),
    );
    const toUnicode = context.register(context.flateStream(toUnicodeCMap(glyphs)));
    context.assign(
      ref,
      context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: baseFont, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode }),
    );
  }
}

/** The six-letter subset prefix ("ABCDEF+"), derived from the glyph set so equal subsets get equal names. */
function subsetTag(key: FontKey, gids: readonly number[]): string {
  const digest = createHash('sha256').update(`${key}:${gids.join(',')}`).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

/** One bit per CID from 0, high bit first (PDF 32000-1 9.8.3.3); CID 0 (.notdef) is in every font program. */
function cidSet(gids: readonly number[]): Uint8Array {
  const max = Math.max(0, ...gids);
  const bits = new Uint8Array(Math.floor(max / 8) + 1);
  for (const gid of [0, ...gids]) bits[gid >> 3] = (bits[gid >> 3] ?? 0) | (0x80 >> (gid & 7));
  return bits;
}

/** /W as runs of consecutive CIDs: [c [w1 w2 ...] ...]. */
function widths(gids: readonly number[], width: (gid: number) => number): (number | number[])[] {
  const out: (number | number[])[] = [];
  let run: number[] = [];
  let first = -2;
  let previous = -2;
  for (const gid of gids) {
    if (gid !== previous + 1) {
      if (run.length > 0) out.push(first, run);
      run = [];
      first = gid;
    }
    run.push(width(gid));
    previous = gid;
  }
  if (run.length > 0) out.push(first, run);
  return out;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function toUnicodeCMap(glyphs: ReadonlyMap<number, string | null>): string {
  const entries = [...glyphs].filter((e): e is [number, string] => e[1] !== null && e[1] !== '').sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  // At most 100 entries per bfchar block (PDF 32000-1 9.10.3).
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([gid, text]) => `<${hex4(gid)}> <${utf16Hex(text)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) out += hex4(text.charCodeAt(i));
  return out;
}

/** The /ActualText value: UTF-16BE with a byte-order mark, as pdf-lib writes text strings. */
export function actualText(text: string): PDFHexString {
  return PDFHexString.fromText(text);
}
