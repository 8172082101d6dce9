/**
 * WOFF 1.0 to sfnt (TrueType/OpenType) bytes. Fontsource ships its fonts as WOFF and
 * WOFF2 only, and HarfBuzz (shaping and hb-subset) reads sfnt only. WOFF 1.0 is a table
 * directory whose tables are each zlib-compressed (https://www.w3.org/TR/WOFF/): the
 * decompression is node:zlib's; what is written here is only the 12-byte header and
 * 16-byte table records of the sfnt container, which is why no package is used for it
 * (the npm decoders are single-release projects that wrap the same few lines).
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

export class WoffError extends Error {
  override readonly name = 'WoffError';
}

interface TableEntry {
  readonly tag: number;
  readonly offset: number;
  readonly compLength: number;
  readonly origLength: number;
  readonly checksum: number;
}

/** Returns `bytes` unchanged when they are already an sfnt, else the decoded WOFF 1.0. */
export function toSfnt(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 44 || view.getUint32(0) !== WOFF_SIGNATURE) return bytes;
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  if (44 + numTables * 20 > bytes.byteLength) throw new WoffError('WOFF table directory runs past the end of the file');
  const tables: TableEntry[] = [];
  for (let i = 0; i < numTables; i += 1) {
    const at = 44 + i * 20;
    tables.push({
      tag: view.getUint32(at),
      offset: view.getUint32(at + 4),
      compLength: view.getUint32(at + 8),
      origLength: view.getUint32(at + 12),
      checksum: view.getUint32(at + 16),
    });
  }
  const headerLength = 12 + 16 * numTables;
  const padded = (n: number) => (n + 3) & ~3;
  const total = tables.reduce((sum, t) => sum + padded(t.origLength), headerLength);
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  // sfnt header: searchRange etc. as the OpenType spec defines them.
  const log2 = Math.floor(Math.log2(numTables));
  outView.setUint32(0, flavor);
  outView.setUint16(4, numTables);
  outView.setUint16(6, 16 * 2 ** log2);
  outView.setUint16(8, log2);
  outView.setUint16(10, 16 * numTables - 16 * 2 ** log2);
  let cursor = headerLength;
  tables.forEach((t, i) => {
    if (t.offset + t.compLength > bytes.byteLength) throw new WoffError('WOFF table runs past the end of the file');
    const stored = bytes.subarray(t.offset, t.offset + t.compLength);
    const data = t.compLength < t.origLength ? inflate(stored) : stored;
    if (data.byteLength !== t.origLength) throw new WoffError('WOFF table has the wrong decompressed length');
    const record = 12 + i * 16;
    outView.setUint32(record, t.tag);
    outView.setUint32(record + 4, t.checksum);
    outView.setUint32(record + 8, cursor);
    outView.setUint32(record + 12, t.origLength);
    out.set(data, cursor);
    cursor += padded(t.origLength);
  });
  return out;
}

function inflate(stored: Uint8Array): Uint8Array {
  try {
    return inflateSync(stored);
  } catch {
    throw new WoffError('WOFF table is not valid zlib data');
  }
}
