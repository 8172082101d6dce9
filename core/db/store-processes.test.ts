/**
 * Processes starting at once: on PostgreSQL every process migrates safely (advisory lock);
 * on SQLite one process holds the data folder and the others are refused with a clear
 * message, and a SIGKILLed holder never leaves a stale lock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openSqliteStore } from './sqlite-store.ts';
import { openPostgresStore } from './postgres-store.ts';
import type { Store } from './port.ts';
import { CHILD_SCHEMA } from './testing/child-schema.ts';
import { createTestDatabase, hasTestPostgres } from './testing/postgres.ts';
import { tempDir } from '../tests/helpers.ts';

const CHILD = fileURLToPath(new URL('./testing/store-child.ts', import.meta.url));
const PROCESSES = 5;

interface Started {
  readonly child: ChildProcess;
  /** The child's first line: `open`, `refused <code> <message>` or `error <message>`. */
  readonly line: Promise<string>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function start(args: readonly string[]): Started {
  const child = spawn(process.execPath, ['--no-warnings', CHILD, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const line = new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}) before a line: ${err.slice(0, 1000)}`)));
  });
  return { child, line };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin!.end();
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function migrationIds(store: Store): Promise<string[]> {
  return (await store.all<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id);
}

describe('SQLite: one writer per data folder', () => {
  it(`${PROCESSES} processes starting at once on an empty data folder: one opens, the others are refused by name`, async () => {
    const { dir, cleanup } = tempDir('kiosk-procs-');
    try {
      const file = join(dir, 'kiosk.db');
      const started = Array.from({ length: PROCESSES }, () => start(['sqlite', file]));
      const lines = await Promise.all(started.map((s) => s.line));
      expect(lines.filter((l) => l === 'open')).toHaveLength(1);
      const refused = lines.filter((l) => l !== 'open');
      expect(refused).toHaveLength(PROCESSES - 1);
      for (const l of refused) expect(l).toMatch(/^refused in-use Another kiosk process is already using the database .*kiosk\.db/);
      await stop(started[lines.indexOf('open')]!.child);
      // Closed cleanly: the next process opens the complete schema.
      const next = start(['sqlite', file]);
      expect(await next.line).toBe('open');
      await stop(next.child);
      const store = await openSqliteStore(file);
      expect(await migrationIds(store)).toEqual(CHILD_SCHEMA.map((m) => m.id));
      await store.close();
    } finally {
      cleanup();
    }
  });

  it('a holder killed with SIGKILL leaves no stale lock: the restart opens', async () => {
    const { dir, cleanup } = tempDir('kiosk-procs-');
    try {
      const file = join(dir, 'kiosk.db');
      const first = start(['sqlite', file]);
      expect(await first.line).toBe('open');
      await expect(openSqliteStore(file)).rejects.toMatchObject({ code: 'in-use' });
      await kill(first.child);
      const restart = start(['sqlite', file]);
      expect(await restart.line).toBe('open');
      await stop(restart.child);
    } finally {
      cleanup();
    }
  });

  it(`the migration lock alone (one-writer lock off): ${PROCESSES} processes migrate at once, each step applied once`, async () => {
    const { dir, cleanup } = tempDir('kiosk-procs-');
    try {
      const file = join(dir, 'kiosk.db');
      const started = Array.from({ length: PROCESSES }, () => start(['sqlite', file, '--no-single-writer']));
      expect(await Promise.all(started.map((s) => s.line))).toEqual(Array(PROCESSES).fill('open'));
      await Promise.all(started.map((s) => stop(s.child)));
      const store = await openSqliteStore(file);
      expect(await migrationIds(store)).toEqual(CHILD_SCHEMA.map((m) => m.id));
      await store.close();
    } finally {
      cleanup();
    }
  });
});

describe.skipIf(!hasTestPostgres())('PostgreSQL: many processes on one database', () => {
  it(`${PROCESSES} processes starting at once on an empty database all open; each step applied once`, async () => {
    const db = await createTestDatabase();
    try {
      const started = Array.from({ length: PROCESSES }, () => start(['postgres', db.url]));
      expect(await Promise.all(started.map((s) => s.line))).toEqual(Array(PROCESSES).fill('open'));
      await Promise.all(started.map((s) => stop(s.child)));
      const store = await openPostgresStore(db.url);
      expect(await migrationIds(store)).toEqual(CHILD_SCHEMA.map((m) => m.id));
      expect(await store.one('SELECT COUNT(*) AS n FROM t5')).toEqual({ n: 1 });
      await store.close();
    } finally {
      await db.drop();
    }
  });
});
