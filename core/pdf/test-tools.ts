/**
 * Test-only: the outside tools the PDF tests check summaries with, wrapped once.
 * The signer, pdfsig and CMS checks come from testing/pdf-checks.ts; here: an independent
 * glyph check (mupdf + qpdf + fontTools, scripts/pdf-glyph-check.py) and PDFBox Preflight over
 * many files in one JVM (the script table makes a file per script).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SigningIdentity } from '../signing/identity.ts';
import { cmsCheck, pdfsig, PREFLIGHT_CLASSPATH, testSigner, type CmsResult, type PdfsigResult, type TrustStore } from './testing/pdf-checks.ts';
import { FONT_FILES, FONT_KEYS, loadFace } from './text/faces.ts';

const require = createRequire(import.meta.url);

/** The repository's artifacts/ folder (looked at by people, kept out of git). */
export const ARTIFACTS_ROOT = resolve(import.meta.dirname, '../../artifacts');

export interface SigningBench {
  readonly identity: SigningIdentity;
  readonly work: string;
  readonly trust: TrustStore;
  pdfsig(file: string): PdfsigResult;
  /** OpenSSL's verdict on the CMS and its signed attributes (testing/pdf-checks.ts). */
  cms(pdf: Uint8Array): CmsResult;
  dispose(): void;
}

/** A fresh clinic identity and an NSS database that trusts its CA, in a temporary folder. */
export async function createSigningBench(): Promise<SigningBench> {
  const work = mkdtempSync(join(tmpdir(), 'kiosk-pdf-'));
  const { identity, trust } = await testSigner('Harbour Massage Clinic', join(work, 'trust'));
  return {
    identity,
    work,
    trust,
    pdfsig: (file) => pdfsig(file, trust),
    cms: (pdf) => cmsCheck(pdf, trust, work),
    dispose: () => rmSync(work, { recursive: true, force: true }),
  };
}

export interface GlyphReport {
  readonly glyphs: number;
  readonly blank: number;
  readonly fonts: readonly string[];
  readonly errors: readonly string[];
}

// Debian's fontTools is installed for the system Python; a pyenv shim earlier on PATH may lack it.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const GLYPH_CHECK = resolve(import.meta.dirname, '../../scripts/pdf-glyph-check.py');

/** Every glyph the PDF draws, checked against its embedded subset and the bundled source font. */
export function checkGlyphs(file: string, work: string): GlyphReport {
  const sources = join(work, 'glyph-sources.json');
  if (!existsSync(sources)) {
    writeFileSync(sources, JSON.stringify(Object.fromEntries(FONT_KEYS.map((k) => [loadFace(k).postscriptName, require.resolve(FONT_FILES[k])]))));
  }
  return JSON.parse(execFileSync(PYTHON, [GLYPH_CHECK, file, sources], { encoding: 'utf8' })) as GlyphReport;
}

/** What `mutool draw` says while rendering every page: glyph and font errors, if any. */
export function mutoolDrawMessages(file: string): string[] {
  const result = spawnSync('mutool', ['draw', '-q', '-o', '/dev/null', file], { encoding: 'utf8' });
  // mupdf-tools in Debian is built without colour management; that warning is about the build, not the file.
  return `${result.stdout}\n${result.stderr}`.split('\n').filter((l) => l.trim() !== '' && !/ICC support is not available/.test(l));
}

export interface PreflightManyResult {
  readonly isValid: boolean;
  /** Error code ("3.1.2") -> details, as PDFBox Preflight reports them. */
  readonly errors: readonly { readonly code: string; readonly details: string }[];
}

/** PDFBox Preflight (PDF/A-1b) over many files in one JVM; results by file name. */
export function preflightMany(files: readonly string[], work: string): Map<string, PreflightManyResult> {
  const list = join(work, 'preflight-files.txt');
  writeFileSync(list, files.join('\n'));
  spawnSync('java', ['-cp', PREFLIGHT_CLASSPATH, 'org.apache.pdfbox.preflight.Validator_A1b', 'xml', 'group', list], { encoding: 'utf8' });
  const xml = readFileSync(`${list}.preflight.xml`, 'utf8');
  const results = new Map<string, PreflightManyResult>();
  for (const [, name = '', body = ''] of xml.matchAll(/<preflight name="([^"]*)">([\s\S]*?)<\/preflight>/g)) {
    const errors = [...body.matchAll(/<code>([^<]*)<\/code>\s*<details>([^<]*)<\/details>/g)].map(([, code = '', details = '']) => ({ code, details }));
    results.set(name, { isValid: /<isValid[^>]*>true</.test(body), errors });
  }
  return results;
}
