/**
 * Checks a stored summary PDF for display: its SHA-256 against the value recorded at
 * signing, and its detached PKCS#7 signature (adbe.pkcs7.detached, SHA-256, as
 * core/signing/sign.ts makes it) over the ByteRange. forge parses the
 * structure; node:crypto does the digest and RSA verification.
 *
 * This tells the therapist the bytes are the ones the kiosk signed. Whether the
 * certificate is trusted is a question for pdfsig or Acrobat with the clinic's CA.
 */
import { createHash, verify as verifySignature } from 'node:crypto';
import forge from 'node-forge';
import type { SignatureStatus } from '../../api/contract.ts';

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

interface SignedParts {
  readonly signedBytes: Buffer;
  readonly pkcs7Der: string;
}

class VerifyError extends Error {}

/** The last signature's ByteRange and Contents; the ranges must cover the file except the Contents hex. */
function signedParts(pdf: Buffer): SignedParts {
  // latin1 keeps one char per byte, so string offsets are byte offsets.
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges[ranges.length - 1];
  if (!last) throw new VerifyError('The PDF has no signature.');
  const [a, b, c, d] = [last[1], last[2], last[3], last[4]].map(Number) as [number, number, number, number];
  if (a !== 0 || c + d !== pdf.length || b >= c) throw new VerifyError('The signature does not cover the whole document.');
  const gap = text.slice(b, c);
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(gap)?.[1];
  if (hex === undefined) throw new VerifyError('The signature contents are malformed.');
  const der = Buffer.from(hex, 'hex');
  return { signedBytes: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]), pkcs7Der: der.subarray(0, derLength(der)).toString('binary') };
}

/** Length of the DER element at the start of `bytes`: the Contents placeholder is zero-padded after it. */
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

interface Pkcs7Check {
  readonly verifies: boolean;
  readonly signer: string | null;
  readonly problem: string | null;
}

function asn1Children(node: forge.asn1.Asn1): forge.asn1.Asn1[] {
  return Array.isArray(node.value) ? node.value : [];
}

function checkPkcs7(parts: SignedParts): Pkcs7Check {
  const asn1 = forge.asn1.fromDer(parts.pkcs7Der);
  const message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & { rawCapture?: { signerInfos?: forge.asn1.Asn1[] } };
  const signerInfo = message.rawCapture?.signerInfos?.[0];
  if (!signerInfo) return { verifies: false, signer: null, problem: 'The signature names no signer.' };
  // SignerInfo: version, issuerAndSerialNumber, digestAlgorithm, [0] authenticatedAttributes, digestEncryptionAlgorithm, signature.
  const [, issuerAndSerial, digestAlgorithm, attributes, , signature] = asn1Children(signerInfo);
  if (!issuerAndSerial || !digestAlgorithm || !attributes || !signature || attributes.tagClass !== forge.asn1.Class.CONTEXT_SPECIFIC) {
    return { verifies: false, signer: null, problem: 'The signature structure is not the expected one.' };
  }
  const digestOid = forge.asn1.derToOid(String(asn1Children(digestAlgorithm)[0]?.value ?? ''));
  if (digestOid !== OID_SHA256) return { verifies: false, signer: null, problem: 'The signature does not use SHA-256.' };

  const serialNode = asn1Children(issuerAndSerial)[1];
  const serial = serialNode ? forge.util.bytesToHex(String(serialNode.value)).replace(/^(00)+/, '') : '';
  const certificate = message.certificates.find((c) => c.serialNumber.replace(/^(00)+/, '') === serial) ?? message.certificates[0];
  if (!certificate) return { verifies: false, signer: null, problem: 'The signature carries no certificate.' };
  const signer = (certificate.subject.getField('CN') as { value?: string } | null)?.value ?? null;

  const digestAttribute = asn1Children(attributes).find((attr) => forge.asn1.derToOid(String(asn1Children(attr)[0]?.value ?? '')) === OID_MESSAGE_DIGEST);
  const digestValue = digestAttribute ? asn1Children(asn1Children(digestAttribute)[1] ?? digestAttribute)[0]?.value : undefined;
  const expectedDigest = typeof digestValue === 'string' ? Buffer.from(digestValue, 'binary') : null;
  const actualDigest = createHash('sha256').update(parts.signedBytes).digest();
  if (!expectedDigest || !expectedDigest.equals(actualDigest)) {
    return { verifies: false, signer, problem: 'The document was changed after it was signed.' };
  }
  // RFC 2315 9.3: the signature covers the DER of the attributes re-tagged as a SET OF.
  const attributesDer = Buffer.from(forge.asn1.toDer(attributes).getBytes(), 'binary');
  attributesDer[0] = 0x31;
  const publicKey = forge.pki.publicKeyToPem(certificate.publicKey);
  const isValid = verifySignature('sha256', attributesDer, publicKey, Buffer.from(String(signature.value), 'binary'));
  return isValid ? { verifies: true, signer, problem: null } : { verifies: false, signer, problem: 'The signature does not match the certificate.' };
}

/**
 * The stored PDF's status: hash against the recorded SHA-256, then the embedded
 * PKCS#7 signature. Never throws: a PDF that cannot be read is reported as not valid.
 */
export function verifyStoredPdf(pdf: Uint8Array, recordedSha256: string, signedAt: string): SignatureStatus {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const hashMatches = sha256 === recordedSha256.toLowerCase();
  let check: Pkcs7Check;
  try {
    check = checkPkcs7(signedParts(bytes));
  } catch (error) {
    check = { verifies: false, signer: null, problem: error instanceof VerifyError ? error.message : 'The signature could not be read.' };
  }
  const problem = check.problem ?? (hashMatches ? null : 'The stored file differs from the one recorded at signing.');
  return { valid: hashMatches && check.verifies, hashMatches, signatureVerifies: check.verifies, signer: check.signer, signedAt, sha256, problem };
}
