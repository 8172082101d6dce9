/**
 * A standard sRGB ICC profile (version 2.1, display class, matrix/TRC), built in code.
 *
 * Why not ship a file: neither Debian's nor npm's sRGB profiles come with a licence as
 * plain as ours (several forbid modification or are unclear), and a matrix/TRC profile
 * is fully defined by public numbers: the IEC 61966-2.1 primaries adapted to the D50
 * profile connection space (Bradford), and the sRGB transfer curve, sampled here at 1024
 * points. Version 2 because PDF/A-1 (ISO 19005-1, 6.2.2) allows no later ICC version.
 */

const TAG_TYPE = { desc: 'desc', text: 'text', XYZ: 'XYZ ', curv: 'curv' } as const;

/** D50-adapted colorant and white point XYZ values, as in the ICC's own sRGB v2 profile. */
const WHITE_D50 = [0.9642, 1.0, 0.8249] as const;
const RED = [0.4360747, 0.2225045, 0.0139322] as const;
const GREEN = [0.3850649, 0.7168786, 0.0971045] as const;
const BLUE = [0.1430804, 0.0606169, 0.7141733] as const;

const DESCRIPTION = 'sRGB IEC61966-2.1';
export const SRGB_OUTPUT_CONDITION = DESCRIPTION;
const COPYRIGHT = 'No copyright, use freely';
const CURVE_POINTS = 1024;

function ascii(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

function s15Fixed16(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeInt32BE(Math.round(value * 65536));
  return out;
}

function xyzTag(xyz: readonly [number, number, number]): Buffer {
  return Buffer.concat([ascii(TAG_TYPE.XYZ), Buffer.alloc(4), ...xyz.map(s15Fixed16)]);
}

/** textDescriptionType (ICC.1:2001-04 6.5.17): ASCII, an empty Unicode and an empty ScriptCode part. */
function descTag(text: string): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(text.length + 1);
  return Buffer.concat([ascii(TAG_TYPE.desc), Buffer.alloc(4), count, ascii(text), Buffer.alloc(1), Buffer.alloc(4 + 4), Buffer.alloc(2 + 1 + 67)]);
}

function textTag(text: string): Buffer {
  return Buffer.concat([ascii(TAG_TYPE.text), Buffer.alloc(4), ascii(text), Buffer.alloc(1)]);
}

/** The sRGB electro-optical transfer function (IEC 61966-2.1), as a sampled curveType. */
function curveTag(): Buffer {
  const header = Buffer.concat([ascii(TAG_TYPE.curv), Buffer.alloc(4), Buffer.alloc(4)]);
  header.writeUInt32BE(CURVE_POINTS, 8);
  const table = Buffer.alloc(CURVE_POINTS * 2);
  for (let i = 0; i < CURVE_POINTS; i += 1) {
    const v = i / (CURVE_POINTS - 1);
    const linear = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    table.writeUInt16BE(Math.round(linear * 65535), i * 2);
  }
  return Buffer.concat([header, table]);
}

const pad4 = (b: Buffer): Buffer => (b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]));

let cached: Uint8Array | null = null;

/** The profile's bytes (about 2.5 KB); the same bytes on every call. */
export function srgbIccProfile(): Uint8Array {
  if (cached) return cached;
  const curve = curveTag();
  // The three TRC tags share one curve, as the ICC allows (tags may point at the same data).
  const tags: [string, Buffer][] = [
    ['desc', descTag(DESCRIPTION)],
    ['cprt', textTag(COPYRIGHT)],
    ['wtpt', xyzTag(WHITE_D50)],
    ['rXYZ', xyzTag(RED)],
    ['gXYZ', xyzTag(GREEN)],
    ['bXYZ', xyzTag(BLUE)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const tableSize = 4 + tags.length * 12;
  let offset = 128 + tableSize;
  const table = Buffer.alloc(tableSize);
  table.writeUInt32BE(tags.length, 0);
  const data: Buffer[] = [];
  let curveOffset = -1;
  tags.forEach(([signature, body], i) => {
    const isSharedCurve = body === curve && curveOffset >= 0;
    const at = isSharedCurve ? curveOffset : offset;
    table.write(signature, 4 + i * 12, 'latin1');
    table.writeUInt32BE(at, 8 + i * 12);
    table.writeUInt32BE(body.length, 12 + i * 12);
    if (isSharedCurve) return;
    if (body === curve) curveOffset = offset;
    const padded = pad4(body);
    data.push(padded);
    offset += padded.length;
  });
  const header = Buffer.alloc(128);
  header.writeUInt32BE(offset, 0); // profile size
  header.writeUInt32BE(0x02100000, 8); // version 2.1.0
  header.write('mntr', 12, 'latin1'); // display device class
  header.write('RGB ', 16, 'latin1');
  header.write('XYZ ', 20, 'latin1');
  // Creation date: a fixed one, so the profile (and every PDF's bytes for it) never changes.
  [2026, 1, 1, 0, 0, 0].forEach((v, i) => header.writeUInt16BE(v, 24 + i * 2));
  header.write('acsp', 36, 'latin1');
  // Rendering intent 0 (perceptual) at 64; the PCS illuminant (D50) at 68.
  WHITE_D50.forEach((v, i) => s15Fixed16(v).copy(header, 68 + i * 4));
  cached = new Uint8Array(Buffer.concat([header, table, ...data]));
  return cached;
}
