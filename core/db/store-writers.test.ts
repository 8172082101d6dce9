/**
 * Writers as separate processes through the port: several processes on one PostgreSQL
 * database lose nothing and answer no error (conflicts are retried inside the port); and a
 * writer killed with SIGKILL at random moments, again and again, leaves every acknowledged
 * intake in place and no partial one, on both engines.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Store } from './port.ts';
import { openStore, type StoreConfig } from './open-store.ts';
import { WRITER_SCHEMA } from './testing/writer-schema.ts';
import { createTestDatabase, hasTestPostgres } from './testing/postgres.ts';
import { tempDir } from '../tests/helpers.ts';

const CHILD = fileURLToPath(new URL('./testing/writer-child.ts', import.meta.url));

interface Run {
  readonly child: ChildProcess;
  readonly acked: string[];
  readonly failed: string[];
  readonly ready: Promise<void>;
  readonly exit: Promise<{ code: number | null; signal: string | null; stderr: string }>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function writer(config: StoreConfig, count: number | 'forever', prefix: string, mode: 'serialized' | 'retried' = 'serialized'): Run {
  const location = config.engine === 'postgres' ? config.url : config.file;
  const child = spawn(process.execPath, ['--no-warnings', CHILD, config.engine, location, String(count), prefix, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  const acked: string[] = [];
  const failed: string[] = [];
  let buffer = '';
  let stderr = '';
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    // A partial last line is a commit the child did not finish acknowledging: not acked.
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line === 'ready') markReady();
      else if (line.startsWith('ack ')) acked.push(line.slice(4));
      else if (line.startsWith('fail ')) failed.push(line.slice(5));
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      markReady();
      resolve({ code, signal, stderr });
    }),
  );
  return { child, acked, failed, ready, exit };
}

/** Every acknowledged intake is there with its tokens; the chain has one link per intake and no gap or fork. */
async function expectConsistent(store: Store, acked: readonly string[]): Promise<void> {
  const ids = new Set((await store.all<{ id: string }>('SELECT id FROM intake')).map((r) => r.id));
  expect(acked.filter((id) => !ids.has(id))).toEqual([]);
  const counts = await store.one<{ intakes: number; tokens: number; links: number; top: number | null; head: number }>(
    `SELECT (SELECT COUNT(*) FROM intake) AS intakes, (SELECT COUNT(*) FROM intake_token) AS tokens,
            (SELECT COUNT(*) FROM chain) AS links, (SELECT MAX(seq) FROM chain) AS top, (SELECT n FROM chain_head) AS head`,
  );
  expect(counts).toEqual({ intakes: ids.size, tokens: 3 * ids.size, links: ids.size, top: ids.size === 0 ? null : ids.size, head: ids.size });
}

interface EngineCase {
  readonly dialect: 'sqlite' | 'postgres';
  readonly isAvailable: boolean;
  readonly kills: number;
  setup(): Promise<{ config: StoreConfig; cleanup(): Promise<void> }>;
}

const ENGINE_CASES: readonly EngineCase[] = [
  {
    dialect: 'sqlite',
    isAvailable: true,
    // The SQLite store also has core/tests/crash.test.ts (50 kills through the real repositories).
    kills: 10,
    async setup() {
      const { dir, cleanup } = tempDir('kiosk-writers-');
      return { config: { engine: 'sqlite', file: join(dir, 'kiosk.db') }, cleanup: async () => cleanup() };
    },
  },
  {
    dialect: 'postgres',
    isAvailable: hasTestPostgres(),
    kills: 30,
    async setup() {
      const db = await createTestDatabase();
      return { config: { engine: 'postgres', url: db.url }, cleanup: () => db.drop() };
    },
  },
];

describe.each(ENGINE_CASES)('writer processes on $dialect', (engine) => {
  it.skipIf(!engine.isAvailable)(`killed with SIGKILL ${engine.kills} times: every acknowledged intake present, no partial one`, { timeout: 240_000 }, async () => {
    const { config, cleanup } = await engine.setup();
    const acked: string[] = [];
    try {
      for (let kill = 0; kill < engine.kills; kill += 1) {
        const run = writer(config, 'forever', `k${kill}`);
        await run.ready;
        // Kill at a random moment: before, during or between commits.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 120));
        run.child.kill('SIGKILL');
        const exit = await run.exit;
        expect(exit.signal, exit.stderr.slice(0, 1000)).toBe('SIGKILL');
        expect(run.failed).toEqual([]);
        acked.push(...run.acked);
        const store = await openStore(config, WRITER_SCHEMA);
        try {
          await expectConsistent(store, acked);
        } finally {
          await store.close();
        }
      }
      expect(acked.length).toBeGreaterThan(0);
    } finally {
      await cleanup();
    }
  });
});

describe.skipIf(!hasTestPostgres())('many writer processes on one PostgreSQL database', () => {
  // Writers that all extend one chain name it (serializeOn), as the audit log will: with
  // SERIALIZABLE and retries alone, 4 processes on one hot head row exhaust the retries now and then.
  const MODES = [{ label: 'the chain serialised on its named lock', mode: 'serialized' }] as const;
  it.each(MODES)('4 processes x 40 intakes at once ($label): 0 lost, 0 errors, the chain unforked', { timeout: 240_000 }, async ({ mode }) => {
    const { config, cleanup } = await ENGINE_CASES[1]!.setup();
    try {
      const runs = Array.from({ length: 4 }, (_, p) => writer(config, 40, `p${p}`, mode));
      const exits = await Promise.all(runs.map((r) => r.exit));
      // The children's stderr (their retry counts) explains a failure.
      expect(runs.flatMap((r) => r.failed), exits.map((e) => e.stderr).join('')).toEqual([]);
      expect(exits.map((e) => e.code)).toEqual([0, 0, 0, 0]);
      const acked = runs.flatMap((r) => r.acked);
      expect(acked).toHaveLength(160);
      const store = await openStore(config, WRITER_SCHEMA);
      try {
        await expectConsistent(store, acked);
      } finally {
        await store.close();
      }
    } finally {
      await cleanup();
    }
  });
});
