/**
 * `node scripts/electronegativity.ts [dir...]` (npm run check:electron): runs Doyensec's
 * Electronegativity over the Electron sources (default: electron/) and fails on any
 * finding that is not justified in .electronegativity-justified.json.
 *
 * - Electronegativity exits 0 even with findings, so the SARIF output is parsed here.
 * - Findings are matched by rule id + repository-relative file, never by line number,
 *   so a justification survives unrelated edits but not a new file with the same issue.
 * - Offline quirk: Electronegativity fetches translations with `got` at start; with no
 *   network a retry timer later throws "The `onCancel` handler was attached after the
 *   promise settled." from p-cancelable and kills the process, sometimes before the
 *   report is written. The run is wrapped with a preload that swallows exactly that
 *   error. AvailableSecurityFixesGlobalCheck (which downloads Electron's release list)
 *   is skipped: CI has no network, and Electron updates are tracked as dependency updates.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ELECTRON_VERSION = '45.0.0';
export const JUSTIFICATIONS_FILE = '.electronegativity-justified.json';
/** The `file` of findings that concern the whole app rather than one file (e.g. CSP_GLOBAL_CHECK). */
export const GLOBAL_FILE = '(global)';
const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

export interface Finding {
  readonly rule: string;
  /** Repository-relative path with forward slashes, or GLOBAL_FILE. */
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface Justification {
  readonly rule: string;
  readonly file: string;
  /** Why this finding is acceptable, in a sentence or two a reviewer can check. */
  readonly why: string;
}

interface SarifResult {
  readonly ruleId?: string;
  readonly message?: { readonly text?: string };
  readonly locations?: ReadonlyArray<{
    readonly physicalLocation?: { readonly artifactLocation?: { readonly uri?: string }; readonly region?: { readonly startLine?: number } };
  }>;
}

interface SarifLike {
  readonly runs?: ReadonlyArray<{ readonly results?: readonly SarifResult[] }>;
}

/**
 * Reads Electronegativity's SARIF. With `-r` the URIs are relative to the scanned
 * directory; `scannedDir` (repository-relative, e.g. "electron") is prefixed to them.
 * Global checks report the URI "file:///".
 */
export function parseSarif(text: string, scannedDir: string): readonly Finding[] {
  const sarif = JSON.parse(text) as SarifLike;
  if (!Array.isArray(sarif.runs)) throw new Error('Not a SARIF report: no "runs".');
  const prefix = scannedDir.replace(/\\/g, '/').replace(/\/+$/, '');
  return sarif.runs.flatMap((run) =>
    (run.results ?? []).map((result: SarifResult): Finding => {
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri ?? '';
      const isGlobal = uri === '' || uri === 'file:///' || uri === 'file://';
      const path = uri.replace(/^file:\/\//, '').replace(/\\/g, '/').replace(/^\.\//, '');
      return {
        rule: result.ruleId ?? 'UNKNOWN_RULE',
        file: isGlobal ? GLOBAL_FILE : path.startsWith('/') ? path : `${prefix}/${path}`,
        line: location?.region?.startLine ?? 0,
        message: result.message?.text ?? '',
      };
    }),
  );
}

/** Validates the justifications file: every entry needs a rule, a file and a real reason. */
export function parseJustifications(text: string): readonly Justification[] {
  const json = JSON.parse(text) as { justified?: unknown };
  if (!Array.isArray(json.justified)) throw new Error(`${JUSTIFICATIONS_FILE} must have a "justified" array.`);
  return json.justified.map((entry: unknown, index) => {
    const e = entry as Partial<Record<keyof Justification, unknown>>;
    if (typeof e.rule !== 'string' || typeof e.file !== 'string' || typeof e.why !== 'string' || e.why.trim().length < 20) {
      throw new Error(`${JUSTIFICATIONS_FILE} entry ${index} needs "rule", "file" and a "why" of at least a sentence.`);
    }
    return { rule: e.rule, file: e.file, why: e.why };
  });
}

export interface Verdict {
  readonly unjustified: readonly Finding[];
  readonly justified: readonly Finding[];
  /** Justifications that matched nothing: the code changed; remove them so they cannot cover a future finding. */
  readonly stale: readonly Justification[];
}

export function judgeFindings(findings: readonly Finding[], justifications: readonly Justification[]): Verdict {
  const matches = (f: Finding, j: Justification) => f.rule === j.rule && f.file === j.file;
  return {
    unjustified: findings.filter((f) => !justifications.some((j) => matches(f, j))),
    justified: findings.filter((f) => justifications.some((j) => matches(f, j))),
    stale: justifications.filter((j) => !findings.some((f) => matches(f, j))),
  };
}

export function summaryLine(verdict: Verdict, scanned: readonly string[]): string {
  const status = verdict.unjustified.length === 0 ? 'OK' : 'FAILED';
  const stale = verdict.stale.length > 0 ? `, ${verdict.stale.length} stale justification(s)` : '';
  return `Electronegativity ${status}: ${verdict.unjustified.length} unjustified, ${verdict.justified.length} justified finding(s)${stale} in ${scanned.join(', ')} (Electron ${ELECTRON_VERSION}).`;
}

// Swallows only the offline network failures described at the top (got's request
// errors and p-cancelable's late throw); anything else still fails the run.
const OFFLINE_GUARD = `process.on('uncaughtException', (error) => {
  if (error && String(error.message).includes('The \`onCancel\` handler was attached after the promise settled')) return;
  if (error && (error.name === 'RequestError' || error.name === 'TimeoutError') && String(error.stack).includes('/got/')) return;
  console.error(error);
  process.exit(70);
});
`;

function runElectronegativity(root: string, dir: string, workDir: string): string {
  const cli = join(dirname(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const guard = join(workDir, 'offline-guard.cjs');
  writeFileSync(guard, OFFLINE_GUARD);
  const out = join(workDir, `${dir.replace(/[^A-Za-z0-9]/g, '_')}.sarif`);
  const args = ['--require', guard, cli, '-i', resolve(root, dir), '-e', ELECTRON_VERSION, '-r', '-x', SKIPPED_CHECKS.join(','), '-o', out];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (run.status !== 0 || !existsSync(out)) {
    throw new Error(`Electronegativity did not finish on ${dir} (exit ${run.status}).\n${run.stderr}${run.stdout}`.trim());
  }
  return readFileSync(out, 'utf8');
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['electron'];
  const justifications = parseJustifications(readFileSync(join(root, JUSTIFICATIONS_FILE), 'utf8'));
  const workDir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  try {
    const findings = dirs.flatMap((dir) => parseSarif(runElectronegativity(root, dir, workDir), relative(root, resolve(root, dir))));
    const verdict = judgeFindings(findings, justifications);
    for (const f of verdict.unjustified) console.error(`  unjustified ${f.rule} ${f.file}:${f.line} ${f.message}`);
    for (const j of verdict.stale) console.error(`  stale justification ${j.rule} ${j.file}: no such finding any more; remove it from ${JUSTIFICATIONS_FILE}`);
    console.log(summaryLine(verdict, dirs));
    process.exitCode = verdict.unjustified.length === 0 ? 0 : 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.main) main();
