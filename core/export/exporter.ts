/**
 * Copies each signed PDF to the export folder an admin configures (often a network
 * share). The database copy is the record; this is a convenience copy, so a failure is
 * journaled and retried later, never fatal. Writes are atomic: a temp file in the
 * target folder, fsync, rename, fsync of the folder, so a reader of the share (or a
 * power cut) never sees a half-written PDF under its final name.
 *
 * The journal holds ids, times, attempt counts and our own error text only: no names,
 * no file names (they carry initials), no OS messages (they carry paths).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Clock } from '../ports.ts';

export const exportMigrations: readonly { readonly id: string; readonly sql: string }[] = [
  {
    id: 'exports-001',
    sql: `CREATE TABLE export_jobs (
      submission_id TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('pending', 'done')),
      attempts INTEGER NOT NULL,
      last_error TEXT,
      first_attempt_at TEXT NOT NULL,
      last_attempt_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX export_jobs_pending ON export_jobs (status, last_attempt_at);`,
  },
  {
    // A journal entry belongs to its submission: purged with it (retention), and entries
    // already orphaned by an earlier purge are dropped here.
    id: 'exports-002',
    sql: `CREATE TABLE export_jobs_new (
      submission_id TEXT PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('pending', 'done')),
      attempts INTEGER NOT NULL,
      last_error TEXT,
      first_attempt_at TEXT NOT NULL,
      last_attempt_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO export_jobs_new SELECT * FROM export_jobs WHERE submission_id IN (SELECT id FROM submissions);
    DROP TABLE export_jobs;
    ALTER TABLE export_jobs_new RENAME TO export_jobs;
    CREATE INDEX export_jobs_pending ON export_jobs (status, last_attempt_at);`,
  },
];

/** An open file that can be made durable. Node's FileHandle satisfies it. */
export interface ExportFileHandle {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls the exporter makes; injectable so tests can simulate EACCES or ENOSPC. */
export interface ExportFs {
  isDirectory(path: string): Promise<boolean>;
  exists(path: string): Promise<boolean>;
  /** Creates `path`, failing if it exists. */
  createExclusive(path: string): Promise<ExportFileHandle>;
  openDirectory(path: string): Promise<Pick<ExportFileHandle, 'sync' | 'close'>>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeExportFs: ExportFs = {
  isDirectory: async (path) => (await stat(path)).isDirectory(),
  exists: async (path) => {
    try {
      await stat(path);
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  },
  createExclusive: (path) => open(path, 'wx', 0o640),
  openDirectory: (path) => open(path, 'r'),
  rename,
  unlink,
};

export type ExportResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: string };

export interface PendingExport {
  readonly submissionId: string;
  readonly lastError: string;
  readonly attempts: number;
}

export interface Exporter {
  /** Writes `pdf` to the export folder; on failure journals it for retryPending and returns ok:false. */
  exportPdf(submissionId: string, pdf: Uint8Array, createdAt: Date, initials: string): Promise<ExportResult>;
  /**
   * Retries every journaled failure, loading the PDF from the database through `load`
   * (null when the submission has since been purged: its job is dropped).
   * `retried` counts attempts made, `failed` those that failed again.
   */
  retryPending(load: (submissionId: string) => { pdf: Uint8Array; createdAt: Date; initials: string } | null): Promise<{ retried: number; failed: number }>;
  /** Journaled failures, oldest first. */
  pending(): PendingExport[];
}

/** Most collisions are two clients with the same initials in the same minute. */
const MAX_NUMBERED_SUFFIX = 20;

export function createExporter(db: DatabaseSync, clock: Clock, folder: () => string | null, fs: ExportFs = nodeExportFs): Exporter {
  const recordFailure = db.prepare(
    `INSERT INTO export_jobs (submission_id, status, attempts, last_error, first_attempt_at, last_attempt_at)
     VALUES (?, 'pending', 1, ?, ?, ?)
     ON CONFLICT(submission_id) DO UPDATE SET status = 'pending', attempts = attempts + 1,
       last_error = excluded.last_error, last_attempt_at = excluded.last_attempt_at`,
  );
  const recordSuccess = db.prepare(
    `INSERT INTO export_jobs (submission_id, status, attempts, last_error, first_attempt_at, last_attempt_at)
     VALUES (?, 'done', 1, NULL, ?, ?)
     ON CONFLICT(submission_id) DO UPDATE SET status = 'done', attempts = attempts + 1,
       last_error = NULL, last_attempt_at = excluded.last_attempt_at`,
  );
  const selectPending = db.prepare(
    `SELECT submission_id AS submissionId, last_error AS lastError, attempts FROM export_jobs
     WHERE status = 'pending' ORDER BY first_attempt_at, submission_id`,
  );
  const dropJob = db.prepare('DELETE FROM export_jobs WHERE submission_id = ?');
  // One write per submission at a time: a retry must not race the first attempt.
  const inFlight = new Map<string, Promise<ExportResult>>();

  async function attempt(submissionId: string, pdf: Uint8Array, createdAt: Date, initials: string): Promise<ExportResult> {
    const target = folder();
    if (!target) return { ok: false, message: 'No export folder is configured.' };
    const now = clock.now().toISOString();
    try {
      const path = await writeAtomically(fs, target, exportFileName(createdAt, initials), pdf);
      recordSuccess.run(submissionId, now, now);
      return { ok: true, path };
    } catch (error) {
      const message = describeFailure(error);
      recordFailure.run(submissionId, message, now, now);
      return { ok: false, message };
    }
  }

  function exportPdf(submissionId: string, pdf: Uint8Array, createdAt: Date, initials: string): Promise<ExportResult> {
    const running = inFlight.get(submissionId);
    if (running) return running;
    const job = attempt(submissionId, pdf, createdAt, initials).finally(() => inFlight.delete(submissionId));
    inFlight.set(submissionId, job);
    return job;
  }

  function pending(): PendingExport[] {
    return (selectPending.all() as { submissionId: string; lastError: string | null; attempts: number }[]).map((row) => ({
      submissionId: row.submissionId,
      lastError: row.lastError ?? '',
      attempts: row.attempts,
    }));
  }

  return {
    exportPdf,
    pending,
    async retryPending(load) {
      let retried = 0;
      let failed = 0;
      for (const job of pending()) {
        const source = load(job.submissionId);
        if (!source) {
          dropJob.run(job.submissionId);
          continue;
        }
        retried += 1;
        const result = await exportPdf(job.submissionId, source.pdf, source.createdAt, source.initials);
        if (!result.ok) failed += 1;
      }
      return { retried, failed };
    },
  };
}

/** `2026-11-21_1432_ZLN.pdf`: local date and time of the visit and the client's initials, nothing else. */
export function exportFileName(createdAt: Date, initials: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${createdAt.getFullYear()}-${pad(createdAt.getMonth() + 1)}-${pad(createdAt.getDate())}`;
  const time = `${pad(createdAt.getHours())}${pad(createdAt.getMinutes())}`;
  const safeInitials = initials.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 4) || 'X';
  return `${date}_${time}_${safeInitials}.pdf`;
}

async function writeAtomically(fs: ExportFs, dir: string, fileName: string, pdf: Uint8Array): Promise<string> {
  // Never create the folder: a missing network share must fail loudly, not fill the local disk.
  if (!(await fs.isDirectory(dir))) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  const temp = join(dir, `.kiosk-export-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.createExclusive(temp);
  let isRenamed = false;
  try {
    try {
      await handle.writeFile(pdf);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const finalPath = await freePath(fs, dir, fileName);
    await fs.rename(temp, finalPath);
    isRenamed = true;
    await syncDirectory(fs, dir);
    return finalPath;
  } finally {
    if (!isRenamed) await fs.unlink(temp).catch(() => {});
  }
}

async function freePath(fs: ExportFs, dir: string, fileName: string): Promise<string> {
  const stem = fileName.replace(/\.pdf$/, '');
  const first = join(dir, fileName);
  if (!(await fs.exists(first))) return first;
  for (let n = 2; n <= MAX_NUMBERED_SUFFIX; n += 1) {
    const candidate = join(dir, `${stem}_${n}.pdf`);
    if (!(await fs.exists(candidate))) return candidate;
  }
  return join(dir, `${stem}_${randomBytes(3).toString('hex')}.pdf`);
}

async function syncDirectory(fs: ExportFs, dir: string): Promise<void> {
  let handle: Pick<ExportFileHandle, 'sync' | 'close'>;
  try {
    handle = await fs.openDirectory(dir);
  } catch (error) {
    // Windows and some SMB mounts cannot open a directory for fsync; the rename itself is still atomic.
    if (['EISDIR', 'EPERM', 'EACCES', 'ENOTSUP'].includes(errorCode(error) ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!['EINVAL', 'ENOTSUP', 'EPERM'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Our own words per error code: OS messages carry paths, and paths carry initials. */
function describeFailure(error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'The export folder does not exist or is not reachable.';
    case 'EACCES':
    case 'EPERM':
      return 'The kiosk has no permission to write to the export folder.';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'The export folder is full (no space left on the disk).';
    case 'EROFS':
      return 'The export folder is read-only.';
    case 'EIO':
    case 'ETIMEDOUT':
    case 'EHOSTDOWN':
    case 'ENOTCONN':
      return 'The export folder could not be reached (input/output error).';
    default:
      return code ? `Export failed (${code}).` : 'Export failed.';
  }
}
