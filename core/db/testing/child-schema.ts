/** Several steps, so processes starting at once interleave inside the migration run if the lock fails. */
import type { DialectMigration } from '../migrate.ts';

export const CHILD_SCHEMA: readonly DialectMigration[] = Array.from({ length: 6 }, (_, i) => ({
  id: `child-${String(i + 1).padStart(3, '0')}`,
  sqlite: `CREATE TABLE t${i} (id TEXT PRIMARY KEY) STRICT; INSERT INTO t${i} (id) VALUES ('seed');`,
  postgres: `CREATE TABLE t${i} (id TEXT PRIMARY KEY); INSERT INTO t${i} (id) VALUES ('seed');`,
}));
