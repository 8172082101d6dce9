/**
 * PDF digital signature: a detached PKCS#7 (adbe.pkcs7.detached, SHA-256) over the
 * document's byte range, from the clinic's P12. This must be the very last step: any
 * re-save after it changes the signed bytes and breaks the digest.
 *
 * The PKCS#7 structure is the one @signpdf/signer-p12 builds (same attributes, same
 * order), but the P12 is decrypted once per identity rather than on every submission,
 * and the RSA operation runs in node:crypto: forge's pure-JS PBKDF and RSA took about
 * 80 ms of each summary.
 */
import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { matchesKey, openP12, SigningIdentityError, type SigningIdentity } from './identity.ts';

/** Room for the PKCS#7 blob: the signature plus a two-certificate chain fits in well under 8 KiB. */
const SIGNATURE_LENGTH = 8192;

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 section 9.2, note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

interface SigningMaterial {
  readonly key: KeyObject;
  readonly leaf: forge.pki.Certificate;
  readonly certs: readonly forge.pki.Certificate[];
}

const materials = new WeakMap<SigningIdentity, SigningMaterial>();

function materialFor(identity: SigningIdentity): SigningMaterial {
  const cached = materials.get(identity);
  if (cached) return cached;
  const { key, certs } = openP12(identity.p12, identity.passphrase);
  const leaf = certs.find((c) => matchesKey(c, key));
  if (!leaf) throw new SigningIdentityError('The private key does not match any certificate in the file.');
  const material = { key: createPrivateKey(forge.pki.privateKeyToPem(key)), leaf, certs };
  materials.set(identity, material);
  return material;
}

/** @signpdf Signer producing the PKCS#7 with a cached key. */
class CachedKeySigner extends Signer {
  readonly #material: SigningMaterial;

  constructor(material: SigningMaterial) {
    super();
    this.#material = material;
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const { key, leaf, certs } = this.#material;
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const cert of certs) p7.addCertificate(cert);
    // forge only calls key.sign(md) on the private key; node:crypto does the RSA.
    const nodeKey = {
      sign: (md: forge.md.MessageDigest) =>
        privateEncrypt(
          { key, padding: constants.RSA_PKCS1_PADDING },
          Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]),
        ).toString('binary'),
    };
    p7.addSigner({
      key: nodeKey as unknown as forge.pki.rsa.PrivateKey,
      certificate: leaf,
      digestAlgorithm: forge.pki.oids.sha256 ?? '2.16.840.1.101.3.4.2.1',
      // Same attributes, same order as @signpdf/signer-p12 (the order matters to EU validators).
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType ?? '1.2.840.113549.1.9.3', value: forge.pki.oids.data ?? '1.2.840.113549.1.7.1' },
        { type: forge.pki.oids.signingTime ?? '1.2.840.113549.1.9.5', value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest ?? '1.2.840.113549.1.9.4' },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

/** Signs `unsigned` (a complete PDF) with `identity`, recording `signingTime` in the signature. */
export async function signPdf(unsigned: Uint8Array, identity: SigningIdentity, signingTime: Date): Promise<Uint8Array> {
  const material = materialFor(identity);
  // updateMetadata: false keeps the producer and dates the renderer set.
  const doc = await PDFDocument.load(unsigned, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'Client intake summary',
    contactInfo: '',
    name: commonName(identity.subject),
    location: organisation(identity.subject),
    signingTime,
    signatureLength: SIGNATURE_LENGTH,
    appName: 'Clinic intake kiosk',
  });
  // The placeholder library finds the ByteRange by text search, which object streams would hide.
  const prepared = await doc.save({ useObjectStreams: false });
  const signed = await new SignPdf().sign(Buffer.from(prepared), new CachedKeySigner(material), signingTime);
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}

function commonName(dn: string): string {
  return /(?:^|, )CN=([^,]+)/.exec(dn)?.[1] ?? dn;
}

function organisation(dn: string): string {
  return /(?:^|, )O=([^,]+)/.exec(dn)?.[1] ?? '';
}
