/**
 * The CMS (RFC 5652) SignedData of a PAdES B-B signature (ETSI EN 319 142-1): detached,
 * SHA-256, and exactly three signed attributes: content-type, message-digest and the ESS
 * signing-certificate-v2 (RFC 5035) that binds the signer certificate into the signature.
 * No signing-time attribute: PAdES puts the time in the signature dictionary's /M.
 *
 * Built by hand with node-forge's ASN.1 encoder because neither forge's pkcs7 nor
 * @signpdf can add the ESS attribute (https://github.com/vbuch/node-signpdf/issues/236).
 * The key operation runs in node:crypto, so RSA and ECDSA keys both work.
 */
import { createHash, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const { Class, Type } = forge.asn1;
type Asn1 = forge.asn1.Asn1;

const seq = (items: Asn1[]): Asn1 => forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const set = (items: Asn1[]): Asn1 => forge.asn1.create(Class.UNIVERSAL, Type.SET, true, items);
const oid = (value: string): Asn1 => forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(value).getBytes());
const octets = (bytes: Buffer): Asn1 => forge.asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes.toString('binary'));
const integer = (value: number): Asn1 => forge.asn1.create(Class.UNIVERSAL, Type.INTEGER, false, String.fromCharCode(value));
const nullValue = (): Asn1 => forge.asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
const explicit = (tag: number, inner: Asn1): Asn1 => forge.asn1.create(Class.CONTEXT_SPECIFIC, tag, true, [inner]);

export function toDer(node: Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}

export function fromDer(bytes: Buffer): Asn1 {
  // forge's defaults are strict and parse-all-bytes: trailing bytes are an error.
  return forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')), true);
}

/** A parsed node re-encoded as-is: forge keeps the original bytes, so this is the node's exact DER. */
function raw(bytes: Buffer): Asn1 {
  return fromDer(bytes);
}

/** RFC 5754: the SHA-256 AlgorithmIdentifier with absent parameters. */
const sha256Algorithm = (): Asn1 => seq([oid(OID.sha256)]);

/** The DER pieces of an X.509 certificate the SignerInfo needs, taken from its own bytes. */
export interface CertificateParts {
  readonly der: Buffer;
  readonly issuerDer: Buffer;
  readonly serialDer: Buffer;
}

export function certificateParts(der: Buffer): CertificateParts {
  // Embedded as parsed and re-encoded: only a certificate in canonical DER survives that byte for byte.
  if (!toDer(fromDer(der)).equals(der)) throw new Error('certificate is not in canonical DER');
  const tbs = childrenOf(childrenOf(fromDer(der))[0]);
  // TBSCertificate: [0] version (optional, present in v3), serialNumber, signature, issuer, ...
  const offset = tbs[0]?.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = tbs[offset];
  const issuer = tbs[offset + 2];
  if (!serial || !issuer) throw new Error('certificate without issuer or serial');
  return { der, issuerDer: toDer(issuer), serialDer: toDer(serial) };
}

export function childrenOf(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? node.value : [];
}

export type KeyAlgorithm = 'rsa' | 'ec';

function signatureAlgorithm(algorithm: KeyAlgorithm): Asn1 {
  // rsaEncryption with NULL is what Acrobat and most PAdES signers write; RFC 5754 allows it.
  return algorithm === 'rsa' ? seq([oid(OID.rsaEncryption), nullValue()]) : seq([oid(OID.ecdsaWithSha256)]);
}

/** The signed attributes, DER-sorted as a SET OF must be (X.690 11.6). */
export function signedAttributes(documentDigest: Buffer, signer: CertificateParts): Asn1[] {
  const certHash = createHash('sha256').update(signer.der).digest();
  // ESSCertIDv2: hashAlgorithm is DEFAULT sha256, so it is omitted; issuerSerial names the certificate.
  const issuerSerial = seq([seq([explicit(4, raw(signer.issuerDer))]), raw(signer.serialDer)]);
  const signingCertificateV2 = seq([seq([seq([octets(certHash), issuerSerial])])]);
  const attributes = [
    seq([oid(OID.contentType), set([oid(OID.data)])]),
    seq([oid(OID.messageDigest), set([octets(documentDigest)])]),
    seq([oid(OID.signingCertificateV2), set([signingCertificateV2])]),
  ];
  return attributes.map((a) => ({ node: a, der: toDer(a) })).sort((x, y) => Buffer.compare(x.der, y.der)).map((a) => a.node);
}

export interface CadesInput {
  /** SHA-256 of the bytes the ByteRange covers. */
  readonly documentDigest: Buffer;
  readonly key: KeyObject;
  readonly keyAlgorithm: KeyAlgorithm;
  readonly signer: CertificateParts;
  /** Certificates to embed, signer first. A root the verifier must trust anyway is better left out. */
  readonly certificates: readonly Buffer[];
}

/** DER of the ContentInfo wrapping the SignedData. `signatureOverride` is for sizing with a dummy value. */
export function buildCades(input: CadesInput, signatureOverride?: Buffer): Buffer {
  const attributes = signedAttributes(input.documentDigest, input.signer);
  // RFC 5652 5.4: the signature is over the DER of the attributes as an explicit SET OF.
  const toBeSigned = toDer(set(attributes));
  const signature = signatureOverride ?? sign('sha256', toBeSigned, input.key);
  const signerInfo = seq([
    integer(1),
    seq([raw(input.signer.issuerDer), raw(input.signer.serialDer)]),
    sha256Algorithm(),
    forge.asn1.create(Class.CONTEXT_SPECIFIC, 0, true, attributes),
    signatureAlgorithm(input.keyAlgorithm),
    octets(signature),
  ]);
  const signedData = seq([
    integer(1),
    set([sha256Algorithm()]),
    seq([oid(OID.data)]),
    forge.asn1.create(Class.CONTEXT_SPECIFIC, 0, true, input.certificates.map((c) => raw(c))),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), explicit(0, signedData)]));
}
