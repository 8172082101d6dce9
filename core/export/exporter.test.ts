import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openSqliteStore, type SqliteStore } from '../db/sqlite-store.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExporter, exportFileName, exportMigrations, nodeExportFs, type ExportFs } from './exporter.ts';

const CREATED = new Date(2026, 10, 21, 14, 32, 5);
const clock = { now: () => new Date(2026, 10, 21, 14, 33) };
const PDF = new TextEncoder().encode('%PDF-1.7 signed summary bytes');

let dir: string;
let db: SqliteStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-export-'));
  db = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'kiosk-export-db-')), 'kiosk.db'));
  // The journal references submissions (foreign key): a stand-in table with the ids used here.
  const standIn = 'CREATE TABLE submissions (id TEXT PRIMARY KEY)';
  await db.migrate([{ id: 'stand-in-submissions', sqlite: standIn, postgres: standIn }, ...exportMigrations]);
  for (let n = 1; n <= 9; n++) await db.exec('INSERT INTO submissions (id) VALUES (?)', [`sub-${n}`]);
});
afterEach(async () => {
  await db.close();
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: simulated, /secret/path/2026-11-21_1432_ZLN.pdf`), { code });
}

/** The real fs with spies, and optional failures injected by operation. */
function spyFs(fail: Partial<Record<'write' | 'place' | 'create', string>> = {}) {
  const calls: string[] = [];
  const fs: ExportFs = {
    ...nodeExportFs,
    createExclusive: async (path) => {
      if (fail.create) throw errno(fail.create);
      const handle = await nodeExportFs.createExclusive(path);
      return {
        writeFile: async (data) => {
          calls.push('write');
          if (fail.write) throw errno(fail.write);
          await handle.writeFile(data);
        },
        sync: async () => {
          calls.push('fsync-file');
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
    placeExclusive: async (from, to) => {
      calls.push('place');
      if (fail.place) throw errno(fail.place);
      await nodeExportFs.placeExclusive(from, to);
    },
    openDirectory: async (path) => {
      const handle = await nodeExportFs.openDirectory(path);
      return {
        sync: async () => {
          calls.push('fsync-dir');
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
  };
  return { fs, calls };
}

describe('exportFileName', () => {
  it.each([
    ['initials as given', 'ZLN', '2026-11-21_1432_ZLN.pdf'],
    ['lower case and symbols are cleaned', 'z.l-n', '2026-11-21_1432_ZLN.pdf'],
    ['no usable initials -> X', '王', '2026-11-21_1432_X.pdf'],
    ['at most four letters', 'ABCDEF', '2026-11-21_1432_ABCD.pdf'],
  ])('%s', async (_label, initials, expected) => {
    expect(exportFileName(CREATED, initials)).toBe(expected);
  });
});

describe('createExporter', () => {
  it('writes atomically: final name, same bytes, fsync of file and folder, no temp file left', async () => {
    const { fs, calls } = spyFs();
    const exporter = createExporter(db, clock, () => dir, fs);
    const result = await exporter.exportPdf('sub-1', PDF, CREATED, 'ZLN');
    expect(result).toEqual({ ok: true, path: join(dir, '2026-11-21_1432_ZLN.pdf') });
    expect(readdirSync(dir)).toEqual(['2026-11-21_1432_ZLN.pdf']);
    expect(readFileSync(join(dir, '2026-11-21_1432_ZLN.pdf'))).toEqual(Buffer.from(PDF));
    expect(calls).toEqual(['write', 'fsync-file', 'place', 'fsync-dir']);
    expect(await exporter.pending()).toEqual([]);
  });

  it('adds a suffix instead of overwriting when two clients share initials and minute', async () => {
    writeFileSync(join(dir, '2026-11-21_1432_ZLN.pdf'), 'earlier client');
    const exporter = createExporter(db, clock, () => dir);
    const result = await exporter.exportPdf('sub-2', PDF, CREATED, 'ZLN');
    expect(result).toEqual({ ok: true, path: join(dir, '2026-11-21_1432_ZLN_2.pdf') });
    expect(readFileSync(join(dir, '2026-11-21_1432_ZLN.pdf'), 'utf8')).toBe('earlier client');
  });

  it('missing folder: not created, journaled with a message that names no path', async () => {
    const missing = join(dir, 'share-offline');
    const exporter = createExporter(db, clock, () => missing);
    const result = await exporter.exportPdf('sub-3', PDF, CREATED, 'ZLN');
    expect(result).toEqual({ ok: false, message: 'The export folder does not exist or is not reachable.' });
    expect(await exporter.pending()).toEqual([{ submissionId: 'sub-3', lastError: 'The export folder does not exist or is not reachable.', attempts: 1 }]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('no export folder configured: ok:false, nothing journaled', async () => {
    const exporter = createExporter(db, clock, () => null);
    expect(await exporter.exportPdf('sub-4', PDF, CREATED, 'ZLN')).toEqual({ ok: false, message: 'No export folder is configured.' });
    expect(await exporter.pending()).toEqual([]);
  });

  it.each([
    ['EACCES on create (read-only share)', { create: 'EACCES' }, 'The kiosk has no permission to write to the export folder.'],
    ['ENOSPC while writing (disk full)', { write: 'ENOSPC' }, 'The export folder is full (no space left on the disk).'],
    ['EIO on the move into place (share dropped)', { place: 'EIO' }, 'The export folder could not be reached (input/output error).'],
  ] as const)('%s: journaled, temp file removed, no path or initials in the message', async (_label, fail, message) => {
    const { fs } = spyFs(fail);
    const exporter = createExporter(db, clock, () => dir, fs);
    const result = await exporter.exportPdf('sub-5', PDF, CREATED, 'ZLN');
    expect(result).toEqual({ ok: false, message });
    expect(readdirSync(dir)).toEqual([]);
    const rows = (await db.all('SELECT * FROM export_jobs'));
    const journal = JSON.stringify(rows);
    for (const leak of ['ZLN', 'secret', dir, '.pdf']) expect(journal).not.toContain(leak);
  });

  it('read-only folder (chmod 0555) either fails cleanly or, as root, succeeds', async () => {
    chmodSync(dir, 0o555);
    const exporter = createExporter(db, clock, () => dir);
    const result = await exporter.exportPdf('sub-6', PDF, CREATED, 'ZLN');
    // Root ignores mode bits; the injected-EACCES case above covers the failure path everywhere.
    if (process.getuid?.() === 0) expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, message: 'The kiosk has no permission to write to the export folder.' });
  });

  it('retry later succeeds with the database copy, and the journal empties', async () => {
    const database = new Map([['sub-7', { pdf: PDF, createdAt: CREATED, initials: 'ZLN' }]]);
    let isShareUp = false;
    const fs: ExportFs = { ...nodeExportFs, isDirectory: async (p) => isShareUp && nodeExportFs.isDirectory(p) };
    const exporter = createExporter(db, clock, () => dir, fs);

    expect((await exporter.exportPdf('sub-7', PDF, CREATED, 'ZLN')).ok).toBe(false);
    expect(await exporter.retryPending(async (id) => database.get(id) ?? null)).toEqual({ retried: 1, failed: 1 });
    expect(await exporter.pending()).toEqual([{ submissionId: 'sub-7', lastError: expect.any(String), attempts: 2 }]);

    isShareUp = true;
    expect(await exporter.retryPending(async (id) => database.get(id) ?? null)).toEqual({ retried: 1, failed: 0 });
    expect(await exporter.pending()).toEqual([]);
    expect(readFileSync(join(dir, '2026-11-21_1432_ZLN.pdf'))).toEqual(Buffer.from(PDF));
    // The export never consumes or alters the stored copy.
    expect(database.get('sub-7')?.pdf).toBe(PDF);
  });

  it('a purged submission is dropped from the journal instead of retried forever', async () => {
    const exporter = createExporter(db, clock, () => join(dir, 'missing'));
    await exporter.exportPdf('sub-8', PDF, CREATED, 'ZLN');
    expect(await exporter.retryPending(async () => null)).toEqual({ retried: 0, failed: 0 });
    expect(await exporter.pending()).toEqual([]);
  });

  it('a journal entry is deleted with its submission (retention purge)', async () => {
    const exporter = createExporter(db, clock, () => join(dir, 'missing'));
    await exporter.exportPdf('sub-8', PDF, CREATED, 'ZLN');
    await exporter.exportPdf('sub-9', PDF, CREATED, 'ZLN');
    (await db.exec('DELETE FROM submissions WHERE id = ?', ['sub-8']));
    expect((await exporter.pending()).map((p) => p.submissionId)).toEqual(['sub-9']);
  });
});

describe('the outbox', () => {
  const TAG = 'a1b2c3d4';

  it('enqueue journals a pending job (attempts 0) only when a folder is configured; a retry writes it', async () => {
    await createExporter(db, clock, () => null).enqueue('sub-1');
    const exporter = createExporter(db, clock, () => dir, nodeExportFs, { tempTag: TAG });
    await exporter.enqueue('sub-2');
    await exporter.enqueue('sub-2');
    expect(await exporter.pending()).toEqual([{ submissionId: 'sub-2', lastError: '', attempts: 0 }]);
    expect(await exporter.retryPending(async () => ({ pdf: PDF, createdAt: CREATED, initials: 'ZLN' }))).toEqual({ retried: 1, failed: 0 });
    expect(await exporter.pending()).toEqual([]);
    expect(readdirSync(dir)).toEqual(['2026-11-21_1432_ZLN.pdf']);
  });

  it('a copy renamed into place just before a kill is found by the retry, not written twice', async () => {
    writeFileSync(join(dir, '2026-11-21_1432_ZLN.pdf'), 'another client, same initials and minute');
    writeFileSync(join(dir, '2026-11-21_1432_ZLN_2.pdf'), PDF);
    const exporter = createExporter(db, clock, () => dir, nodeExportFs, { tempTag: TAG });
    await exporter.enqueue('sub-3');
    await exporter.retryPending(async () => ({ pdf: PDF, createdAt: CREATED, initials: 'ZLN' }));
    expect(await exporter.pending()).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['2026-11-21_1432_ZLN.pdf', '2026-11-21_1432_ZLN_2.pdf']);
  });

  it.each([
    ['this kiosk\'s temp file, however new', `.kiosk-export-${TAG}-0123456789ab.tmp`, 0, false],
    ['another kiosk\'s temp file (a write in progress)', '.kiosk-export-ffffffff-0123456789ab.tmp', 0, true],
    ['an earlier version\'s temp file, two hours old', '.kiosk-export-0123456789ab.tmp', 2 * 3600, false],
    ['an earlier version\'s temp file, a minute old', '.kiosk-export-0123456789ab.tmp', 60, true],
    ['a file of someone else that only looks similar', '.kiosk-export-notes.tmp', 2 * 3600, true],
    ['a PDF copy', '2026-11-21_1432_ZLN.pdf', 2 * 3600, true],
  ])('the start-up sweep: %s', async (_label, name, ageSeconds, isKept) => {
    writeFileSync(join(dir, name), PDF);
    const when = (clock.now().getTime() - ageSeconds * 1000) / 1000;
    utimesSync(join(dir, name), when, when);
    const exporter = createExporter(db, clock, () => dir, nodeExportFs, { tempTag: TAG });
    expect(await exporter.sweep()).toBe(isKept ? 0 : 1);
    expect(readdirSync(dir)).toEqual(isKept ? [name] : []);
  });

  it.each([
    ['one kiosk (a retry beside a new intake)', 1],
    ['two kiosks on one share', 2],
  ])('same initials, same minute, written at once by %s: each client keeps their own copy', async (_label, kiosks) => {
    const exporters = Array.from({ length: kiosks }, (_, i) => createExporter(db, clock, () => dir, nodeExportFs, { tempTag: `0000000${i}` }));
    const pdfs = Array.from({ length: 8 }, (_, i) => new TextEncoder().encode(`%PDF-1.7 client ${i}`));
    const results = await Promise.all(pdfs.map((pdf, i) => exporters[i % kiosks]!.exportPdf(`sub-${i + 1}`, pdf, CREATED, 'ZLN')));
    expect(results.every((r) => r.ok)).toBe(true);
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(8);
    expect(names.every((n) => /^2026-11-21_1432_ZLN(_\d+)?\.pdf$/.test(n))).toBe(true);
    const contents = names.map((n) => readFileSync(join(dir, n), 'utf8')).sort();
    expect(contents).toEqual(pdfs.map((p) => new TextDecoder().decode(p)).sort());
  });

  it('a temp file is named with the kiosk tag', async () => {
    const names: string[] = [];
    const fs: ExportFs = { ...nodeExportFs, createExclusive: (path) => (names.push(path), nodeExportFs.createExclusive(path)) };
    await createExporter(db, clock, () => dir, fs, { tempTag: TAG }).exportPdf('sub-4', PDF, CREATED, 'ZLN');
    expect(names).toEqual([expect.stringMatching(new RegExp(`/\\.kiosk-export-${TAG}-[0-9a-f]{12}\\.tmp$`))]);
  });
});

describe('exports-002 migration', () => {
  it('keeps the journal of stored submissions and drops entries an earlier purge left behind', async () => {
    const file = join(dir, 'old.db');
    const old = new DatabaseSync(file);
    old.exec('CREATE TABLE submissions (id TEXT PRIMARY KEY) STRICT');
    old.prepare('INSERT INTO submissions (id) VALUES (?)').run('kept');
    const [first, ...later] = exportMigrations;
    old.exec(first?.sqlite ?? '');
    const insert = old.prepare("INSERT INTO export_jobs VALUES (?, 'pending', 2, 'The export folder is full.', '2026-11-01T10:00:00.000Z', '2026-11-01T10:05:00.000Z')");
    insert.run('kept');
    insert.run('purged-earlier');
    for (const m of later) old.exec(m.sqlite);
    old.close();
    const store = await openSqliteStore(file);
    expect(await createExporter(store, clock, () => null).pending()).toEqual([{ submissionId: 'kept', lastError: 'The export folder is full.', attempts: 2 }]);
    await store.close();
  });
});
