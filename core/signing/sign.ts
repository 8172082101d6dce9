/**
 * PDF digital signature, PAdES baseline B-B (ETSI EN 319 142-1): SubFilter
 * ETSI.CAdES.detached, a CMS built by cades.ts over the document's byte range, the signing
 * time in the signature dictionary's /M. This must be the very last step: any re-save
 * after it changes the signed bytes and breaks the digest.
 *
 * The /Contents placeholder is sized to the CMS exactly, so the hex string holds no zero
 * padding: every byte of the file is either signed or part of the CMS (see docs/SECURITY.md
 * for what each part of the CMS is protected by). The P12 is decrypted once per identity.
 */
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { buildCades, certificateParts, type CadesInput, type KeyAlgorithm } from './cades.ts';
import { matchesKey, openP12, SigningIdentityError, type SigningIdentity } from './identity.ts';

interface SigningMaterial {
  readonly key: KeyObject;
  readonly keyAlgorithm: KeyAlgorithm;
  readonly signer: ReturnType<typeof certificateParts>;
  readonly certificates: readonly Buffer[];
  /** Exact DER length of this identity's CMS: fixed for RSA (the signature is as long as the modulus). */
  readonly cmsLength: number;
}

const materials = new WeakMap<SigningIdentity, SigningMaterial>();

function certificateDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

function materialFor(identity: SigningIdentity): SigningMaterial {
  const cached = materials.get(identity);
  if (cached) return cached;
  const { key, certs } = openP12(identity.p12, identity.passphrase);
  const leaf = certs.find((c) => matchesKey(c, key));
  if (!leaf) throw new SigningIdentityError('The private key does not match any certificate in the file.');
  const nodeKey = createPrivateKey(forge.pki.privateKeyToPem(key));
  const keyAlgorithm: KeyAlgorithm = nodeKey.asymmetricKeyType === 'ec' ? 'ec' : 'rsa';
  const signer = certificateParts(certificateDer(leaf));
  // The self-signed root is left out: a verifier must hold it in its own trust store anyway,
  // and a copy in the CMS is unsigned bytes an attacker could change without any check noticing.
  const intermediates = certs.filter((c) => c !== leaf && !c.isIssuer(c)).map(certificateDer);
  const certificates = [signer.der, ...intermediates];
  const modulusBytes = Math.ceil((nodeKey.asymmetricKeyDetails?.modulusLength ?? 2048) / 8);
  const sizing: CadesInput = { documentDigest: Buffer.alloc(32), key: nodeKey, keyAlgorithm, signer, certificates };
  const cmsLength = buildCades(sizing, Buffer.alloc(modulusBytes)).length;
  const material = { key: nodeKey, keyAlgorithm, signer, certificates, cmsLength };
  materials.set(identity, material);
  return material;
}

/** @signpdf Signer producing the CAdES CMS with a cached key. */
class CadesSigner extends Signer {
  readonly #material: SigningMaterial;

  constructor(material: SigningMaterial) {
    super();
    this.#material = material;
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const { key, keyAlgorithm, signer, certificates, cmsLength } = this.#material;
    const documentDigest = createHash('sha256').update(pdfBuffer).digest();
    const cms = buildCades({ documentDigest, key, keyAlgorithm, signer, certificates });
    // An ECDSA signature's DER length varies by a byte or two; anything but an exact fit would leave padding.
    if (cms.length !== cmsLength) throw new SigningIdentityError('The signing key produced a signature of unexpected size (only RSA keys are supported).');
    return cms;
  }
}

/** Signs `unsigned` (a complete PDF) with `identity`, recording `signingTime` in the signature dictionary. */
export async function signPdf(unsigned: Uint8Array, identity: SigningIdentity, signingTime: Date): Promise<Uint8Array> {
  const material = materialFor(identity);
  if (material.keyAlgorithm !== 'rsa') throw new SigningIdentityError('Only RSA signing keys are supported.');
  // updateMetadata: false keeps the producer and dates the renderer set (and the XMP that mirrors them).
  const doc = await PDFDocument.load(unsigned, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'Client intake summary',
    contactInfo: '',
    name: commonName(identity.subject),
    location: organisation(identity.subject),
    signingTime,
    // Counted in hex digits: two per CMS byte, so the CMS fills /Contents exactly.
    signatureLength: 2 * material.cmsLength,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Clinic intake kiosk',
  });
  // The placeholder library finds the ByteRange by text search, which object streams would hide.
  const prepared = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  const signed = await new SignPdf().sign(Buffer.from(prepared), new CadesSigner(material), signingTime);
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}

function commonName(dn: string): string {
  return /(?:^|, )CN=([^,]+)/.exec(dn)?.[1] ?? dn;
}

function organisation(dn: string): string {
  return /(?:^|, )O=([^,]+)/.exec(dn)?.[1] ?? '';
}
