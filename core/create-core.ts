/**
 * The app core: everything the main process does, as plain Node. The Electron main
 * process and the tests build it the same way and get the same handler table.
 *
 *   createCore({ dataDir, keyProvider, clock, printer, allowedOrigins }) -> { handlers, events, close }
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiErrorCode } from '../api/result.ts';
import type { Channel } from '../api/contract.ts';
import { openDatabase } from './db/database.ts';
import { openVault } from './crypto/vault.ts';
import { createSubmissionRepository, submissionMigrations } from './submissions/repository.ts';
import { createStaffService, staffMigrations } from './staff/service.ts';
import { createLoginFailureCounter, LOGIN_FAILURE_WINDOW_MS, loginFailureMigrations } from './staff/login-failures.ts';
import { auditMigrations } from './audit/log.ts';
import { openAuditTrail } from './audit/trail.ts';
import { createSettingsStore, settingsMigrations } from './settings/store.ts';
import { sqliteStoreOverConnection } from './db/sqlite-store.ts';
import { createExporter, exportMigrations, exportTempTag, nodeExportFs } from './export/exporter.ts';
import { loadOrCreateSigningIdentity, SECRET_P12, type SigningIdentity } from './signing/identity.ts';
import { secretMigrations, createVaultSecretStore } from './secrets/secret-store.ts';
import { createFormRegistry, formRegistryMigrations } from './forms/registry.ts';
import { brandingMigrations, createAdminSettingsService } from './admin/settings-service.ts';
import { formDraftMigrations } from './admin/form-drafts.ts';
import { systemClock, type Clock, type KeyProvider, type Printer } from './ports.ts';
import type { HandlerTable } from './handler.ts';
import type { CoreDeps } from './deps.ts';
import { createPdfPrinter } from './pdf-printer.ts';
import { kioskHandlers } from './handlers/kiosk.ts';
import { intakeHandlers } from './handlers/intake.ts';
import { queueHandlers } from './handlers/queue.ts';
import { therapistHandlers } from './handlers/therapist.ts';
import { adminHandlers } from './handlers/admin.ts';
import { staffHandlers } from './handlers/staff.ts';
import { kioskControlHandlers } from './handlers/kiosk-control.ts';
import { createBackgroundTasks } from './background.ts';
import { purgeExpired, scheduleRetention } from './retention/purge.ts';
import { initialsOf } from './intake/identity.ts';
import { createCoreEvents, type CoreEvents } from './events/queue-events.ts';
import type { DeviceRegistry } from './devices/registry.ts';
import { createDeviceRegistry, deviceMigrations } from './devices/store.ts';
import { deviceHandlers } from './handlers/devices.ts';
import { issueKioskCertificate, kioskPublicKeyProblem } from './signing/device-certificate.ts';
import { SigningIdentityError } from './signing/identity.ts';
import { loadClinicCa } from './signing/clinic-ca.ts';
import { CoreError } from './handler.ts';

export interface CoreOptions {
  /** Where the database lives: Electron's userData/data in the app, a temp dir in tests. */
  readonly dataDir: string;
  readonly keyProvider: KeyProvider;
  readonly clock?: Clock;
  readonly printer?: Printer;
  /** Origins allowed to call (app://kiosk in Electron, the http origin in e2e and start:chromium). */
  readonly allowedOrigins: readonly string[];
  /** The host application: Electron passes app.quit; absent in Chromium mode and tests. */
  readonly host?: { quit(): void };
  /** Receives channel + error code for failed calls; never payloads. */
  readonly onError?: (channel: Channel, code: ApiErrorCode, error: unknown) => void;
}

