/**
 * A throwaway PostgreSQL cluster for a benchmark run, started with the tests' own code
 * (core/db/testing/pg-cluster.ts: initdb as the `postgres` user when root, a free port on
 * 127.0.0.1, fsync off) and deleted afterwards. Each `createDatabase` is a fresh database on it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { findPostgresBin, startCluster, stopCluster } from '../core/db/testing/pg-cluster.ts';

export interface BenchPostgres {
  /** A new empty database; resolves to its URL. */
  createDatabase(prefix: string): Promise<string>;
  stop(): void;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Starts a cluster, or returns null (with the reason) when PostgreSQL is not installed. */
export async function startBenchPostgres(): Promise<BenchPostgres | { missing: string }> {
  const bin = findPostgresBin();
  if (!bin) return { missing: 'PostgreSQL is not installed (no initdb found; set KIOSK_PG_BIN)' };
  const cluster = await startCluster(bin);
  return {
    async createDatabase(prefix) {
      const name = `${prefix}_${randomBytes(4).toString('hex')}`;
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return withDatabase(cluster.url, name);
    },
    stop: () => stopCluster(bin, cluster.dir),
  };
}
