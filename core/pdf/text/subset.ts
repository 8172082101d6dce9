/**
 * Font subsetting with HarfBuzz's hb-subset (harfbuzzjs ships it as a standalone wasm
 * module with the C API exported). Replaces @pdf-lib/fontkit's subsetter, which writes
 * broken glyf/loca tables for fonts with odd-length glyph records (Noto CJK; issue 18).
 *
 * Glyph ids are retained (HB_SUBSET_FLAGS_RETAIN_GIDS), so the PDF's CIDs are the
 * original glyph ids and /CIDToGIDMap is /Identity; dropped glyphs become empty records.
 * Layout tables are dropped: a PDF viewer draws positioned glyphs and never shapes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Read at run time, so the package ships it (electron-builder.yml). */
export const SUBSET_WASM = 'harfbuzzjs/dist/harfbuzz-subset.wasm';

// From hb-subset.h.
const FLAG_NO_HINTING = 0x1;
const FLAG_RETAIN_GIDS = 0x2;
const FLAG_NO_LAYOUT_CLOSURE = 0x200;
const SETS_GLYPH_INDEX = 0;
const SETS_DROP_TABLE_TAG = 3;
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'morx', 'kerx', 'kern', 'DSIG', 'vhea', 'vmtx', 'VORG'];

interface SubsetExports {
  readonly memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, lengthPtr: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_preprocess(face: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize(): void;
}

export class SubsetError extends Error {
  override readonly name = 'SubsetError';
}

let wasm: SubsetExports | null = null;

function subsetModule(): SubsetExports {
  if (wasm) return wasm;
  const bytes = readFileSync(require.resolve(SUBSET_WASM));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  const exports = instance.exports as unknown as SubsetExports;
  exports._initialize();
  wasm = exports;
  return exports;
}

const tag = (s: string) => (s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3);

/** Preprocessed faces stay in the wasm heap, one per font, so each document only pays for the subset itself. */
const preprocessed = new Map<Uint8Array, number>();

let prepared = 0;

/** How many fonts hb-subset has preprocessed in this process (each at most once). */
export function preparedCount(): number {
  return prepared;
}

function faceFor(hbw: SubsetExports, sfnt: Uint8Array): number {
  const cached = preprocessed.get(sfnt);
  if (cached !== undefined) return cached;
  prepared += 1;
  const data = hbw.malloc(sfnt.byteLength);
  new Uint8Array(hbw.memory.buffer, data, sfnt.byteLength).set(sfnt);
  // HB_MEMORY_MODE_WRITABLE (2) with no destroy callback: the bytes live as long as the process.
  const blob = hbw.hb_blob_create(data, sfnt.byteLength, 2, 0, 0);
  const face = hbw.hb_face_create(blob, 0);
  hbw.hb_blob_destroy(blob);
  const ready = hbw.hb_subset_preprocess(face);
  hbw.hb_face_destroy(face);
  preprocessed.set(sfnt, ready);
  return ready;
}

/** Compiles hb-subset and preprocesses `sfnt` now, so the first document does not pay for it. */
export function prepareForSubsetting(sfnt: Uint8Array): void {
  faceFor(subsetModule(), sfnt);
}

/** Returns an sfnt holding `glyphIds` (plus .notdef) at their original ids. */
export function subsetFont(sfnt: Uint8Array, glyphIds: Iterable<number>): Uint8Array {
  const hbw = subsetModule();
  const face = faceFor(hbw, sfnt);
  const input = hbw.hb_subset_input_create_or_fail();
  if (input === 0) throw new SubsetError('hb-subset could not allocate its input');
  try {
    const glyphs = hbw.hb_subset_input_set(input, SETS_GLYPH_INDEX);
    hbw.hb_set_add(glyphs, 0);
    for (const gid of glyphIds) hbw.hb_set_add(glyphs, gid);
    const drop = hbw.hb_subset_input_set(input, SETS_DROP_TABLE_TAG);
    for (const t of DROPPED_TABLES) hbw.hb_set_add(drop, tag(t));
    hbw.hb_subset_input_set_flags(input, FLAG_RETAIN_GIDS | FLAG_NO_HINTING | FLAG_NO_LAYOUT_CLOSURE);
    const result = hbw.hb_subset_or_fail(face, input);
    if (result === 0) throw new SubsetError('hb-subset failed');
    const blob = hbw.hb_face_reference_blob(result);
    const length = hbw.hb_blob_get_length(blob);
    const ptr = hbw.hb_blob_get_data(blob, 0);
    // Copied out before anything else can grow (and so detach) the wasm memory.
    const out = new Uint8Array(hbw.memory.buffer, ptr, length).slice();
    hbw.hb_blob_destroy(blob);
    hbw.hb_face_destroy(result);
    return out;
  } finally {
    hbw.hb_subset_input_destroy(input);
  }
}
