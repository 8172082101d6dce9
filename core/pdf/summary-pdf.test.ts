/**
 * End-to-end checks of the signed summary with the tools a clinic or auditor would use:
 * PDFBox Preflight, poppler's pdfsig (signature + trust through an NSS db holding the
 * clinic CA) and OpenSSL (testing/pdf-checks.ts), qpdf, pdftotext and pdftoppm. Page-1 PNGs land in artifacts/pdf/ for a human to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { evaluateScreening, localize, treatmentVerdict, type Answers, type FormDefinition } from '../../forms/engine/index.ts';
import type { SigningIdentity } from '../signing/identity.ts';
import { createSignedSummary, buildSummaryModel, type SummaryInput } from './index.ts';
import { CASES, DEFAULT_FORM_ANSWERS, FIXTURE_FORM, requestOfSummary } from './test-fixtures.ts';
import { GUARDIAN_ANSWERS, MINOR_DATE_OF_BIRTH } from '../../forms/definitions/sample-answers.ts';
import { ARCHIVE_EXPECTATION, archiveChecks, pdfsig as runPdfsig, testSigner, type TrustStore } from './testing/pdf-checks.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts/pdf');
const CREATED = new Date(2026, 10, 21, 14, 32);
const clock = { now: () => new Date(2026, 10, 21, 14, 32, 30) };

let work: string;
let trust: TrustStore;
let identity: SigningIdentity;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'kiosk-pdf-'));
  ({ identity, trust } = await testSigner('Harbour Massage Clinic', join(work, 'trust')));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const pdfsig = (file: string) => runPdfsig(file, trust);

/** Text with the page chrome removed and whitespace collapsed, so wrapped answers read as one string. */
function bodyText(file: string, chrome: readonly string[]): string {
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return raw
    .split(/\n|\f/)
    .filter((line) => !chrome.includes(line.trim()) && !/^Page \d+ of \d+$/.test(line.trim()))
    .join(' ')
    .replace(/\s+/g, ' ');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface RenderCase {
  readonly label: string;
  readonly form: FormDefinition;
  readonly answers: Answers;
  readonly language: string;
  readonly name: string;
  readonly minPages: number;
}

const RENDER_CASES: readonly RenderCase[] = [
  ...CASES.map((c) => ({ ...c, form: FIXTURE_FORM })),
  { label: 'default form', form: DEFAULT_INTAKE_FORM, answers: DEFAULT_FORM_ANSWERS, language: 'en', name: 'Ana Ríos', minPages: 1 },
  {
    label: 'default form, a minor with a guardian',
    form: DEFAULT_INTAKE_FORM,
    answers: { ...DEFAULT_FORM_ANSWERS, date_of_birth: MINOR_DATE_OF_BIRTH, ...GUARDIAN_ANSWERS },
    language: 'en',
    name: 'Ana Ríos',
    minPages: 2,
  },
];

describe.each(RENDER_CASES)('signed summary: $label', (c) => {
  const slug = c.label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  let file: string;
  let pdf: Uint8Array;
  let input: SummaryInput;

  beforeAll(async () => {
    const flags = evaluateScreening(c.form, c.answers, CREATED);
    input = { form: c.form, answers: c.answers, flags, language: c.language, submissionId: `sub-${slug}`, createdAt: CREATED, clinicName: 'Harbour Massage Clinic', clinicAddress: '12 Quay Street' };
    const result = await createSignedSummary(input, identity, clock, requestOfSummary(input));
    pdf = result.pdf;
    expect(result.signedAt).toBe(clock.now().toISOString());
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    file = join(ARTIFACTS, `${slug}.pdf`);
    writeFileSync(file, pdf);
  });

  it('archive: PDF/A-1b by Preflight; PAdES B-B by pdfsig (valid, trusted, whole document) and OpenSSL (verifies, ESS v2, no signingTime, SHA-256)', () => {
    const { summary, reports } = archiveChecks(file, trust, join(work, slug));
    expect(summary, reports).toMatchObject(ARCHIVE_EXPECTATION);
    // A JVM start per file (Preflight), slow on a loaded machine.
  }, 120_000);

  it('flipping one byte inside the signed range breaks the signature', () => {
    const bytes = Buffer.from(pdf);
    const range = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)/.exec(bytes.toString('latin1'));
    expect(range).not.toBeNull();
    // A byte inside the first content stream: inside range 1, and the file still parses.
    const at = bytes.indexOf('stream', 100) + 20;
    expect(at).toBeLessThan(Number(range?.[2]));
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    const tampered = join(work, `${slug}-tampered.pdf`);
    writeFileSync(tampered, bytes);
    const sig = pdfsig(tampered);
    expect(sig.isValid, sig.report).toBe(false);
    expect(sig.report).toMatch(/Digest Mismatch|Signature is Invalid/);
  });

  it('qpdf --check passes', () => {
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('text layer: name exactly, the verdict on page 1, every flag title, every visible answer, page N of M on each page', () => {
    const model = buildSummaryModel(input);
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = raw.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(c.minPages);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));

    const header = `${model.clinic.name} · ${model.client.name} · ${model.visit.dateText}`;
    const footer = `${model.form.id} v${model.form.version} · ${model.submissionId}`;
    const text = bodyText(file, [squash(header).replace(/ · /g, '  ·  '), header, footer]);
    expect(raw).toContain(c.name);
    // Page 1 answers "May I treat today?" in the words the detail screen uses.
    expect(squash(pages[0] ?? '')).toContain(model.labels.verdicts[treatmentVerdict(input.flags)]);
    for (const flag of input.flags) expect(text).toContain(squash(localize(flag.title, c.form.defaultLanguage)));
    for (const section of model.sections) {
      expect(text).toContain(squash(section.title));
      // Question and answer together, so a value that also appears in the page-1 facts cannot stand in for it.
      for (const item of section.items) expect(text, item.label).toContain(`${squash(item.label)} ${squash(item.value)}`);
    }
    for (const consent of model.consents) expect(text).toContain(squash(consent.text));
  });

  it('signatures: each drawn one under its label, the signer beneath; a minor\'s guardian on page 1 too', () => {
    const model = buildSummaryModel(input);
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = raw.split('\f').map(squash);
    const text = squash(raw);
    for (const signature of model.signatures) {
      expect(text).toContain(signature.label);
      expect(text).toContain(squash(`${signature.signer} · ${model.visit.text}`));
    }
    if (model.guardian) {
      expect(pages[0]).toContain(squash(`${model.labels.guardian}: ${model.guardian.line}`));
      expect(model.signatures.map((s) => s.role)).toEqual(['client', 'guardian']);
    } else {
      expect(text).not.toContain(model.labels.guardianSignature);
    }
  });

  it('metadata names the clinic but never the client', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Author:\s+Harbour Massage Clinic/);
    for (const part of c.name.split(' ')) expect(info).not.toContain(part);
  });

  it('page 1 renders to a PNG artefact', () => {
    const prefix = join(ARTIFACTS, `${slug}-page1`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    expect(existsSync(`${prefix}.png`)).toBe(true);
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(5_000);
  });
});

describe('fonts', () => {
  it('embeds subsets only, and the CJK fallback only when a Han character is present', () => {
    const fonts = (slug: string) => execFileSync('pdffonts', [join(ARTIFACTS, `${slug}.pdf`)], { encoding: 'utf8' });
    const latin = fonts('no-flags');
    const han = fonts('non-latin-name');
    expect(latin).toMatch(/DejaVuSans/);
    expect(latin).not.toMatch(/NotoSansSC/);
    expect(han).toMatch(/NotoSansSC/);
    // Every font line is embedded ("yes" in the emb column).
    for (const line of han.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/\byes\b/);
    expect(readFileSync(join(ARTIFACTS, 'non-latin-name.pdf')).length).toBeLessThan(300_000);
  });
});
