/**
 * The app core: everything the main process does, as plain Node. The Electron main
 * process and the tests build it the same way and get the same handler table.
 *
 *   createCore({ dataDir, keyProvider, database, clock, printer, allowedOrigins }) -> { handlers, events, devices, close }
 *
 * The store is the configured one (`database`: hosts pass storeConfigFromEnv(process.env,
 * dataDir); absent, the kiosk's own SQLite file kiosk.db in the data dir), opened and
 * migrated with CORE_MIGRATIONS; every repository is written against it.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiErrorCode } from '../api/result.ts';
import type { Channel } from '../api/contract.ts';
import { openStore, SQLITE_FILE, type OpenStoreOptions, type StoreConfig } from './db/open-store.ts';
import type { Store } from './db/port.ts';
import { CORE_MIGRATIONS } from './migrations.ts';
import { openVault } from './crypto/vault.ts';
import { createSubmissionRepository } from './submissions/repository.ts';
import { createStaffService } from './staff/service.ts';
import { createLoginFailureCounter, LOGIN_FAILURE_WINDOW_MS } from './staff/login-failures.ts';
import { openAuditTrail } from './audit/trail.ts';
import { createSettingsStore } from './settings/store.ts';
import { createExporter, exportTempTag, nodeExportFs } from './export/exporter.ts';
import { loadOrCreateSigningIdentity, SECRET_P12, type SigningIdentity } from './signing/identity.ts';
import { createVaultSecretStore } from './secrets/secret-store.ts';
import { createFormRegistry } from './forms/registry.ts';
import { createAdminSettingsService } from './admin/settings-service.ts';
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
import { preloadFontsInBackground } from './pdf/index.ts';
import { createCoreEvents, type CoreEvents } from './events/queue-events.ts';
import type { DeviceRegistry } from './devices/registry.ts';
import { createDeviceRegistry } from './devices/store.ts';
import { deviceHandlers } from './handlers/devices.ts';
import { issueKioskCertificate, kioskPublicKeyProblem } from './signing/device-certificate.ts';
import { caCertificatePem, SigningIdentityError } from './signing/identity.ts';
import { loadClinicCa } from './signing/clinic-ca.ts';
import { CoreError } from './handler.ts';
import { openNetworkMode, type TransportFactory } from './network/mode.ts';
import { networkPairingHandlers, type PairingOptions } from './network/pairing-handlers.ts';
import { createArrivalRepository } from './network/arrivals.ts';
import { forwardHandlers } from './network/forward.ts';
import { outboxStatusHandlers } from './network/status.ts';
import type { Transport } from './network/transport.ts';

export interface CoreOptions {
  /** The kiosk's own files (audit checkpoints, the SQLite store by default): Electron's userData/data in the app, a temp dir in tests. */
  readonly dataDir: string;
  /**
   * Which store: hosts pass storeConfigFromEnv(process.env, dataDir) (KIOSK_DATABASE_URL=postgres://...
   * is the clinic's PostgreSQL). Absent: SQLite kiosk.db in `dataDir`, as before the port.
   */
  readonly database?: StoreConfig;
  /** Adapter tuning (retries, pool size, busy timeout); tests only. */
  readonly storeOptions?: OpenStoreOptions;
  readonly keyProvider: KeyProvider;
  readonly clock?: Clock;
  readonly printer?: Printer;
  /** Origins allowed to call (app://kiosk in Electron, the http origin in e2e and start:chromium). */
  readonly allowedOrigins: readonly string[];
  /** The host application: Electron passes app.quit; absent in Chromium mode and tests. */
  readonly host?: { quit(): void };
  /** Receives channel + error code for failed calls; never payloads. */
  readonly onError?: (channel: Channel, code: ApiErrorCode, error: unknown) => void;
  /**
   * Network mode: intakes go to the kiosk's outbox and on to the clinic server through
   * `transport`. `config` is the kiosk's network settings as read (validated here: a bad one
   * stops the start with NetworkConfigError). Absent: a single kiosk, as today.
   */
  readonly network?: { readonly config: unknown; readonly transport: Transport; readonly random?: () => number };
  /**
   * How this kiosk reaches a clinic server it pairs with (`network:pair`): the host passes
   * createHttpsTransport (core/network/https-transport.ts). Absent (the clinic server itself,
   * most tests): this core cannot join a server. A stored pairing starts network mode at start-up.
   */
  readonly transportFactory?: TransportFactory;
  /** Pairing details for tests and e2e (where the clinic CA is downloaded from); hosts leave it out. */
  readonly pairing?: PairingOptions;
}

export interface Core {
  readonly handlers: HandlerTable;
  /** Exposed for tests and the shell's maintenance tasks; not reachable from the renderer. */
  readonly deps: CoreDeps;
  /** Settles when the PDF fonts, parsed in the background from start-up, are ready (or close() stopped them). */
  readonly fontsReady: Promise<void>;
  /** Change notifications for hosts that show the queue live (the clinic server's event stream). */
  readonly events: CoreEvents;
  /** Paired devices of the clinic server: the host authenticates each request's credential here. */
  readonly devices: DeviceRegistry;
  close(): Promise<void>;
}

