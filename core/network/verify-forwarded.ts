/**
 * On the clinic server: is a forwarded PDF really signed by a kiosk of this clinic? Its PAdES
 * signature must verify over the whole document (core/signing/verify-cms.ts), and the signer's
 * certificate must chain, through certificates the CMS carries, to one of the server's trust
 * anchors (the clinic CA), each certificate valid at the kiosk's signing time.
 * The answer is a sentence for the kiosk's staff screen when it fails.
 */
import { X509Certificate } from 'node:crypto';
import { signedParts, VerifyError } from '../therapist/verify-pdf.ts';
import { cmsSignerCertificates, verifyDetachedCms } from '../signing/verify-cms.ts';

/** A chain longer than this is not one the clinic CA issues (root, perhaps an intermediate, the kiosk). */
const MAX_CHAIN = 4;

export type PdfTrust = { readonly trusted: true; readonly signer: string | null } | { readonly trusted: false; readonly problem: string };

function validAt(cert: X509Certificate, at: Date): boolean {
  return Date.parse(cert.validFrom) <= at.getTime() && at.getTime() <= Date.parse(cert.validTo);
}

function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  return child.checkIssued(issuer) && child.verify(issuer.publicKey);
}

/** Walks from the signer up through the carried certificates until an anchor issued one. */
function chainsToAnchor(signer: X509Certificate, carried: readonly X509Certificate[], anchors: readonly X509Certificate[], at: Date): string | null {
  let current = signer;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (!validAt(current, at)) return 'A certificate of the signature was not valid when the kiosk signed.';
    const anchor = anchors.find((a) => issuedBy(current, a));
    if (anchor) return validAt(anchor, at) ? null : "The clinic's certificate authority was not valid when the kiosk signed.";
    const next = carried.find((c) => c !== current && c.ca && issuedBy(current, c));
    if (!next) break;
    current = next;
  }
  return "The PDF was not signed by a kiosk of this clinic (its certificate was not issued by the clinic's certificate authority).";
}

export function checkForwardedPdf(pdf: Uint8Array, anchors: readonly X509Certificate[], signedAt: Date): PdfTrust {
  if (anchors.length === 0) return { trusted: false, problem: "The clinic server has no certificate authority to check kiosk signatures against." };
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let parts;
  try {
    parts = signedParts(bytes);
  } catch (error) {
    return { trusted: false, problem: error instanceof VerifyError ? error.message : 'The PDF signature could not be read.' };
  }
  if (parts.profile !== 'cades') return { trusted: false, problem: 'The PDF is not signed as a kiosk signs (PAdES).' };
  const check = verifyDetachedCms(parts.cms, parts.signedBytes, 'cades');
  if (!check.verifies) return { trusted: false, problem: check.problem ?? 'The PDF signature does not verify.' };
  const certs = cmsSignerCertificates(parts.cms);
  if (!certs) return { trusted: false, problem: 'The signature carries no certificate for its signer.' };
  let signer: X509Certificate;
  let carried: X509Certificate[];
  try {
    signer = new X509Certificate(certs.signer);
    carried = certs.certificates.map((der) => new X509Certificate(der));
  } catch {
    return { trusted: false, problem: 'A certificate of the signature could not be read.' };
  }
  const problem = chainsToAnchor(signer, carried, anchors, signedAt);
  return problem ? { trusted: false, problem } : { trusted: true, signer: check.signer };
}

/** PEM text (one or more certificates) to anchors; unreadable blocks are skipped. */
export function anchorsFromPem(pem: string | null): X509Certificate[] {
  if (!pem) return [];
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.flatMap((block) => {
    try {
      return [new X509Certificate(block)];
    } catch {
      return [];
    }
  });
}
