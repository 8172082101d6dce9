/**
 * Verifies the detached CMS of a PDF signature against the bytes its ByteRange covers.
 *
 * Two profiles: 'cades' (ETSI.CAdES.detached, what sign.ts writes now) and 'pkcs7'
 * (adbe.pkcs7.detached, what earlier versions wrote; summaries stored then must still
 * verify). For 'cades' the CMS is rebuilt from its parsed parts with buildCades and must
 * match byte for byte, so no unsigned byte (a version number, an algorithm's parameters,
 * a set of digest algorithms) can change unnoticed; the signer certificate is bound by
 * the ESS signing-certificate-v2 hash, and the signed attributes by the signature.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { buildCades, certificateParts, childrenOf, fromDer, OID, toDer, type CertificateParts, type KeyAlgorithm } from './cades.ts';
import { commonNameOf } from './identity.ts';

export type CmsProfile = 'cades' | 'pkcs7';

export interface CmsCheck {
  readonly verifies: boolean;
  /** The signer certificate's common name, when the certificate was found. */
  readonly signer: string | null;
  /** What is wrong, in words fit for the therapist; null when it verifies. */
  readonly problem: string | null;
}

class CmsError extends Error {}

function oidOf(node: forge.asn1.Asn1 | undefined): string {
  if (!node || node.type !== 6 || typeof node.value !== 'string') throw new CmsError('The signature structure is not the expected one.');
  return forge.asn1.derToOid(node.value);
}

interface ParsedSignerInfo {
  readonly issuerDer: Buffer;
  readonly serialDer: Buffer;
  readonly digestOid: string;
  readonly attributesNode: forge.asn1.Asn1;
  readonly attributes: ReadonlyMap<string, forge.asn1.Asn1[]>;
  readonly signatureAlgorithmOid: string;
  readonly signature: Buffer;
}

interface ParsedCms {
  readonly certificates: readonly Buffer[];
  readonly signerInfo: ParsedSignerInfo;
}

function parseCms(der: Buffer): ParsedCms {
  let root: forge.asn1.Asn1;
  try {
    root = fromDer(der);
  } catch {
    throw new CmsError('The signature contents are malformed.');
  }
  const [contentType, wrapped] = childrenOf(root);
  if (oidOf(contentType) !== OID.signedData) throw new CmsError('The signature is not a CMS SignedData.');
  const signedData = childrenOf(childrenOf(wrapped)[0]);
  const certificatesNode = signedData.find((n) => n.tagClass === 0x80 && n.type === 0);
  const signerInfos = childrenOf(signedData[signedData.length - 1]);
  if (signerInfos.length !== 1) throw new CmsError('The signature must have exactly one signer.');
  const [, sid, digestAlgorithm, attributesNode, signatureAlgorithm, signatureValue] = childrenOf(signerInfos[0]);
  const [issuer, serial] = childrenOf(sid);
  if (!issuer || !serial || !attributesNode || attributesNode.tagClass !== 0x80 || typeof signatureValue?.value !== 'string') {
    throw new CmsError('The signature structure is not the expected one.');
  }
  const attributes = new Map<string, forge.asn1.Asn1[]>();
  for (const attribute of childrenOf(attributesNode)) {
    const [type, values] = childrenOf(attribute);
    const id = oidOf(type);
    if (attributes.has(id)) throw new CmsError('The signature repeats a signed attribute.');
    attributes.set(id, childrenOf(values));
  }
  return {
    certificates: childrenOf(certificatesNode).map(toDer),
    signerInfo: {
      issuerDer: toDer(issuer),
      serialDer: toDer(serial),
      digestOid: oidOf(childrenOf(digestAlgorithm)[0]),
      attributesNode,
      attributes,
      signatureAlgorithmOid: oidOf(childrenOf(signatureAlgorithm)[0]),
      signature: Buffer.from(signatureValue.value, 'binary'),
    },
  };
}

function octetsOf(node: forge.asn1.Asn1 | undefined): Buffer | null {
  return node && node.type === 4 && typeof node.value === 'string' ? Buffer.from(node.value, 'binary') : null;
}

/** The certHash of the first ESSCertIDv2, checking the hash algorithm is the default SHA-256. */
function essCertHash(values: readonly forge.asn1.Asn1[] | undefined): Buffer | null {
  const certId = childrenOf(childrenOf(childrenOf(values?.[0])[0])[0]);
  const [first] = certId;
  // hashAlgorithm is DEFAULT sha256 and DER omits a default value, so the first element is the hash.
  return octetsOf(first);
}

