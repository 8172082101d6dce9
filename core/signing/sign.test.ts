import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateSigningIdentity } from './identity.ts';
import { signPdf } from './sign.ts';

const work = mkdtempSync(join(tmpdir(), 'kiosk-sign-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function tinyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('summary');
  return doc.save({ useObjectStreams: false });
}

describe('signPdf', () => {
  it('signs the whole file with SHA-256 under the kiosk certificate, again and again with one identity', async () => {
    const secrets = new Map<string, Uint8Array>();
    const store = { get: (n: string) => secrets.get(n) ?? null, put: (n: string, v: Uint8Array) => void secrets.set(n, v) };
    const identity = await loadOrCreateSigningIdentity(store, 'Harbour Massage Clinic', { now: () => new Date() });
    const when = new Date('2026-11-21T14:32:30Z');
    for (const round of [1, 2]) {
      const file = join(work, `signed-${round}.pdf`);
      writeFileSync(file, await signPdf(await tinyPdf(), identity, when));
      const report = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Total document signed');
      expect(report).toContain('Signer Certificate Common Name: Harbour Massage Clinic intake kiosk');
      expect(report).toContain('Signing Hash Algorithm: SHA-256');
    }
  });
});
