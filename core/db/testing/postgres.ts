/**
 * For tests: the run's PostgreSQL cluster (started on first use, see pg-global-setup.ts) and
 * a fresh database per caller, so test files never see each other's tables.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import pg from 'pg';
import { startCluster } from './pg-cluster.ts';

const WAIT_FOR_CLUSTER_MS = 120_000;

/** Whether this run can use PostgreSQL (installed, and the global setup ran). False in a test's child process (no vitest worker there). */
export function hasTestPostgres(): boolean {
  try {
    return Boolean(inject('kioskPostgres')?.bin);
  } catch {
    return false;
  }
}

let cluster: Promise<string> | undefined;

/** Superuser URL of the run's cluster, starting it if this is the first caller in the whole run. */
export function testPostgresAdminUrl(): Promise<string> {
  return (cluster ??= clusterUrl());
}

async function clusterUrl(): Promise<string> {
  const context = inject('kioskPostgres');
  if (!context?.bin) throw new Error('PostgreSQL is not available in this run.');
  const ready = join(context.stateDir, 'ready.json');
  const failed = join(context.stateDir, 'failed.txt');
  let isStarter = false;
  try {
    mkdirSync(join(context.stateDir, 'claim'));
    isStarter = true;
  } catch {
    // Another worker claimed the start; wait for its result below.
  }
  if (isStarter) {
    try {
      const started = await startCluster(context.bin);
      writeFileSync(ready, JSON.stringify(started));
    } catch (error) {
      writeFileSync(failed, error instanceof Error ? error.message : String(error));
    }
  }
  for (const deadline = Date.now() + WAIT_FOR_CLUSTER_MS; Date.now() < deadline; await sleep(100)) {
    if (existsSync(ready)) return (JSON.parse(readFileSync(ready, 'utf8')) as { url: string }).url;
    if (existsSync(failed)) throw new Error(`The PostgreSQL test cluster did not start: ${readFileSync(failed, 'utf8')}`);
  }
  throw new Error('The PostgreSQL test cluster did not start in time.');
}

export interface TestDatabase {
  /** Superuser URL of the new database. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** Replaces the database name of a URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Replaces user and password of a URL. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

/** Runs statements as the cluster's superuser on `database` (default: the maintenance database). */
export async function asSuperuser(sql: readonly string[], database?: string): Promise<void> {
  const admin = await testPostgresAdminUrl();
  const client = new pg.Client({ connectionString: database ? withDatabase(admin, database) : admin });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = await testPostgresAdminUrl();
  const name = `kiosk_test_${randomBytes(6).toString('hex')}`;
  await asSuperuser([`CREATE DATABASE ${name}`]);
  return {
    url: withDatabase(admin, name),
    name,
    drop: () => asSuperuser([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
  };
}

/** The run's cluster directory (data/ and the server log): for tests that scan what PostgreSQL wrote to disk. */
export async function testPostgresClusterDir(): Promise<string> {
  await testPostgresAdminUrl();
  const context = inject('kioskPostgres');
  return (JSON.parse(readFileSync(join(context.stateDir, 'ready.json'), 'utf8')) as { dir: string }).dir;
}
