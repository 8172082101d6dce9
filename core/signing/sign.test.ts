import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { cmsCheck, pdfsig, testSigner } from '../pdf/testing/pdf-checks.ts';
import { signPdf } from './sign.ts';

const work = mkdtempSync(join(tmpdir(), 'kiosk-sign-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function tinyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('summary');
  return doc.save({ useObjectStreams: false });
}

describe('signPdf', () => {
  it.each([
    { label: 'an ASCII clinic name', clinic: 'Harbour Massage Clinic' },
    // Non-ASCII names are BMPStrings in the certificate; the SignerInfo must copy the issuer's bytes exactly.
    { label: 'a non-ASCII clinic name', clinic: 'Clínica Añil' },
  ])('$label: PAdES B-B over the whole file, trusted, again and again with one identity', async ({ clinic }) => {
    const { identity, trust } = await testSigner(clinic, join(work, clinic.length.toString()));
    const when = new Date('2026-11-21T14:32:30Z');
    for (const round of [1, 2]) {
      const file = join(work, `signed-${clinic.length}-${round}.pdf`);
      const signed = await signPdf(await tinyPdf(), identity, when);
      writeFileSync(file, signed);
      const sig = pdfsig(file, trust);
      expect(sig, sig.report).toMatchObject({ isValid: true, isTrusted: true, isWholeDocument: true, signatureType: 'ETSI.CAdES.detached', signatureCount: 1 });
      expect(sig.report).toContain('Signing Hash Algorithm: SHA-256');
      // PAdES: the time is the signature dictionary's /M, which pdfsig reports.
      expect(sig.report).toContain('Signing Time: Nov 21 2026 14:32:30');
      const cms = cmsCheck(signed, trust, join(work, `cms-${clinic.length}-${round}`));
      expect(cms, cms.report).toMatchObject({ opensslVerifies: true, digestAlgorithm: 'sha256', isSignerCertificateBound: true, paddingBytes: 0 });
      expect([...cms.signedAttributes].sort()).toEqual(['contentType', 'id-smime-aa-signingCertificateV2', 'messageDigest']);
    }
  }, 60_000);
});
