/**
 * The audit table's protection on PostgreSQL: the app's role is refused UPDATE, DELETE and
 * TRUNCATE by privileges, the owner by the triggers; both can still append and read. And an
 * app role that may not migrate is refused with a message naming the fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { Store } from '../port.ts';
import type { DialectMigration } from '../migrate.ts';
import { SchemaNotMigratedError } from '../errors.ts';
import { openStore } from '../open-store.ts';
import { appendOnlyTableSql } from './append-only.ts';
import { APP_ROLE, OWNER_ROLE, databaseGrantsSql } from './roles.ts';
import { asSuperuser, hasTestPostgres, testPostgresAdminUrl, withCredentials, withDatabase } from '../testing/postgres.ts';

const AUDIT: readonly DialectMigration[] = [
  {
    id: 'audit-test-001',
    sqlite: 'CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, action TEXT NOT NULL) STRICT;',
    postgres: `CREATE TABLE audit_log (seq BIGSERIAL PRIMARY KEY, action TEXT NOT NULL);${appendOnlyTableSql('audit_log')}`,
  },
];

describe.skipIf(!hasTestPostgres())('audit log on PostgreSQL', () => {
  const database = `kiosk_roles_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let app: Store;
  let owner: Store;
  let appUrl: string;

  beforeAll(async () => {
    const admin = await testPostgresAdminUrl();
    // Roles are cluster-wide: created once per cluster, with this run's password.
    await asSuperuser([
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN CREATE ROLE ${OWNER_ROLE} LOGIN; END IF;
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} LOGIN; END IF;
       END $$`,
      `ALTER ROLE ${OWNER_ROLE} PASSWORD '${password}'`,
      `ALTER ROLE ${APP_ROLE} PASSWORD '${password}'`,
      `CREATE DATABASE ${database} OWNER ${OWNER_ROLE}`,
    ]);
    await asSuperuser(databaseGrantsSql(database), database);
    const ownerUrl = withCredentials(withDatabase(admin, database), OWNER_ROLE, password);
    appUrl = withCredentials(withDatabase(admin, database), APP_ROLE, password);
    app = await openStore({ engine: 'postgres', url: appUrl, migrateUrl: ownerUrl }, AUDIT);
    owner = await openStore({ engine: 'postgres', url: ownerUrl }, AUDIT);
    await app.exec('INSERT INTO audit_log (action) VALUES (?)', ['login']);
  });

  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await asSuperuser([`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`]);
  });

  it('the app role appends and reads', async () => {
    expect(await app.exec('INSERT INTO audit_log (action) VALUES (?)', ['view'])).toBe(1);
    expect((await app.all<{ action: string }>('SELECT action FROM audit_log ORDER BY seq')).map((r) => r.action)).toEqual(['login', 'view']);
  });

  const CHANGES = [
    { label: 'UPDATE', sql: "UPDATE audit_log SET action = 'forged'" },
    { label: 'DELETE', sql: 'DELETE FROM audit_log' },
    { label: 'TRUNCATE', sql: 'TRUNCATE audit_log' },
  ];

  it.each(CHANGES)('the app role is refused $label by its privileges', async ({ sql }) => {
    await expect(app.exec(sql)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied for table audit_log/) });
  });

  it.each(CHANGES)('the owner role is refused $label by the append-only trigger', async ({ label, sql }) => {
    await expect(owner.exec(sql)).rejects.toMatchObject({ code: '42501', message: `audit_log is append-only: ${label} is not allowed` });
    expect(await owner.one('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?', ['login'])).toEqual({ n: 1 });
  });

  it('the app role cannot apply a pending schema step: refused with a message naming the fix', async () => {
    const next: DialectMigration = { id: 'audit-test-002', sqlite: '', postgres: 'CREATE TABLE extra (x INTEGER);' };
    const error = await openStore({ engine: 'postgres', url: appUrl }, [...AUDIT, next]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaNotMigratedError);
    expect((error as Error).message).toMatch(/KIOSK_DATABASE_MIGRATE_URL/);
  });
});
