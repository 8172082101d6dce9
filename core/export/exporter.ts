/**
 * Copies each signed PDF to the export folder an admin configures (often a network
 * share). The database copy is the record; this is a convenience copy, so a failure is
 * journaled and retried later, never fatal. Writes are atomic: a temp file in the
 * target folder, fsync, a move into place that never replaces another copy, fsync of the folder,
 * so a reader of the share (or a power cut) never sees a half-written PDF under its final name,
 * and two clients with the same initials in the same minute each keep their own copy.
 *
 * An outbox: `enqueue` writes the job row in the submission's own transaction, so a kill at
 * any moment after the client was answered leaves a pending job; `sweep` at start-up removes
 * the temp files of writes a kill interrupted (only this kiosk's temp-name pattern); retries
 * find a copy that was renamed into place just before a kill and do not write it twice.
 *
 * The journal holds ids, times, attempt counts and our own error text only: no names,
 * no file names (they carry initials), no OS messages (they carry paths).
 */
import { randomBytes } from 'node:crypto';
import { link, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../ports.ts';
import type { Vault } from '../crypto/vault.ts';
import type { Queryable } from '../db/port.ts';
import type { DialectMigration } from '../db/migrate.ts';

export const exportMigrations: readonly DialectMigration[] = [
  {
    id: 'exports-001',
    postgres: `CREATE TABLE export_jobs (
      submission_id TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('pending', 'done')),
      attempts INTEGER NOT NULL,
      last_error TEXT,
      first_attempt_at TEXT NOT NULL,
      last_attempt_at TEXT NOT NULL
    );
    CREATE INDEX export_jobs_pending ON export_jobs (status, last_attempt_at);`,
    sqlite: `CREATE TABLE export_jobs (
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
    postgres: 'ALTER TABLE export_jobs ADD FOREIGN KEY (submission_id) REFERENCES submissions (id) ON DELETE CASCADE;',
    sqlite: `CREATE TABLE export_jobs_new (
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
  /** Names in `dir`. */
  list(dir: string): Promise<string[]>;
  /** Size and modification time, or null when `path` does not exist. */
  stat(path: string): Promise<{ readonly size: number; readonly mtimeMs: number } | null>;
  readFile(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
  /** Creates `path`, failing if it exists. */
  createExclusive(path: string): Promise<ExportFileHandle>;
  openDirectory(path: string): Promise<Pick<ExportFileHandle, 'sync' | 'close'>>;
  /**
   * Moves the file `from` to `to` only if `to` does not exist (EEXIST otherwise), so two writers
   * (this kiosk's retry and a new intake, or two kiosks on one share) never replace each other's copy.
   */
  placeExclusive(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** File systems without hard links (some SMB and FAT mounts) answer link() with one of these. */
const NO_HARD_LINKS = ['ENOTSUP', 'EOPNOTSUPP', 'EPERM', 'EXDEV', 'ENOSYS', 'EMLINK', 'EINVAL'];

/**
 * link() is the portable "rename unless the target exists" (Node has no RENAME_NOREPLACE): atomic
 * and refused with EEXIST by the file system itself. Where hard links are unsupported, a check and
 * a rename; the exporter serialises its own writes, so only two machines on such a share can race.
 */
async function placeExclusive(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!NO_HARD_LINKS.includes(errorCode(error) ?? '')) throw error;
    if (await nodeExportFs.exists(to)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await rename(from, to);
    return;
  }
  await unlink(from);
}

export const nodeExportFs: ExportFs = {
  isDirectory: async (path) => (await stat(path)).isDirectory(),
  list: (dir) => readdir(dir),
  stat: async (path) => {
    try {
      const s = await stat(path);
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  },
  readFile: async (path) => new Uint8Array(await readFile(path)),
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
  placeExclusive: (from, to) => placeExclusive(from, to),
  unlink,
};

export type ExportResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: string };

export interface PendingExport {
  readonly submissionId: string;
  readonly lastError: string;
  readonly attempts: number;
}

export interface Exporter {
  /**
   * Journals a pending job for `submissionId` when an export folder is configured. Call it in the
   * submission's transaction: the job then exists exactly when the submission does.
   */
  enqueue(submissionId: string): Promise<void>;
  /**
   * Removes temp files of writes that a kill interrupted: this kiosk's (any age: at start-up none
   * is in flight) and untagged ones of earlier versions older than an hour. Returns how many.
   */
  sweep(): Promise<number>;
  /** Writes `pdf` to the export folder; on failure journals it for retryPending and returns ok:false. */
  exportPdf(submissionId: string, pdf: Uint8Array, createdAt: Date, initials: string): Promise<ExportResult>;
  /**
   * Retries every journaled failure, loading the PDF from the database through `load`
   * (null when the submission has since been purged: its job is dropped).
   * `retried` counts attempts made, `failed` those that failed again.
   */
  retryPending(load: (submissionId: string) => Promise<{ pdf: Uint8Array; createdAt: Date; initials: string } | null>): Promise<{ retried: number; failed: number }>;
  /** Journaled failures, oldest first. */
  pending(): Promise<PendingExport[]>;
}

/** Most collisions are two clients with the same initials in the same minute. */
const MAX_NUMBERED_SUFFIX = 20;
const TEMP_TAG = /^[0-9a-f]{8}$/;
/** Temp files of versions before the tag: whose they are is unknown, so only old ones go. */
const LEGACY_TEMP = /^\.kiosk-export-[0-9a-f]{12}\.tmp$/;
const LEGACY_TEMP_AGE_MS = 60 * 60_000;

/** This kiosk's temp-file tag: stable, from the vault, so the same kiosk recognises its own leftovers after a restart. */
export function exportTempTag(vault: Pick<Vault, 'deriveKey'>): string {
  return Buffer.from(vault.deriveKey('kiosk:export-temp-tag:v1').subarray(0, 4)).toString('hex');
}

export interface ExporterOptions {
  /** 8 hex digits naming this kiosk's temp files, so a sweep never removes another kiosk's write in progress. */
  readonly tempTag?: string;
}

// A queued job: attempts 0, and the "attempt" times are the time it was queued.
const QUEUE = `INSERT INTO export_jobs (submission_id, status, attempts, last_error, first_attempt_at, last_attempt_at)
     VALUES (?, 'pending', 0, NULL, ?, ?) ON CONFLICT(submission_id) DO NOTHING`;
const RECORD_FAILURE = `INSERT INTO export_jobs (submission_id, status, attempts, last_error, first_attempt_at, last_attempt_at)
     VALUES (?, 'pending', 1, ?, ?, ?)
     ON CONFLICT(submission_id) DO UPDATE SET status = 'pending', attempts = export_jobs.attempts + 1,
       last_error = excluded.last_error, last_attempt_at = excluded.last_attempt_at`;
const RECORD_SUCCESS = `INSERT INTO export_jobs (submission_id, status, attempts, last_error, first_attempt_at, last_attempt_at)
     VALUES (?, 'done', 1, NULL, ?, ?)
     ON CONFLICT(submission_id) DO UPDATE SET status = 'done', attempts = export_jobs.attempts + 1,
       last_error = NULL, last_attempt_at = excluded.last_attempt_at`;
const SELECT_PENDING = `SELECT submission_id, last_error, attempts FROM export_jobs
     WHERE status = 'pending' ORDER BY first_attempt_at, submission_id`;

export function createExporter(db: Queryable, clock: Clock, folder: () => string | null, fs: ExportFs = nodeExportFs, options: ExporterOptions = {}): Exporter {
  const tag = options.tempTag ?? '00000000';
  if (!TEMP_TAG.test(tag)) throw new Error('The export temp tag is 8 hex digits.');
  const ownTemp = new RegExp(`^\\.kiosk-export-${tag}-[0-9a-f]{12}\\.tmp$`);
  // One write per submission at a time: a retry must not race the first attempt.
  const inFlight = new Map<string, Promise<ExportResult>>();
  // And one write at a time in all: choosing a free name and placing the file is one step.
  let writeChain: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = writeChain.then(task, task);
    writeChain = next.catch(() => {});
    return next;
  };

  async function attempt(submissionId: string, pdf: Uint8Array, createdAt: Date, initials: string, isRetry: boolean): Promise<ExportResult> {
    const target = folder();
    if (!target) return { ok: false, message: 'No export folder is configured.' };
    const now = clock.now().toISOString();
    try {
      const path = await serially(() => writeAtomically(fs, target, exportFileName(createdAt, initials), pdf, tag, isRetry));
      await db.exec(RECORD_SUCCESS, [submissionId, now, now]);
      return { ok: true, path };
    } catch (error) {
      const message = describeFailure(error);
      await db.exec(RECORD_FAILURE, [submissionId, message, now, now]);
      return { ok: false, message };
    }
  }

  function exportPdf(submissionId: string, pdf: Uint8Array, createdAt: Date, initials: string, isRetry = false): Promise<ExportResult> {
    const running = inFlight.get(submissionId);
    if (running) return running;
    const job = attempt(submissionId, pdf, createdAt, initials, isRetry).finally(() => inFlight.delete(submissionId));
    inFlight.set(submissionId, job);
    return job;
  }

  async function pending(): Promise<PendingExport[]> {
    return (await db.all<{ submission_id: string; last_error: string | null; attempts: number }>(SELECT_PENDING)).map((row) => ({
      submissionId: row.submission_id,
      lastError: row.last_error ?? '',
      attempts: row.attempts,
    }));
  }

  return {
    async enqueue(submissionId) {
      if (!folder()) return;
      const now = clock.now().toISOString();
      await db.exec(QUEUE, [submissionId, now, now]);
    },
    async sweep() {
      const target = folder();
      if (!target) return 0;
      let removed = 0;
      for (const name of await fs.list(target)) {
        const isOwn = ownTemp.test(name);
        if (!isOwn && !LEGACY_TEMP.test(name)) continue;
        const path = join(target, name);
        if (!isOwn) {
          const info = await fs.stat(path);
          if (!info || clock.now().getTime() - info.mtimeMs < LEGACY_TEMP_AGE_MS) continue;
        }
        await fs.unlink(path).catch(() => {});
        removed += 1;
      }
      return removed;
    },
    exportPdf,
    pending,
    async retryPending(load) {
      let retried = 0;
      let failed = 0;
      for (const job of await pending()) {
        const source = await load(job.submissionId);
        if (!source) {
          await db.exec('DELETE FROM export_jobs WHERE submission_id = ?', [job.submissionId]);
          continue;
        }
        retried += 1;
        const result = await exportPdf(job.submissionId, source.pdf, source.createdAt, source.initials, true);
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

/** `isRetry`: a journaled job, which may have been renamed into place just before a kill. A staff "export again" always writes a new copy. */
async function writeAtomically(fs: ExportFs, dir: string, fileName: string, pdf: Uint8Array, tag: string, isRetry: boolean): Promise<string> {
  // Never create the folder: a missing network share must fail loudly, not fill the local disk.
  if (!(await fs.isDirectory(dir))) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  // Renamed into place just before a kill, and retried since: it is already there.
  const existing = isRetry ? await existingCopy(fs, dir, fileName, pdf) : null;
  if (existing) return existing;
  const temp = join(dir, `.kiosk-export-${tag}-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.createExclusive(temp);
  let isRenamed = false;
  try {
    try {
      await handle.writeFile(pdf);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const finalPath = await placeUnderFreeName(fs, temp, dir, fileName);
    isRenamed = true;
    await syncDirectory(fs, dir);
    return finalPath;
  } finally {
    if (!isRenamed) await fs.unlink(temp).catch(() => {});
  }
}

/** The numbered names a copy of `fileName` can have (the order they are taken in, without the random fallback). */
function candidateNames(fileName: string): string[] {
  const stem = fileName.replace(/\.pdf$/, '');
  return [fileName, ...Array.from({ length: MAX_NUMBERED_SUFFIX - 1 }, (_, i) => `${stem}_${i + 2}.pdf`)];
}

async function existingCopy(fs: ExportFs, dir: string, fileName: string, pdf: Uint8Array): Promise<string | null> {
  for (const name of candidateNames(fileName)) {
    const path = join(dir, name);
    const info = await fs.stat(path);
    if (!info) continue; // someone may have deleted an earlier copy from the share
    if (info.size === pdf.length && Buffer.from(await fs.readFile(path)).equals(pdf)) return path;
  }
  return null;
}

/** Places `temp` under the first of the numbered names no one holds, and returns that path. */
async function placeUnderFreeName(fs: ExportFs, temp: string, dir: string, fileName: string): Promise<string> {
  const stem = fileName.replace(/\.pdf$/, '');
  for (const name of [...candidateNames(fileName), `${stem}_${randomBytes(3).toString('hex')}.pdf`]) {
    const candidate = join(dir, name);
    try {
      await fs.placeExclusive(temp, candidate);
      return candidate;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  throw Object.assign(new Error('every name taken'), { code: 'EEXIST' });
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
