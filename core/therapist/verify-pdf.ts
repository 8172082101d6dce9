/**
 * Checks a stored summary PDF for display: its SHA-256 against the value recorded at
 * signing, and its signature over the ByteRange: PAdES (ETSI.CAdES.detached, as
 * core/signing/sign.ts makes it now) or the adbe.pkcs7.detached of earlier versions.
 *
 * This tells the therapist the bytes are the ones the kiosk signed. Whether the
 * certificate is trusted is a question for pdfsig or Acrobat with the clinic's CA.
 */
import { createHash } from 'node:crypto';
import type { SignatureStatus } from '../../api/contract.ts';
import { verifyDetachedCms, type CmsCheck, type CmsProfile } from '../signing/verify-cms.ts';

export interface SignedParts {
  readonly signedBytes: Buffer;
  readonly cms: Buffer;
  readonly profile: CmsProfile;
}

export class VerifyError extends Error {}

const PROFILES: Readonly<Record<string, CmsProfile>> = { 'ETSI.CAdES.detached': 'cades', 'adbe.pkcs7.detached': 'pkcs7' };

/** The last signature's ByteRange, SubFilter and Contents; the ranges must cover the file except the Contents hex. Throws VerifyError. */
export function signedParts(pdf: Buffer): SignedParts {
  // latin1 keeps one char per byte, so string offsets are byte offsets.
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges[ranges.length - 1];
  if (!last) throw new VerifyError('The PDF has no signature.');
  const [a, b, c, d] = [last[1], last[2], last[3], last[4]].map(Number) as [number, number, number, number];
  if (a !== 0 || c + d !== pdf.length || b >= c) throw new VerifyError('The signature does not cover the whole document.');
  // The signature dictionary is the object around the ByteRange; its SubFilter says which profile applies.
  const objectStart = text.lastIndexOf(' obj', last.index);
  const objectText = text.slice(objectStart, text.indexOf('endobj', last.index));
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(objectText)?.[1] ?? '';
  const profile = PROFILES[subFilter];
  if (!profile) throw new VerifyError('The signature is of an unknown kind.');
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(text.slice(b, c))?.[1];
  if (hex === undefined || hex.length % 2 !== 0) throw new VerifyError('The signature contents are malformed.');
  const contents = Buffer.from(hex, 'hex');
  const length = derLength(contents);
  // A PAdES signature fills /Contents exactly; an older one was zero-padded, and padding must be zeros.
  const padding = contents.subarray(length);
  if ((profile === 'cades' && padding.length > 0) || padding.some((byte) => byte !== 0)) {
    throw new VerifyError('The signature contents hold data that is not covered by the signature.');
  }
  return { signedBytes: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]), cms: contents.subarray(0, length), profile };
}

/** Length of the DER element at the start of `bytes`. */
function derLength(bytes: Buffer): number {
  const first = bytes[1];
  if (bytes[0] !== 0x30 || first === undefined) throw new VerifyError('The signature contents are malformed.');
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) throw new VerifyError('The signature contents are malformed.');
  const length = bytes.readUIntBE(2, count);
  if (2 + count + length > bytes.length) throw new VerifyError('The signature contents are malformed.');
  return 2 + count + length;
}

/**
 * The stored PDF's status: hash against the recorded SHA-256, then the embedded
 * CMS signature. Never throws: a PDF that cannot be read is reported as not valid.
 */
export function verifyStoredPdf(pdf: Uint8Array, recordedSha256: string, signedAt: string): SignatureStatus {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const hashMatches = sha256 === recordedSha256.toLowerCase();
  let check: CmsCheck;
  try {
    const parts = signedParts(bytes);
    check = verifyDetachedCms(parts.cms, parts.signedBytes, parts.profile);
  } catch (error) {
    check = { verifies: false, signer: null, problem: error instanceof VerifyError ? error.message : 'The signature could not be read.' };
  }
  const problem = check.problem ?? (hashMatches ? null : 'The stored file differs from the one recorded at signing.');
  return { valid: hashMatches && check.verifies, hashMatches, signatureVerifies: check.verifies, signer: check.signer, signedAt, sha256, problem };
}
