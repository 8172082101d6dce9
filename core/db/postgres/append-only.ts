/**
 * Append-only tables on PostgreSQL (the audit log): reusable migration SQL for the audit
 * repository. Two locks, so one mistake does not open the log:
 * - triggers refuse UPDATE, DELETE and TRUNCATE for everyone, the owner role included;
 * - privileges: the app's role (`kiosk_app`, docs/DEPLOYMENT.md) keeps INSERT and SELECT only.
 * SQLite has the trigger half in the audit repository's own migration; it has no roles.
 */
import { APP_ROLE } from './roles.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The SQL that makes `table` append-only; run it in the migration that creates the table, after CREATE TABLE. */
export function appendOnlyTableSql(table: string): string {
  if (!IDENTIFIER.test(table)) throw new Error(`Not a plain table name: ${table}`);
  return `
CREATE OR REPLACE FUNCTION kiosk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$body$;
CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION kiosk_refuse_change();
CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION kiosk_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC;
DO $body$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM ${APP_ROLE}';
  END IF;
END
$body$;
`;
}
