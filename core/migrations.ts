/**
 * Every schema step of the app core, per domain, in the one order of
 * db/migration-plan.ts MIGRATION_DOMAINS. createCore opens the store with this plan; tests
 * and tools that open a store of their own use it too.
 */
import { planMigrations } from './db/migration-plan.ts';
import type { DialectMigration } from './db/migrate.ts';
import { secretMigrations } from './secrets/secret-store.ts';
import { settingsMigrations } from './settings/store.ts';
import { staffMigrations } from './staff/service.ts';
import { loginFailureMigrations } from './staff/login-failures.ts';
import { auditMigrations } from './audit/log.ts';
import { submissionMigrations } from './submissions/repository.ts';
import { exportMigrations } from './export/exporter.ts';
import { formRegistryMigrations } from './forms/registry.ts';
import { formDraftMigrations } from './admin/form-drafts.ts';
import { brandingMigrations } from './admin/settings-service.ts';
import { vaultMigrations } from './crypto/vault.ts';
import { outcomeDialectMigrations } from './therapist/outcomes.ts';
import { deviceMigrations } from './devices/store.ts';
import { outboxDialectMigrations } from './network/outbox.ts';
import { arrivalDialectMigrations } from './network/arrivals.ts';
import { kioskPairingMigrations } from './network/pairing-store.ts';

export const CORE_MIGRATIONS: readonly DialectMigration[] = planMigrations({
  secrets: secretMigrations,
  settings: settingsMigrations,
  // The login failure counts are part of the staff domain (one table beside the staff table).
  staff: [...staffMigrations, ...loginFailureMigrations],
  audit: auditMigrations,
  submissions: submissionMigrations,
  export: exportMigrations,
  forms: formRegistryMigrations,
  'form-drafts': formDraftMigrations,
  branding: brandingMigrations,
  vault: vaultMigrations,
  outcomes: outcomeDialectMigrations,
  devices: deviceMigrations,
  outbox: outboxDialectMigrations,
  arrivals: arrivalDialectMigrations,
  'kiosk-pairing': kioskPairingMigrations,
});
