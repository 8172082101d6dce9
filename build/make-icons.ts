/**
 * `node build/make-icons.ts`: draws the app icon (a clipboard with a check mark on a
 * calm teal tile) from a few vector shapes and writes build/icon.png (512x512),
 * build/icon.ico (PNG-compressed entries 16-256) and build/icon.icns (PNG entries) with
 * nothing but node:zlib, so no image tools are needed. The outputs are checked in;
 * rerun after changing the drawing.
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
const TEAL: Rgba = [42, 127, 122, 255];
const WHITE: Rgba = [250, 248, 243, 255];
const CLIP: Rgba = [29, 86, 83, 255];
const SHADE: Rgba = [0, 0, 0, 40];

/** Signed distance to a rounded rectangle given in unit coordinates (0..1). */
function roundedRect(x: number, y: number, cx: number, cy: number, hw: number, hh: number, r: number): number {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
}

/** Layers from bottom to top: [signed distance function, colour]. */
const layers: ReadonlyArray<readonly [(x: number, y: number) => number, Rgba]> = [
  [(x, y) => roundedRect(x, y, 0.5, 0.5, 0.47, 0.47, 0.2), TEAL],
  [(x, y) => roundedRect(x, y, 0.515, 0.555, 0.26, 0.33, 0.05), SHADE],
  [(x, y) => roundedRect(x, y, 0.5, 0.54, 0.26, 0.33, 0.05), WHITE],
  [(x, y) => roundedRect(x, y, 0.5, 0.22, 0.12, 0.055, 0.03), CLIP],
  [(x, y) => Math.min(segment(x, y, 0.36, 0.56, 0.46, 0.67), segment(x, y, 0.46, 0.67, 0.66, 0.43)) - 0.04, TEAL],
];

function render(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 + RGBA
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let cr = 0, cg = 0, cb = 0, ca = 0;
          for (const [sdf, [lr, lg, lb, la]] of layers) {
            if (sdf(x, y) > 0) continue;
            const alpha = la / 255;
            cr = lr * alpha + cr * (1 - alpha);
            cg = lg * alpha + cg * (1 - alpha);
            cb = lb * alpha + cb * (1 - alpha);
            ca = alpha + ca * (1 - alpha);
          }
          r += cr; g += cg; b += cb; a += ca;
        }
      }
      const n = samples * samples;
      const alpha = a / n;
      const o = 1 + px * 4;
      // Colours were accumulated premultiplied; store straight alpha as PNG expects.
      row[o] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      row[o + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      row[o + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      row[o + 3] = Math.round(alpha * 255);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function ico(images: ReadonlyArray<readonly [number, Buffer]>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(([size, data]) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size; // 0 means 256
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map(([, data]) => data)]);
}

function icns(images: ReadonlyArray<readonly [string, Buffer]>): Buffer {
  const parts = images.map(([type, data]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

const dir = new URL('.', import.meta.url);
const sizes = [16, 32, 48, 64, 128, 256, 512, 1024] as const;
const images = new Map(sizes.map((s) => [s, render(s)] as const));
const at = (s: (typeof sizes)[number]): Buffer => images.get(s) ?? render(s);

writeFileSync(new URL('icon.png', dir), at(512));
writeFileSync(new URL('icon.ico', dir), ico([16, 32, 48, 64, 128, 256].map((s) => [s, at(s as (typeof sizes)[number])] as const)));
// icns PNG types: icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x).
writeFileSync(new URL('icon.icns', dir), icns([['icp4', at(16)], ['icp5', at(32)], ['icp6', at(64)], ['ic07', at(128)], ['ic08', at(256)], ['ic09', at(512)], ['ic10', at(1024)]]));
console.log('Wrote build/icon.png, build/icon.ico, build/icon.icns');
