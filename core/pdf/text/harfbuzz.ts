/**
 * HarfBuzz text shaping, from harfbuzzjs's wasm build, bound here to the few C calls the
 * PDF needs. harfbuzzjs's own JavaScript wrapper starts with a top-level await, which
 * esbuild cannot put into the Electron main process's CommonJS bundle
 * (https://github.com/evanw/esbuild/issues/253), so its wasm is instantiated directly,
 * synchronously, as subset.ts does with hb-subset. The C API is HarfBuzz's stable one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Read at run time, so the package ships it (electron-builder.yml). */
export const SHAPING_WASM = 'harfbuzzjs/dist/harfbuzz.wasm';

interface HbExports {
  readonly memory: WebAssembly.Memory;
  __wasm_call_ctors(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_get_upem(face: number): number;
  hb_face_reference_table(face: number, tag: number): number;
  hb_blob_get_data(blob: number, lengthPtr: number): number;
  hb_font_create(face: number): number;
  hb_font_get_nominal_glyph(font: number, unicode: number, glyphPtr: number): number;
  hb_font_get_glyph_h_advance(font: number, glyph: number): number;
  hb_font_get_h_extents(font: number, extentsPtr: number): number;
  hb_ot_metrics_get_position_with_fallback(font: number, tag: number, positionPtr: number): void;
  hb_ot_name_get_utf16(face: number, nameId: number, language: number, sizePtr: number, textPtr: number): number;
  hb_buffer_create(): number;
  hb_buffer_clear_contents(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, itemOffset: number, itemLength: number): void;
  hb_buffer_set_direction(buffer: number, direction: number): void;
  hb_buffer_guess_segment_properties(buffer: number): void;
  hb_buffer_get_glyph_infos(buffer: number, lengthPtr: number): number;
  hb_buffer_get_glyph_positions(buffer: number, lengthPtr: number): number;
  hb_shape(font: number, buffer: number, features: number, featureCount: number): void;
}

let instance: HbExports | null = null;

function hb(): HbExports {
  if (instance) return instance;
  const bytes = readFileSync(require.resolve(SHAPING_WASM));
  let memory: WebAssembly.Memory | null = null;
  const env = {
    _abort_js: () => {
      throw new Error('HarfBuzz aborted');
    },
    _emscripten_runtime_keepalive_clear: () => undefined,
    _setitimer_js: () => 0,
    emscripten_resize_heap: (requested: number) => {
      if (!memory) return 0;
      const pages = Math.ceil((requested - memory.buffer.byteLength) / 65536);
      try {
        memory.grow(Math.max(pages, Math.ceil(memory.buffer.byteLength / 65536 / 4)));
        return 1;
      } catch {
        return 0;
      }
    },
  };
  const wasi = {
    proc_exit: (code: number) => {
      throw new Error(`HarfBuzz exited (${code})`);
    },
  };
  const created = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env, wasi_snapshot_preview1: wasi });
  const exports = created.exports as unknown as HbExports;
  memory = exports.memory;
  exports.__wasm_call_ctors();
  instance = exports;
  return exports;
}

const tag = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

export const DIRECTION_LTR = 4;
export const DIRECTION_RTL = 5;

/** A positioned glyph in font units; `cluster` is the UTF-16 offset of its first character in the shaped string. */
export interface ShapedGlyph {
  readonly glyphId: number;
  readonly cluster: number;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** One font, its bytes copied into the wasm heap for the life of the process. */
export class HbFont {
  readonly upem: number;
  private readonly face: number;
  private readonly font: number;
  private readonly buffer: number;
  private readonly scratch: number;

  constructor(sfnt: Uint8Array) {
    const h = hb();
    const data = h.malloc(sfnt.byteLength);
    new Uint8Array(h.memory.buffer, data, sfnt.byteLength).set(sfnt);
    // HB_MEMORY_MODE_READONLY (1), never freed: fonts are parsed once per process.
    const blob = h.hb_blob_create(data, sfnt.byteLength, 1, 0, 0);
    this.face = h.hb_face_create(blob, 0);
    this.font = h.hb_font_create(this.face);
    this.upem = h.hb_face_get_upem(this.face);
    this.buffer = h.hb_buffer_create();
    this.scratch = h.malloc(64);
  }

