/**
 * Independent checks of a signed archive PDF, with the tools an auditor would use rather
 * than our own code: PDFBox Preflight (PDF/A-1b), poppler's pdfsig (signature, trust, whole
 * document), and OpenSSL (`cms -verify` over the extracted CMS, and its own ASN.1 print of
 * the signed attributes). Test-only; generic over any signed PDF, so every PDF test can
 * run all of it on every file it makes.
 *
 * None of these tools signals failure by exit code alone (Preflight and pdfsig exit 0 on
 * an invalid file), so each report is parsed, and a tool that is missing is a failure.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { caCertificatePem, loadOrCreateSigningIdentity, type SigningIdentity, memorySecretStore } from '../../signing/identity.ts';

/** Debian's PDFBox 2 jars (libpdfbox2-java, libactivation-java, libjaxb-api-java). */
export const PREFLIGHT_CLASSPATH = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api']
  .map((jar) => `/usr/share/java/${jar}.jar`)
  .join(':');

export interface PreflightResult {
  readonly isValid: boolean;
  /** "code : message" lines, e.g. "1.4.1 : Trailer Syntax error, ...", each once. */
  readonly errors: readonly string[];
  readonly report: string;
}

/** PDFBox Preflight's PDF/A-1b verdict on `file`. */
export function preflight(file: string): PreflightResult {
  const run = spawnSync('java', ['-cp', PREFLIGHT_CLASSPATH, 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8' });
  const report = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
  const name = basename(file);
  const isValid = report.includes(`The file ${name} is a valid PDF/A-1b file`);
  const errors = [...new Set(report.split('\n').filter((line) => /^\d+(\.\d+)* : /.test(line)))];
  return { isValid, errors, report };
}

/** A throwaway NSS database and PEM file that trust the clinic CA, for pdfsig and openssl. */
export interface TrustStore {
  readonly nssDir: string;
  readonly caFile: string;
}

export function createTrustStore(caPem: string, dir: string): TrustStore {
  mkdirSync(dir, { recursive: true });
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, caPem);
  const nssDir = join(dir, 'nss');
  mkdirSync(nssDir, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', `sql:${nssDir}`, '-n', 'clinic-ca', '-t', 'CT,C,C', '-i', caFile]);
  return { nssDir, caFile };
}

/** A fresh in-memory signing identity for `clinicName` and a trust store holding its CA. */
export async function testSigner(clinicName: string, dir: string): Promise<{ identity: SigningIdentity; trust: TrustStore }> {
  const store = memorySecretStore();
  const identity = await loadOrCreateSigningIdentity(store, clinicName, { now: () => new Date() });
  const caPem = await caCertificatePem(store);
  if (!caPem) throw new Error('no CA certificate');
  return { identity, trust: createTrustStore(caPem, dir) };
}

export interface PdfsigResult {
  readonly isValid: boolean;
  readonly isTrusted: boolean;
  readonly isWholeDocument: boolean;
  readonly signatureType: string | null;
  readonly signatureCount: number;
  readonly report: string;
}

/** pdfsig's verdict; it exits 0 even for a broken signature, so its report is parsed. */
export function pdfsig(file: string, trust: TrustStore): PdfsigResult {
  // TZ=UTC: pdfsig prints the signing time in local time.
  const run = spawnSync('pdfsig', ['-nssdir', `sql:${trust.nssDir}`, file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  const report = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
  return {
    isValid: report.includes('Signature Validation: Signature is Valid.'),
    isTrusted: report.includes('Certificate Validation: Certificate is Trusted.'),
    isWholeDocument: report.includes('Total document signed'),
    signatureType: /Signature Type: (\S+)/.exec(report)?.[1] ?? null,
    signatureCount: (report.match(/^Signature #\d+:/gm) ?? []).length,
    report,
  };
}

export interface SignatureParts {
  /** The CMS as stored in /Contents, padding included. */
  readonly contents: Buffer;
  /** The bytes the ByteRange covers. */
  readonly signedBytes: Buffer;
}

/** The last signature's /Contents and signed bytes, found the plain way (a byte-range regex). */
export function signatureParts(pdf: Uint8Array): SignatureParts {
  const bytes = Buffer.from(pdf);
  const ranges = [...bytes.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges[ranges.length - 1];
  if (!last) throw new Error('no /ByteRange in the PDF');
  const [a, b, c, d] = [last[1], last[2], last[3], last[4]].map(Number) as [number, number, number, number];
  const hex = bytes.subarray(b + 1, c - 1).toString('latin1');
  return { contents: Buffer.from(hex, 'hex'), signedBytes: Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]) };
}

export interface CmsResult {
  /** `openssl cms -verify` over the signed bytes, with the clinic CA as the only trust anchor. */
  readonly opensslVerifies: boolean;
  /** Names of the signed attributes as OpenSSL prints them, e.g. "id-smime-aa-signingCertificateV2". */
  readonly signedAttributes: readonly string[];
  readonly digestAlgorithm: string | null;
  /** The ESS certHash equals the SHA-256 of the certificate OpenSSL found as the signer. */
  readonly isSignerCertificateBound: boolean;
  /** Bytes of /Contents after the CMS (zero padding). */
  readonly paddingBytes: number;
  readonly report: string;
}

/** OpenSSL's view of the signature: verification, then the signed attributes from its ASN.1 print. */
export function cmsCheck(pdf: Uint8Array, trust: TrustStore, workDir: string): CmsResult {
  let parts: SignatureParts;
  try {
    parts = signatureParts(pdf);
  } catch (error) {
    const report = error instanceof Error ? error.message : String(error);
    return { opensslVerifies: false, signedAttributes: [], digestAlgorithm: null, isSignerCertificateBound: false, paddingBytes: 0, report };
  }
  const { contents, signedBytes } = parts;
  const cmsLength = derLength(contents);
  mkdirSync(workDir, { recursive: true });
  const cmsFile = join(workDir, 'signature.der');
  const contentFile = join(workDir, 'signed-bytes.bin');
  const signerFile = join(workDir, 'signer.pem');
  writeFileSync(cmsFile, contents.subarray(0, cmsLength));
  writeFileSync(contentFile, signedBytes);
  writeFileSync(signerFile, '');
  const verify = spawnSync(
    'openssl',
    ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cmsFile, '-content', contentFile, '-CAfile', trust.caFile, '-signer', signerFile, '-out', '/dev/null'],
    { encoding: 'utf8' },
  );
  const print = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsFile], { encoding: 'utf8' });
  const printed = print.stdout ?? '';
  const signerInfos = printed.slice(printed.indexOf('signerInfos:'));
  const attributesText = signerInfos.slice(signerInfos.indexOf('signedAttrs:'), signerInfos.indexOf('signatureAlgorithm:'));
  const signedAttributes = [...attributesText.matchAll(/object: (\S+) \(/g)].map((m) => m[1] ?? '');
  const essText = attributesText.slice(attributesText.indexOf('id-smime-aa-signingCertificateV2'));
  const certHash = /OCTET STRING\s+\[HEX DUMP\]:([0-9A-F]+)/.exec(essText)?.[1]?.toLowerCase() ?? null;
  const signerPem = readFileSync(signerFile, 'utf8');
  const signerHash = signerPem.includes('BEGIN CERTIFICATE') ? createHash('sha256').update(new X509Certificate(signerPem).raw).digest('hex') : null;
  return {
    opensslVerifies: verify.status === 0 && /Verification successful/.test(verify.stderr ?? ''),
    signedAttributes,
    digestAlgorithm: /digestAlgorithm:\s*\n\s*algorithm: (\S+)/.exec(signerInfos)?.[1] ?? null,
    isSignerCertificateBound: certHash !== null && certHash === signerHash,
    paddingBytes: contents.length - cmsLength,
    report: `${verify.stderr ?? ''}\n${printed}`,
  };
}

function derLength(bytes: Buffer): number {
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  return 2 + count + bytes.readUIntBE(2, count);
}

/** The CMS facts ARCHIVE_EXPECTATION.cms names, from OpenSSL's verdict. */
export function cmsSummary(cms: CmsResult) {
  return {
    opensslVerifies: cms.opensslVerifies,
    digestAlgorithm: cms.digestAlgorithm,
    hasSigningCertificateV2: cms.signedAttributes.includes('id-smime-aa-signingCertificateV2'),
    hasSigningTime: cms.signedAttributes.includes('signingTime'),
    isSignerCertificateBound: cms.isSignerCertificateBound,
    paddingBytes: cms.paddingBytes,
  };
}

/** Every check at once, shaped for one `toMatchObject` against ARCHIVE_EXPECTATION. */
export function archiveChecks(file: string, trust: TrustStore, workDir: string) {
  const pdf = readFileSync(file);
  const pre = preflight(file);
  const sig = pdfsig(file, trust);
  const cms = cmsCheck(pdf, trust, workDir);
  return {
    summary: {
      pdfA1b: pre.isValid,
      preflightErrors: pre.errors,
      pdfsig: { isValid: sig.isValid, isTrusted: sig.isTrusted, isWholeDocument: sig.isWholeDocument, signatureType: sig.signatureType },
      cms: cmsSummary(cms),
    },
    reports: `${pre.report}\n${sig.report}\n${cms.report}`,
  };
}

/** What a PAdES B-B, PDF/A-1b summary must look like to every tool. */
export const ARCHIVE_EXPECTATION = {
  pdfA1b: true,
  preflightErrors: [],
  pdfsig: { isValid: true, isTrusted: true, isWholeDocument: true, signatureType: 'ETSI.CAdES.detached' },
  cms: { opensslVerifies: true, digestAlgorithm: 'sha256', hasSigningCertificateV2: true, hasSigningTime: false, isSignerCertificateBound: true, paddingBytes: 0 },
} as const;
