/**
 * Vitest globalSetup: makes a PostgreSQL test cluster available to the run without starting
 * one for runs that never ask (most focused runs): the first test that needs it starts it
 * (postgres.ts, `testPostgres()`), later ones share it, and this teardown stops it.
 * Without PostgreSQL: one line, and the PostgreSQL halves skip; with CI=true it is an error,
 * because CI must run both engines.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findPostgresBin, stopCluster } from './pg-cluster.ts';

export interface PostgresTestContext {
  /** Where initdb and pg_ctl are; null when PostgreSQL is not installed. */
  readonly bin: string | null;
  /** Shared by the run's workers to start the one cluster once. */
  readonly stateDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kioskPostgres: PostgresTestContext;
  }
}

export default function setup(project: TestProject): () => void {
  const bin = findPostgresBin();
  if (!bin) {
    const missing = 'PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or PATH)';
    if (process.env['CI'] === 'true') throw new Error(`CI=true requires both store engines and ${missing}: install Debian's postgresql (.ci/run does).`);
    console.warn(`${missing}: running the SQLite half of the store tests only.`);
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'kiosk-pgstate-'));
  project.provide('kioskPostgres', { bin, stateDir });
  return () => {
    const ready = join(stateDir, 'ready.json');
    try {
      if (bin && existsSync(ready)) stopCluster(bin, (JSON.parse(readFileSync(ready, 'utf8')) as { dir: string }).dir);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  };
}
