import { createHash, createPrivateKey } from 'node:crypto';
import forge from 'node-forge';
import { P12Signer } from '@signpdf/signer-p12';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCades, certificateParts, fromDer, toDer, type CadesInput } from './cades.ts';
import { loadOrCreateSigningIdentity, memorySecretStore, openP12, type SigningIdentity } from './identity.ts';
import { verifyDetachedCms } from './verify-cms.ts';

const CONTENT = Buffer.from('the bytes a ByteRange covers');
let identity: SigningIdentity;
let input: CadesInput;

beforeAll(async () => {
  const store = memorySecretStore();
  // A non-ASCII clinic name: the issuer goes into the SignerInfo as the certificate's own bytes.
  identity = await loadOrCreateSigningIdentity(store, 'Clínica Añil', { now: () => new Date() });
  const { key, certs } = openP12(identity.p12, identity.passphrase);
  const leaf = certs.find((c) => !c.isIssuer(c));
  if (!leaf) throw new Error('no leaf');
  const signer = certificateParts(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(leaf)).getBytes(), 'binary'));
  input = {
    documentDigest: createHash('sha256').update(CONTENT).digest(),
    key: createPrivateKey(forge.pki.privateKeyToPem(key)),
    keyAlgorithm: 'rsa',
    signer,
    certificates: [signer.der],
  };
}, 30_000);

/** The CMS with one node replaced, re-encoded: a structurally valid variant no signer of ours writes. */
function edited(der: Buffer, edit: (root: forge.asn1.Asn1) => void): Buffer {
  const root = fromDer(der);
  edit(root);
  return toDer(root);
}

const signedData = (root: forge.asn1.Asn1) => ((root.value as forge.asn1.Asn1[])[1]?.value as forge.asn1.Asn1[])[0]?.value as forge.asn1.Asn1[];

describe('verifyDetachedCms', () => {
  it('a CAdES CMS from buildCades verifies, naming the signer', () => {
    expect(verifyDetachedCms(buildCades(input), CONTENT, 'cades')).toEqual({ verifies: true, signer: 'Clínica Añil intake kiosk', problem: null });
  });

  it.each([
    {
      label: 'other content -> changed after signing',
      cms: () => buildCades(input),
      content: Buffer.from('other bytes'),
      problem: 'The document was changed after it was signed.',
    },
    {
      label: 'a signature over other attributes -> does not match the certificate',
      cms: () => buildCades(input, Buffer.alloc(256, 7)),
      content: CONTENT,
      problem: 'The signature does not match the certificate.',
    },
    {
      label: 'the old @signpdf PKCS#7 (signingTime, no ESS) under the CAdES SubFilter -> refused',
      cms: () => Buffer.from(''),
      legacy: true,
      content: CONTENT,
      problem: 'A PAdES signature must not carry a signing-time attribute.',
    },
    {
      label: 'a SignedData version changed (unsigned, re-encoded validly) -> data not covered',
      cms: () => edited(buildCades(input), (root) => void ((signedData(root)[0] as forge.asn1.Asn1).value = String.fromCharCode(3))),
      content: CONTENT,
      problem: 'The signature contains data that is not covered by it.',
    },
    {
      label: 'a second, unsigned certificate added -> data not covered',
      cms: () => edited(buildCades(input), (root) => void ((signedData(root)[3] as forge.asn1.Asn1).value as forge.asn1.Asn1[]).push(fromDer(input.signer.der))),
      content: CONTENT,
      problem: 'The signature contains data that is not covered by it.',
    },
    { label: 'not DER at all', cms: () => Buffer.from('not a cms'), content: CONTENT, problem: 'The signature contents are malformed.' },
  ])('$label', async ({ cms, legacy, content, problem }) => {
    const der = legacy ? await new P12Signer(Buffer.from(identity.p12), { passphrase: identity.passphrase }).sign(CONTENT, new Date()) : cms();
    expect(verifyDetachedCms(Buffer.from(der), content, 'cades')).toMatchObject({ verifies: false, problem });
  });

  it('the old PKCS#7 still verifies under its own SubFilter', async () => {
    const der = await new P12Signer(Buffer.from(identity.p12), { passphrase: identity.passphrase }).sign(CONTENT, new Date());
    expect(verifyDetachedCms(Buffer.from(der), CONTENT, 'pkcs7')).toMatchObject({ verifies: true, problem: null });
  });
});
