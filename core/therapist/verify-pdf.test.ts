import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { loadOrCreateSigningIdentity, type SigningIdentity, memorySecretStore } from '../signing/identity.ts';
import { signPdf } from '../signing/sign.ts';
import { verifyStoredPdf } from './verify-pdf.ts';

const SIGNED_AT = '2026-11-21T14:32:30.000Z';
let signed: Uint8Array;
let sha256: string;
let legacy: Uint8Array;

/** A summary as earlier versions signed it: adbe.pkcs7.detached with signingTime, /Contents zero-padded. */
async function legacySigned(identity: SigningIdentity): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('summary signed by an earlier version');
  pdflibAddPlaceholder({ pdfDoc: doc, reason: 'Client intake summary', contactInfo: '', name: 'kiosk', location: 'Harbour', signatureLength: 8192 });
  const prepared = await doc.save({ useObjectStreams: false });
  const signer = new P12Signer(Buffer.from(identity.p12), { passphrase: identity.passphrase });
  return new Uint8Array(await new SignPdf().sign(Buffer.from(prepared), signer, new Date(SIGNED_AT)));
}

beforeAll(async () => {
  const store = memorySecretStore();
  const identity = await loadOrCreateSigningIdentity(store, 'Harbour Massage Clinic', { now: () => new Date() });
  const doc = await PDFDocument.create();
  doc.addPage().drawText('summary for the therapist');
  signed = await signPdf(await doc.save({ useObjectStreams: false }), identity, new Date(SIGNED_AT));
  sha256 = createHash('sha256').update(signed).digest('hex');
  legacy = await legacySigned(identity);
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

/** Offset of a hex digit inside the RSA signature value: the CMS ends with it, and /Contents holds no padding. */
function insideSignatureValue(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  const start = text.indexOf('/Contents <') + '/Contents <'.length;
  return text.indexOf('>', start) - 20;
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

  it('a summary signed by an earlier version (adbe.pkcs7.detached) -> still valid', () => {
    const status = verifyStoredPdf(legacy, createHash('sha256').update(legacy).digest('hex'), SIGNED_AT);
    expect(status).toMatchObject({ valid: true, signatureVerifies: true, signer: 'Harbour Massage Clinic intake kiosk' });
  });

  it('the zero padding of an earlier version\'s /Contents changed -> not valid', () => {
    const copy = Buffer.from(legacy);
    const at = copy.lastIndexOf('0000>', copy.length, 'latin1') + 1;
    copy[at] = 0x31;
    const status = verifyStoredPdf(copy, createHash('sha256').update(copy).digest('hex'), SIGNED_AT);
    expect(status).toMatchObject({ valid: false, signatureVerifies: false, problem: 'The signature contents hold data that is not covered by the signature.' });
  });

  it('a PDF without a signature -> not valid, never throws', async () => {
    const plain = await (await PDFDocument.create()).save();
    expect(verifyStoredPdf(plain, createHash('sha256').update(plain).digest('hex'), SIGNED_AT)).toMatchObject({ valid: false, hashMatches: true, problem: 'The PDF has no signature.' });
  });
});
