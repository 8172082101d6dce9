/**
 * What the app core is made of, as the per-domain handler modules see it. create-core.ts
 * builds it; each module in handlers/ takes a `Pick` of only the fields it uses, so a
 * handler module never imports create-core.ts and create-core.ts only imports handlers.
 */
import type { Store } from './db/port.ts';
import type { AdminSettingsService } from './admin/settings-service.ts';
import type { AuditLog } from './audit/log.ts';
import type { LoginFailureCounter } from './staff/login-failures.ts';
import type { createBackgroundTasks } from './background.ts';
import type { Vault } from './crypto/vault.ts';
import type { Exporter } from './export/exporter.ts';
import type { CoreEventHub } from './events/queue-events.ts';
import type { VersionedFormRegistry } from './forms/registry.ts';
import type { HandlerOptions } from './handler.ts';
import type { Clock, KeyProvider, Printer } from './ports.ts';
import type { SettingsStore } from './settings/store.ts';
import type { SecretStore, SigningIdentity } from './signing/identity.ts';
import type { StaffService } from './staff/service.ts';
import type { SubmissionRepository } from './submissions/repository.ts';
import type { DeviceRegistry } from './devices/registry.ts';
import type { KioskNetwork } from './network/kiosk-submit.ts';
import type { ArrivalRepository } from './network/arrivals.ts';

export interface CoreDeps {
  /** The storage port every repository is written against (async, SQLite or PostgreSQL; docs/STORAGE.md). */
  readonly store: Store;
  readonly vault: Vault;
  /** Wraps the data key at rest; a data-key rotation wraps the new key with it. */
  readonly keyProvider: KeyProvider;
  readonly clock: Clock;
  readonly printer: Printer;
  /** Origin allow-list, the staff sessions the access check reads, the error sink. */
  readonly handlerOptions: HandlerOptions;
  readonly settings: SettingsStore;
  readonly submissions: SubmissionRepository;
  readonly staff: StaffService;
  readonly audit: AuditLog;
  /** Failed staff logins, counted (audit summaries, not a row per guess). */
  readonly loginFailures: LoginFailureCounter;
  readonly exporter: Exporter;
  readonly forms: VersionedFormRegistry;
  readonly secrets: SecretStore;
  readonly signingIdentity: () => Promise<SigningIdentity>;
  /** After the admin regenerates or imports the certificate: the next PDF loads the new one. */
  readonly resetSigningIdentity: () => void;
  readonly background: ReturnType<typeof createBackgroundTasks>;
  readonly host: { quit(): void } | null;
  /** The admin's view of the settings, with the clinic logo (attract screen, PDF, admin screens). */
  readonly clinicSettings: AdminSettingsService;
  /** Change notifications (the queue), fired after a change commits; hosts subscribe through `Core.events`. */
  readonly events: CoreEventHub;
  /** Paired devices of the clinic server (pairing codes, credentials, revocation). */
  readonly devices: DeviceRegistry;
  /** Network mode (core/network/): the outbox and its forwarder; null on a single kiosk. */
  readonly network: KioskNetwork | null;
  /** On the clinic server: how each forwarded intake arrived (late, clock skew). */
  readonly arrivals: ArrivalRepository;
}