/** The SQLite file in the data dir (the same name the store's default uses). */
export const DATABASE_FILE = SQLITE_FILE;
const EXPORT_RETRY_MS = 5 * 60_000;

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  // mkdir's mode applies only to a folder it creates: an existing one (copied, or made 0777 by
  // hand) is tightened on every start. A no-op on Windows, where the ACLs of userData apply.
  chmodSync(options.dataDir, 0o700);
  const clock = options.clock ?? systemClock;
  // Every PDF font is read and parsed now, a font per event-loop turn, so the first client's
  // summary (in whatever script) does not wait for it: the first Done is as quick as the rest.
  const fontPreload = preloadFontsInBackground();
  let store: Store;
  try {
    store = await openStore(options.database ?? { engine: 'sqlite', file: join(options.dataDir, DATABASE_FILE) }, CORE_MIGRATIONS, options.storeOptions);
  } catch (error) {
    fontPreload.stop();
    throw error;
  }
  try {
    return await assemble(options, store, clock, fontPreload);
  } catch (error) {
    fontPreload.stop();
    await store.close();
    throw error;
  }
}

async function assemble(options: CoreOptions, db: Store, clock: Clock, fontPreload: ReturnType<typeof preloadFontsInBackground>): Promise<Core> {
  const store = db;
  const vault = await openVault(db, options.keyProvider);
  const settings = await createSettingsStore(db);
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
    store: db,
    vault,
    clock,
    dataDir: options.dataDir,
    exportFolder: () => settings.get().exportFolder,
    signingIdentity,
    hasSigningIdentity: async () => identity !== undefined || (await secrets.get(SECRET_P12)) !== null,
    run: (task) => background.run(task),
  });
  // The root of this core's signing chain, with its sealed key (minted anew if it was never kept).
  const clinicCa = () => loadClinicCa({ secrets, clock, clinicName: () => settings.get().clinicName, onIdentityReplaced: () => (identity = undefined) });
  const devices = createDeviceRegistry({
    store,
    clock,
    deriveKey: (label) => vault.deriveKey(label),
    audit: trail.audit,
    endSessionsOf: (callerId) => staff.lock(callerId),
    checkKioskPublicKey: kioskPublicKeyProblem,
    issueKioskCertificate: async (publicKeyPem, commonName) => {
      try {
        return issueKioskCertificate(await clinicCa(), publicKeyPem, commonName, clock);
      } catch (error) {
        if (error instanceof SigningIdentityError) throw new CoreError('unavailable', error.message);
        throw error;
      }
    },
  });
  // One switch for single kiosk / network mode; deps.network reads it at each call (core/network/mode.ts).
  const networkMode = await openNetworkMode(
    { store, vault, audit: trail.audit, clock, transportFactory: options.transportFactory, random: options.network?.random },
    options.network,
  );
  const deps: CoreDeps = {
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
    forms: await createFormRegistry(db, clock),
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
    get network() {
      return networkMode.current();
    },
    arrivals: createArrivalRepository(store),
  };
  const handlers: HandlerTable = {
    ...kioskHandlers(deps),
    ...intakeHandlers(deps),
    ...staffHandlers(deps),
    ...kioskControlHandlers(deps),
    ...queueHandlers(deps),
    ...therapistHandlers(deps),
    ...adminHandlers(deps),
    // The fingerprint shown with a kiosk code: the CA as it is now, never minted for it (caCertificatePem only reads).
    ...deviceHandlers(deps, () => caCertificatePem(secrets)),
    ...forwardHandlers(deps),
    ...outboxStatusHandlers(deps),
    ...networkPairingHandlers(deps, networkMode, options.pairing),
  };
  // Purge submissions past the retention period now and then periodically (one transaction per run, audited).
  const retention = scheduleRetention(() => purgeExpired(db, clock, settings, deps.audit));
  await retention.firstRun;
  // Export copies not yet written (killed before, share offline, disk full) are retried from the database copy.
  const retryExports = () =>
    deps.background.run(() =>
      deps.exporter.retryPending(async (id) => {
        const stored = await deps.submissions.get(id);
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
    deps.background.run(() => deps.loginFailures.flush());
    // The closing summary of a window of refused pairing codes.
    deps.background.run(() => devices.flush().catch(() => undefined));
  }, LOGIN_FAILURE_WINDOW_MS);
  loginFailureTimer.unref();
  return {
    handlers,
    deps,
    fontsReady: fontPreload.done,
    events: { onQueueChanged: (listener) => deps.events.onQueueChanged(listener) },
    devices,
    close: async () => {
      fontPreload.stop();
      clearInterval(exportRetryTimer);
      clearInterval(loginFailureTimer);
      await retention.stop();
      await networkMode.close();
      await deps.loginFailures.flush(true).catch(() => undefined);
      await devices.flush().catch(() => undefined);
      await deps.background.drain();
      // The last checkpoint covers everything this process wrote.
      await trail.checkpointer.stop();
      await fontPreload.done;
      await db.close();
    },
  };
}
