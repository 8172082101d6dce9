import UPNG from '@pdf-lib/upng';
import { describe, expect, it } from 'vitest';
import { opaquePng, xmpPacket } from './pdfa.ts';
import { srgbIccProfile } from './srgb-icc.ts';

describe('srgbIccProfile', () => {
  const icc = Buffer.from(srgbIccProfile());
  it.each([
    { label: 'the size field is the real size', field: () => icc.readUInt32BE(0), expected: icc.length },
    { label: 'ICC version 2.1 (PDF/A-1 allows no later)', field: () => icc.readUInt32BE(8), expected: 0x02100000 },
    { label: 'a display profile', field: () => icc.toString('latin1', 12, 16), expected: 'mntr' },
    { label: 'RGB data, XYZ connection space', field: () => icc.toString('latin1', 16, 24), expected: 'RGB XYZ ' },
    { label: 'the profile signature', field: () => icc.toString('latin1', 36, 40), expected: 'acsp' },
    { label: 'nine tags', field: () => icc.readUInt32BE(128), expected: 9 },
  ])('$label', ({ field, expected }) => {
    expect(field()).toBe(expected);
  });

  it('every tag lies inside the profile, 4-byte aligned', () => {
    for (let i = 0; i < icc.readUInt32BE(128); i += 1) {
      const offset = icc.readUInt32BE(132 + i * 12 + 4);
      const size = icc.readUInt32BE(132 + i * 12 + 8);
      expect(offset % 4).toBe(0);
      expect(offset + size).toBeLessThanOrEqual(icc.length);
    }
  });
});

describe('xmpPacket', () => {
  it('escapes XML specials in every value', () => {
    const packet = xmpPacket({ title: 'a <b> & "c"', author: "O'Neil & Co", creatorTool: 't', producer: 'p', createdAt: new Date('2026-11-21T13:32:00.123Z'), modifiedAt: new Date('2026-11-21T13:32:00Z') });
    expect(packet).toContain('a &#60;b&#62; &#38; &#34;c&#34;');
    expect(packet).toContain('O&#39;Neil &#38; Co');
    // Whole seconds, as the Info dictionary has them.
    expect(packet).toContain('<xmp:CreateDate>2026-11-21T13:32:00Z</xmp:CreateDate>');
  });
});

describe('opaquePng', () => {
  const png = (alpha: number) => new Uint8Array(UPNG.encode([new Uint8Array([200, 0, 0, alpha, 0, 0, 200, alpha]).buffer], 2, 1, 0));
  it.each([
    { label: 'half-transparent red and blue -> blended onto white', alpha: 128, expected: [227, 127, 127, 255, 127, 127, 227, 255] },
    { label: 'fully transparent -> white', alpha: 0, expected: [255, 255, 255, 255, 255, 255, 255, 255] },
  ])('$label, no alpha channel left', ({ alpha, expected }) => {
    const out = opaquePng(png(alpha));
    const decoded = UPNG.decode(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer);
    expect(decoded.ctype & 4).toBe(0); // colour types 4 and 6 carry alpha
    expect([...new Uint8Array(UPNG.toRGBA8(decoded)[0] ?? new ArrayBuffer(0))]).toEqual(expected);
  });

  it('an opaque PNG comes back unchanged', () => {
    const opaque = png(255);
    expect(opaquePng(opaque)).toBe(opaque);
  });
});
