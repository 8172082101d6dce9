/**
 * The one explicit order of the schema steps. Today core/create-core.ts passes the domains'
 * migration arrays in spread order (and the vault applies its own after); moving onto the
 * port, each domain exports `DialectMigration[]` and createCore calls `planMigrations`
 * with a record of all of them: the type makes every domain present, and the order is this
 * list, not the order anyone happens to write the record in.
 */
import { checkMigrationList, type DialectMigration } from './migrate.ts';

/** Dependency order (secrets before the signing identity, staff before audit, submissions before export). Append new domains at the end. */
export const MIGRATION_DOMAINS = ['secrets', 'settings', 'staff', 'audit', 'submissions', 'export', 'forms', 'form-drafts', 'branding', 'vault', 'outcomes', 'devices', 'outbox', 'arrivals', 'kiosk-pairing'] as const;

export type MigrationDomain = (typeof MIGRATION_DOMAINS)[number];

/** Flattens the domains' steps in MIGRATION_DOMAINS order; an id may appear once in the whole plan. */
export function planMigrations(byDomain: Readonly<Record<MigrationDomain, readonly DialectMigration[]>>): readonly DialectMigration[] {
  const plan = MIGRATION_DOMAINS.flatMap((domain) => byDomain[domain]);
  checkMigrationList(plan);
  return plan;
}