  nominalGlyph(codePoint: number): number | undefined {
    const h = hb();
    return h.hb_font_get_nominal_glyph(this.font, codePoint, this.scratch) ? new Uint32Array(h.memory.buffer, this.scratch, 1)[0] : undefined;
  }

  advance(glyphId: number): number {
    return hb().hb_font_get_glyph_h_advance(this.font, glyphId);
  }

  /** Ascender and descender (negative) in font units. */
  extents(): { readonly ascender: number; readonly descender: number } {
    const h = hb();
    h.hb_font_get_h_extents(this.font, this.scratch);
    const [ascender = 0, descender = 0] = new Int32Array(h.memory.buffer, this.scratch, 2);
    return { ascender, descender };
  }

  capHeight(): number {
    const h = hb();
    h.hb_ot_metrics_get_position_with_fallback(this.font, tag('cpht'), this.scratch);
    return new Int32Array(h.memory.buffer, this.scratch, 1)[0] ?? 0;
  }

  /** A copy of one table's bytes, or null. */
  table(name: string): Uint8Array | null {
    const h = hb();
    const blob = h.hb_face_reference_table(this.face, tag(name));
    const ptr = h.hb_blob_get_data(blob, this.scratch);
    const length = new Uint32Array(h.memory.buffer, this.scratch, 1)[0] ?? 0;
    return length === 0 ? null : new Uint8Array(h.memory.buffer, ptr, length).slice();
  }

  /** A name-table entry in any language (HB_LANGUAGE_INVALID picks the default). */
  name(nameId: number): string {
    const h = hb();
    const capacity = 128;
    const text = h.malloc(capacity * 2);
    try {
      new Uint32Array(h.memory.buffer, this.scratch, 1)[0] = capacity;
      h.hb_ot_name_get_utf16(this.face, nameId, 0, this.scratch, text);
      const length = new Uint32Array(h.memory.buffer, this.scratch, 1)[0] ?? 0;
      return String.fromCharCode(...new Uint16Array(h.memory.buffer, text, Math.min(length, capacity)));
    } finally {
      h.free(text);
    }
  }

  /**
   * Shapes `text.slice(start, end)` with the rest of `text` as context (so Arabic joins
   * across a font change are right). Glyphs come in visual order, left to right.
   */
  shape(text: string, start: number, end: number, direction: typeof DIRECTION_LTR | typeof DIRECTION_RTL): ShapedGlyph[] {
    const h = hb();
    const units = h.malloc(text.length * 2 + 2);
    try {
      const view = new Uint16Array(h.memory.buffer, units, text.length);
      for (let i = 0; i < text.length; i += 1) view[i] = text.charCodeAt(i);
      h.hb_buffer_clear_contents(this.buffer);
      h.hb_buffer_add_utf16(this.buffer, units, text.length, start, end - start);
      h.hb_buffer_set_direction(this.buffer, direction);
      h.hb_buffer_guess_segment_properties(this.buffer);
      h.hb_shape(this.font, this.buffer, 0, 0);
      const infos = h.hb_buffer_get_glyph_infos(this.buffer, this.scratch);
      const count = new Uint32Array(h.memory.buffer, this.scratch, 1)[0] ?? 0;
      const positions = h.hb_buffer_get_glyph_positions(this.buffer, this.scratch);
      // hb_glyph_info_t and hb_glyph_position_t are five 32-bit words each.
      const info = new Uint32Array(h.memory.buffer, infos, count * 5);
      const pos = new Int32Array(h.memory.buffer, positions, count * 5);
      const out: ShapedGlyph[] = [];
      for (let i = 0; i < count; i += 1) {
        out.push({ glyphId: info[i * 5] ?? 0, cluster: info[i * 5 + 2] ?? 0, xAdvance: pos[i * 5] ?? 0, xOffset: pos[i * 5 + 2] ?? 0, yOffset: pos[i * 5 + 3] ?? 0 });
      }
      return out;
    } finally {
      h.free(units);
    }
  }
}