export interface Core {
  readonly handlers: HandlerTable;
  /** Exposed for tests and the shell's maintenance tasks; not reachable from the renderer. */
  readonly deps: CoreDeps;
  /** Change notifications for hosts that show the queue live (the clinic server's event stream). */
  readonly events: CoreEvents;
  /** Paired devices of the clinic server: the host authenticates each request's credential here. */
  readonly devices: DeviceRegistry;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'kiosk.db';
const EXPORT_RETRY_MS = 5 * 60_000;

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  // mkdir's mode applies only to a folder it creates: an existing one (copied, or made 0777 by
  // hand) is tightened on every start. A no-op on Windows, where the ACLs of userData apply.
  chmodSync(options.dataDir, 0o700);
  const clock = options.clock ?? systemClock;
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), [
    ...secretMigrations,
    ...settingsMigrations,
    ...staffMigrations,
    ...loginFailureMigrations,
    ...auditMigrations,
    ...submissionMigrations,
    ...exportMigrations,
    ...formRegistryMigrations,
    ...formDraftMigrations,
    ...brandingMigrations,
    ...deviceMigrations.map((m) => ({ id: m.id, sql: m.sqlite })),
  ]);
  const vault = await openVault(db, options.keyProvider);
  const settings = createSettingsStore(db);
  const secrets = createVaultSecretStore(db, vault);
  const clinicSettings = createAdminSettingsService(db, settings, clock);
  const staff = createStaffService(db, clock, () => {
    const { autoLogoffMs, defaultLanguage } = settings.get();
    return { autoLogoffMs, defaultLanguage };
  });
  let identity: Promise<SigningIdentity> | undefined;
  const signingIdentity = () => (identity ??= loadOrCreateSigningIdentity(secrets, settings.get().clinicName, clock));
  const background = createBackgroundTasks();
  const trail = await openAuditTrail({
    db,
    vault,
    clock,
    dataDir: options.dataDir,
    exportFolder: () => settings.get().exportFolder,
    signingIdentity,
    hasSigningIdentity: () => identity !== undefined || secrets.get(SECRET_P12) !== null,
    run: (task) => background.run(task),
  });
  const store = sqliteStoreOverConnection(db, join(options.dataDir, DATABASE_FILE));
  const devices = createDeviceRegistry({
    store,
    clock,
    deriveKey: (label) => vault.deriveKey(label),
    audit: trail.audit,
    endSessionsOf: (callerId) => staff.lock(callerId),
    checkKioskPublicKey: kioskPublicKeyProblem,
    issueKioskCertificate: async (publicKeyPem, commonName) => {
      try {
        // The root of this core's signing chain, with its sealed key (minted anew if it was never kept).
        const ca = await loadClinicCa({ secrets, clock, clinicName: () => settings.get().clinicName, onIdentityReplaced: () => (identity = undefined) });
        return issueKioskCertificate(ca, publicKeyPem, commonName, clock);
      } catch (error) {
        if (error instanceof SigningIdentityError) throw new CoreError('unavailable', error.message);
        throw error;
      }
    },
  });
  const deps: CoreDeps = {
    db,
    store,
    vault,
    keyProvider: options.keyProvider,
    clock,
    printer: options.printer ?? createPdfPrinter(),
    handlerOptions: { allowedOrigins: options.allowedOrigins, sessions: staff, onError: options.onError },
    settings,
    submissions: createSubmissionRepository(db, vault, clock),
    staff,
    audit: trail.audit,
    loginFailures: createLoginFailureCounter(db, clock, trail.audit),
    exporter: createExporter(db, clock, () => settings.get().exportFolder, nodeExportFs, { tempTag: exportTempTag(vault) }),
    forms: createFormRegistry(db, clock),
    secrets,
    signingIdentity,
    resetSigningIdentity: () => {
      identity = undefined;
    },
    background,
    host: options.host ?? null,
    clinicSettings,
    events: createCoreEvents((error) => options.onError?.('queue:list', 'internal', error)),
    devices,
  };
  const handlers: HandlerTable = {
    ...kioskHandlers(deps),
    ...intakeHandlers(deps),
    ...staffHandlers(deps),
    ...kioskControlHandlers(deps),
    ...queueHandlers(deps),
    ...therapistHandlers(deps),
    ...adminHandlers(deps),
    ...deviceHandlers(deps),
  };
  // Purge submissions past the retention period now and then periodically (one transaction per run, audited).
  const retention = scheduleRetention(() => purgeExpired(db, clock, settings, deps.audit));
  // Export copies not yet written (killed before, share offline, disk full) are retried from the database copy.
  const retryExports = () =>
    deps.background.run(() =>
      deps.exporter.retryPending((id) => {
        const stored = deps.submissions.get(id);
        return stored ? { pdf: stored.pdf, createdAt: new Date(stored.createdAt), initials: initialsOf(stored.clientName) } : null;
      }),
    );
  // At start-up, first the temp files of writes a kill interrupted (clear-text PDFs on the share).
  deps.background.run(async () => {
    await deps.exporter.sweep().catch(() => 0);
    retryExports();
  });
  const exportRetryTimer = setInterval(retryExports, EXPORT_RETRY_MS);
  exportRetryTimer.unref();
  const loginFailureTimer = setInterval(() => {
    deps.loginFailures.flush();
    // The closing summary of a window of refused pairing codes.
    deps.background.run(() => devices.flush().catch(() => undefined));
  }, LOGIN_FAILURE_WINDOW_MS);
  loginFailureTimer.unref();
  return {
    handlers,
    deps,
    events: { onQueueChanged: (listener) => deps.events.onQueueChanged(listener) },
    devices,
    close: async () => {
      retention.stop();
      clearInterval(exportRetryTimer);
      clearInterval(loginFailureTimer);
      deps.loginFailures.flush(true);
      await devices.flush().catch(() => undefined);
      await deps.background.drain();
      // The last checkpoint covers everything this process wrote.
      await trail.checkpointer.stop();
      db.close();
    },
  };
}
