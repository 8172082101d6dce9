/**
 * The role model on PostgreSQL (docs/DEPLOYMENT.md): `kiosk_owner` owns the database and
 * runs the migrations (KIOSK_DATABASE_MIGRATE_URL); `kiosk_app` is what the running core
 * connects as (KIOSK_DATABASE_URL): it reads and writes rows, never changes the schema, and
 * on append-only tables (append-only.ts) only inserts and selects. Login users for each
 * machine can be members of these group roles (`CREATE ROLE front_desk LOGIN IN ROLE kiosk_app`).
 */

export const OWNER_ROLE = 'kiosk_owner';
export const APP_ROLE = 'kiosk_app';

/**
 * Statements a DBA runs once, as a superuser connected to the new database (created with
 * `CREATE DATABASE kiosk OWNER kiosk_owner`), so tables the owner creates later are granted
 * to the app role. The same list is in docs/DEPLOYMENT.md and is what the tests run.
 */
export function databaseGrantsSql(database: string): readonly string[] {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Not a plain database name: ${database}`);
  return [
    `REVOKE ALL ON DATABASE ${database} FROM PUBLIC`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${APP_ROLE}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`,
  ];
}
