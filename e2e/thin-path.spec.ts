/**
 * The walking skeleton end to end: a client fills the form and signs in Chromium, main
 * validates, stores (encrypted) and signs the PDF, writes a copy to the export folder,
 * and the staff screen lists the submission.
 */
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caCertificatePem } from '../core/signing/identity.ts';
import { test, expect } from './fixtures.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { PORTRAIT } from './pages/client/screens.ts';

test.use({ hasTouch: true, viewport: PORTRAIT });
test.describe.configure({ timeout: 180_000 });

/** pdfsig's verdict with the clinic CA trusted through a throwaway NSS database. */
function verifySignature(pdfFile: string, caPem: string, dir: string): string {
  const nss = join(dir, 'nss');
  mkdirSync(nss, { recursive: true });
  writeFileSync(join(dir, 'ca.pem'), caPem);
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'clinic-ca', '-t', 'CT,C,C', '-i', join(dir, 'ca.pem')]);
  return execFileSync('pdfsig', ['-nssdir', `sql:${nss}`, pdfFile], { encoding: 'utf8' });
}

test('thin path: intake -> stored, signed PDF + export copy -> listed for staff', async ({ kiosk, core, dataDir }) => {
  const exportDir = join(dataDir, 'export-share');
  mkdirSync(exportDir);
  await core.deps.settings.update({ exportFolder: exportDir }, 'test');

  const flow = new IntakeFlow(kiosk, 'thin-path', { record: false });
  await flow.attract.start();
  await flow.aboutYou({ firstName: 'Zoë', lastName: 'Nguyễn', dateOfBirth: '1979-05-30', phone: '5550177' });
  await flow.yourBack({ pain: 5 });
  await flow.health({ osteoporosis: true });
  await flow.preferences('light');
  await flow.consent();
  await flow.submitAndExpectDone();

  // The stored record: one submission, decrypts to what the client entered, with the flag main computed.
  const [item] = await core.deps.submissions.list({ status: 'all', limit: 10 });
  expect(item).toMatchObject({ clientName: 'Zoë Nguyễn', status: 'new', formId: 'massage-intake', formVersion: DEFAULT_INTAKE_FORM.version });
  expect(item?.severities.modify).toBeGreaterThan(0);
  const stored = (await core.deps.submissions.get(item!.submissionId))!;
  expect(stored.answers['date_of_birth']).toBe('1979-05-30');
  expect(stored.answers['osteoporosis']).toBe(true);
  expect(stored.flags.map((f) => f.code)).toContain('OSTEOPOROSIS');

  // The export copy: written atomically under a name with date, time and initials only.
  await expect.poll(() => readdirSync(exportDir).filter((f) => f.endsWith('.pdf')), { timeout: 15_000 }).toHaveLength(1);
  const [fileName] = readdirSync(exportDir).filter((f) => f.endsWith('.pdf'));
  expect(fileName).toMatch(/^\d{4}-\d{2}-\d{2}_\d{4}_ZN\.pdf$/);
  const exported = join(exportDir, fileName!);
  expect(Buffer.compare(readFileSync(exported), Buffer.from(stored.pdf))).toBe(0);

  // Its content and signature, read by standard tools.
  const text = execFileSync('pdftotext', ['-layout', exported, '-'], { encoding: 'utf8' });
  expect(text).toContain('Zoë Nguyễn');
  expect(text).toMatch(/Osteoporosis/i);
  const pdfsig = verifySignature(exported, (await caCertificatePem(core.deps.secrets))!, dataDir);
  expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
  expect(pdfsig).toContain('Certificate Validation: Certificate is Trusted.');

  // Staff mode lists it: first-run setup of the admin, then the queue.
  await kiosk.keyboard.press('Control+Alt+Shift+S');
  await kiosk.getByLabel(/name/i).first().fill('Olivia Owner');
  for (let round = 0; round < 2; round += 1) {
    for (const digit of '135792') await kiosk.getByRole('button', { name: digit, exact: true }).click();
    await kiosk.getByRole('button', { name: /^(Next|Create|Continue|Save|Set up)/ }).click();
  }
  await expect(kiosk.getByRole('table').or(kiosk.getByRole('list')).first()).toContainText('Zoë Nguyễn');
});