function commonName(der: Buffer): string | null {
  try {
    return commonNameOf(forge.pki.certificateFromAsn1(fromDer(der)));
  } catch {
    return null;
  }
}

/**
 * Besides the signer, the CMS may carry only certificates that issued another one in it
 * (an imported chain's intermediates): anything else is unsigned baggage no signer of ours adds.
 */
function hasOnlyChainCertificates(certificates: readonly Buffer[], signer: Buffer): boolean {
  if (new Set(certificates.map((c) => c.toString('hex'))).size !== certificates.length) return false;
  const parsed = certificates.map((der) => new X509Certificate(der));
  return certificates.every((der, i) => {
    if (der.equals(signer)) return true;
    const issuer = parsed[i] as X509Certificate;
    return parsed.some((child, j) => j !== i && child.checkIssued(issuer) && child.verify(issuer.publicKey));
  });
}

function findSigner(parsed: ParsedCms): { parts: CertificateParts; cert: X509Certificate } {
  for (const der of parsed.certificates) {
    let parts: CertificateParts;
    try {
      parts = certificateParts(der);
    } catch {
      continue;
    }
    if (parts.issuerDer.equals(parsed.signerInfo.issuerDer) && parts.serialDer.equals(parsed.signerInfo.serialDer)) {
      return { parts, cert: new X509Certificate(der) };
    }
  }
  throw new CmsError('The signature carries no certificate for its signer.');
}

function check(der: Buffer, signedBytes: Buffer, profile: CmsProfile): CmsCheck {
  const parsed = parseCms(der);
  const info = parsed.signerInfo;
  if (info.digestOid !== OID.sha256) throw new CmsError('The signature does not use SHA-256.');
  const { parts, cert } = findSigner(parsed);
  const signer = commonName(parts.der);
  const fail = (problem: string): CmsCheck => ({ verifies: false, signer, problem });

  const digest = octetsOf(info.attributes.get(OID.messageDigest)?.[0]);
  if (!digest || !digest.equals(createHash('sha256').update(signedBytes).digest())) return fail('The document was changed after it was signed.');
  if (info.attributes.get(OID.contentType)?.[0] === undefined || oidOf(info.attributes.get(OID.contentType)?.[0]) !== OID.data) {
    return fail('The signature does not say it signs document data.');
  }
  const toBeSigned = toDer(info.attributesNode);
  toBeSigned[0] = 0x31; // RFC 5652 5.4: verified over the attributes as an explicit SET OF.
  const keyAlgorithm: KeyAlgorithm = cert.publicKey.asymmetricKeyType === 'ec' ? 'ec' : 'rsa';
  if (!verify('sha256', toBeSigned, cert.publicKey, info.signature)) return fail('The signature does not match the certificate.');

  if (profile === 'cades') {
    if (info.attributes.has(OID.signingTime)) return fail('A PAdES signature must not carry a signing-time attribute.');
    const certHash = essCertHash(info.attributes.get(OID.signingCertificateV2));
    if (!certHash || !certHash.equals(createHash('sha256').update(parts.der).digest())) {
      return fail('The signature does not bind its signer certificate (ESS signing-certificate-v2).');
    }
    if (!hasOnlyChainCertificates(parsed.certificates, parts.der)) return fail('The signature contains data that is not covered by it.');
    const rebuilt = buildCades({ documentDigest: digest, key: cert.publicKey, keyAlgorithm, signer: parts, certificates: parsed.certificates }, info.signature);
    if (!rebuilt.equals(der)) return fail('The signature contains data that is not covered by it.');
  }
  return { verifies: true, signer, problem: null };
}

/**
 * The signer's certificate and every certificate the CMS carries (DER), for a chain check
 * against a trust anchor; null when the CMS cannot be read or names no certificate for its signer.
 */
export function cmsSignerCertificates(der: Buffer): { readonly signer: Buffer; readonly certificates: readonly Buffer[] } | null {
  try {
    const parsed = parseCms(der);
    return { signer: findSigner(parsed).parts.der, certificates: parsed.certificates };
  } catch {
    return null;
  }
}

/** Checks `der` (exactly the CMS, no padding) as a detached signature over `signedBytes`. Never throws. */
export function verifyDetachedCms(der: Buffer, signedBytes: Buffer, profile: CmsProfile): CmsCheck {
  try {
    return check(der, signedBytes, profile);
  } catch (error) {
    return { verifies: false, signer: null, problem: error instanceof CmsError ? error.message : 'The signature could not be read.' };
  }
}
