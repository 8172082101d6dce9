import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateSigningIdentity } from '../signing/identity.ts';
import { signPdf } from '../signing/sign.ts';
import { verifyStoredPdf } from './verify-pdf.ts';

const SIGNED_AT = '2026-11-21T14:32:30.000Z';
let signed: Uint8Array;
let sha256: string;

beforeAll(async () => {
  const secrets = new Map<string, Uint8Array>();
  const store = { get: (n: string) => secrets.get(n) ?? null, put: (n: string, v: Uint8Array) => void secrets.set(n, v) };
  const identity = await loadOrCreateSigningIdentity(store, 'Harbour Massage Clinic', { now: () => new Date() });
  const doc = await PDFDocument.create();
  doc.addPage().drawText('summary for the therapist');
  signed = await signPdf(await doc.save({ useObjectStreams: false }), identity, new Date(SIGNED_AT));
  sha256 = createHash('sha256').update(signed).digest('hex');
}, 60_000);

/** A copy with one byte changed at `at`; a hex digit stays a (different) hex digit. */
function flipped(at: (pdf: Uint8Array) => number): Uint8Array {
  const copy = new Uint8Array(signed);
  const i = at(copy);
  const byte = copy[i] ?? 0;
  const isHexDigit = /^[0-9A-Fa-f]$/.test(String.fromCharCode(byte));
  copy[i] = isHexDigit ? (byte === 0x30 ? 0x31 : 0x30) : byte ^ 0x01;
  return copy;
}

/** Offset of a hex digit inside the RSA signature value: just before the zero padding of /Contents. */
function insideSignatureValue(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  const start = text.indexOf('/Contents <') + '/Contents <'.length;
  const end = text.indexOf('>', start);
  const der = text.slice(start, end).replace(/0+$/, '');
  return start + der.length - 20;
}

const offsetOf = (pdf: Uint8Array, text: string) => Buffer.from(pdf).indexOf(text, 0, 'latin1');

describe('verifyStoredPdf', () => {
  it('the PDF as signed -> valid, with the signer named', () => {
    const status = verifyStoredPdf(signed, sha256, SIGNED_AT);
    expect(status).toMatchObject({ valid: true, hashMatches: true, signatureVerifies: true, problem: null, sha256, signedAt: SIGNED_AT });
    expect(status.signer).toBe('Harbour Massage Clinic intake kiosk');
  });

  it.each([
    ['a byte of the page content changed', (pdf: Uint8Array) => offsetOf(pdf, 'stream') + 10, 'The document was changed after it was signed.'],
    ['a byte of the trailer changed', (pdf: Uint8Array) => pdf.length - 3, 'The document was changed after it was signed.'],
    ['a digit of the RSA signature changed', insideSignatureValue, 'The signature does not match the certificate.'],
  ] as const)('%s -> not valid', (_label, at, problem) => {
    const tampered = flipped(at);
    const status = verifyStoredPdf(tampered, createHash('sha256').update(tampered).digest('hex'), SIGNED_AT);
    expect(status.valid).toBe(false);
    expect(status.signatureVerifies).toBe(false);
    expect(status.problem).toBe(problem);
  });

  it('a recorded hash that differs from the stored bytes -> not valid even though the signature verifies', () => {
    const status = verifyStoredPdf(signed, '0'.repeat(64), SIGNED_AT);
    expect(status).toMatchObject({ valid: false, hashMatches: false, signatureVerifies: true });
    expect(status.problem).toMatch(/differs/);
  });

  it('a PDF without a signature -> not valid, never throws', async () => {
    const plain = await (await PDFDocument.create()).save();
    expect(verifyStoredPdf(plain, createHash('sha256').update(plain).digest('hex'), SIGNED_AT)).toMatchObject({ valid: false, hashMatches: true, problem: 'The PDF has no signature.' });
  });
});
