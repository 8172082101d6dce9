/**
 * Migrations behind the port: one forward-only step per id, SQL for each dialect, applied
 * in one explicit order (migration-plan.ts) under a lock, so processes starting at once
 * never race (PostgreSQL: an advisory lock; SQLite: an exclusive transaction). The table is
 * the one the code before the port kept (`schema_migrations(id, applied_at)`), so a
 * kiosk's existing SQLite file carries on with the same ids.
 */
import type { Dialect, Row } from './port.ts';
import { SchemaNotMigratedError, SchemaTooNewError } from './errors.ts';

/** One schema step, written for both engines. `id` is unique across the app, e.g. 'settings-001'. */
export interface DialectMigration {
  readonly id: string;
  readonly sqlite: string;
  readonly postgres: string;
}

/** What an adapter gives the runner while it holds the migration lock. */
export interface MigrationSession {
  readonly dialect: Dialect;
  rows(sql: string): Promise<Row[]>;
  /** Runs one migration's SQL (several statements, no parameters) and records `id`, atomically. */
  apply(id: string, sql: string, appliedAt: string): Promise<void>;
  /** Whether this connection may create tables (PostgreSQL: the owner role; SQLite: always). */
  canChangeSchema(): Promise<boolean>;
  hasMigrationTable(): Promise<boolean>;
  createMigrationTable(): Promise<void>;
}

export interface MigrationReport {
  /** Ids applied by this call, in order; empty when the schema was already current. */
  readonly applied: readonly string[];
}

const MIGRATION_TABLE = {
  sqlite: 'CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT',
  postgres: 'CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
} as const satisfies Record<Dialect, string>;

export function migrationTableSql(dialect: Dialect): string {
  return MIGRATION_TABLE[dialect];
}

/** Throws on an id listed twice: the order must be one list, each step once. */
export function checkMigrationList(migrations: readonly DialectMigration[]): void {
  const seen = new Set<string>();
  for (const m of migrations) {
    if (seen.has(m.id)) throw new Error(`Migration id "${m.id}" is listed twice.`);
    seen.add(m.id);
  }
}

/** Run by an adapter while it holds the lock: refuses a newer schema, applies what is pending in order. */
export async function applyPending(session: MigrationSession, migrations: readonly DialectMigration[], now: () => Date = () => new Date()): Promise<MigrationReport> {
  checkMigrationList(migrations);
  if (!(await session.hasMigrationTable())) {
    if (!(await session.canChangeSchema())) throw new SchemaNotMigratedError(migrations.map((m) => m.id));
    await session.createMigrationTable();
  }
  const applied = new Set((await session.rows('SELECT id FROM schema_migrations')).map((r) => String(r['id'])));
  const known = new Set(migrations.map((m) => m.id));
  const unknown = [...applied].filter((id) => !known.has(id)).sort();
  if (unknown.length > 0) throw new SchemaTooNewError(unknown);
  const pending = migrations.filter((m) => !applied.has(m.id));
  if (pending.length > 0 && !(await session.canChangeSchema())) throw new SchemaNotMigratedError(pending.map((m) => m.id));
  for (const m of pending) await session.apply(m.id, m[session.dialect], now().toISOString());
  return { applied: pending.map((m) => m.id) };
}
