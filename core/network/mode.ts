/**
 * Which mode this kiosk is in, and the one place that switches it: single kiosk (intakes are
 * stored here) or network mode (intakes go to the outbox and on to the clinic server). Handlers
 * read `current()` at each call (deps.network is a getter over it), so pairing switches to
 * network mode at once and leaving switches back, without a restart and without a second path.
 *
 * Sources of network mode, in order:
 *   1. the host's static settings (`createCore({ network: { config, transport } })`: tests, the
 *      bench, a kiosk configured by file): fixed for the life of the core;
 *   2. a stored pairing (pairing-store.ts), read at start and written by `network:pair`: the
 *      transport is built by the host's factory (createHttpsTransport) from the stored server
 *      address, the clinic CA and the sealed credential.
 */
import type { AuditLog } from '../audit/log.ts';
import type { Vault } from '../crypto/vault.ts';
import type { Queryable } from '../db/port.ts';
import type { Clock } from '../ports.ts';
import { parseNetworkConfig, type NetworkConfig } from './config.ts';
import { createForwarder } from './forwarder.ts';
import type { HttpsTransport, HttpsTransportOptions } from './https-transport.ts';
import type { KioskNetwork } from './kiosk-submit.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import { createPairingStore, type PairingStore, type StoredPairing } from './pairing-store.ts';
import type { Transport } from './transport.ts';

/** What the host gives to reach the clinic server: createHttpsTransport, or a test double. */
export type TransportFactory = (options: HttpsTransportOptions) => HttpsTransport;

/** The settings name a paired kiosk's config carries for its credential (pairing-store.ts keeps it). */
export const PAIRED_CREDENTIAL_REF = 'kiosk_pairing.credential';

export type ModeSource = 'config' | 'paired';

export interface NetworkModeOptions {
  readonly store: Queryable;
  readonly vault: Pick<Vault, 'seal' | 'openText'>;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  readonly transportFactory?: TransportFactory;
  readonly random?: () => number;
  readonly onError?: (error: unknown) => void;
}

export type NetworkMode = Awaited<ReturnType<typeof openNetworkMode>>;

/** A transport for a paired kiosk whose host gave no factory: every call fails, intakes wait in the outbox. */
const noTransport: Transport = async () => {
  throw new Error('this kiosk build cannot reach a clinic server');
};

export async function openNetworkMode(options: NetworkModeOptions, fixed?: { readonly config: unknown; readonly transport: Transport }) {
  const outbox: Outbox = createOutbox(options.store, options.vault);
  const pairings: PairingStore = createPairingStore(options.store, options.vault);
  let active: { readonly network: KioskNetwork; readonly source: ModeSource; readonly close: () => Promise<void> } | null = null;

  function start(config: NetworkConfig, transport: Transport, source: ModeSource, close: () => Promise<void>): void {
    const forwarder = createForwarder({ ...config, outbox, store: options.store, audit: options.audit, clock: options.clock, transport, random: options.random, onError: options.onError });
    active = { network: { config, outbox, forwarder }, source, close };
    // Intakes a kill or an outage left in the outbox go out first (oldest first), now.
    forwarder.kick();
  }

  function startPaired(pairing: StoredPairing): void {
    const config = parseNetworkConfig({ mode: 'network', serverUrl: pairing.serverUrl, deviceCredentialRef: PAIRED_CREDENTIAL_REF });
    if (!options.transportFactory) {
      start(config, noTransport, 'paired', async () => {});
      return;
    }
    const https = options.transportFactory({
      serverUrl: pairing.serverUrl,
      caPem: pairing.caPem,
      timeoutMs: config.forwardTimeoutMs,
      credential: async () => {
        const credential = await pairings.credential();
        if (credential === null) throw new Error('this kiosk is no longer paired');
        return credential;
      },
    });
    start(config, https.transport, 'paired', () => https.close());
  }

  if (fixed) {
    start(parseNetworkConfig(fixed.config), fixed.transport, 'config', async () => {});
  } else {
    const stored = await pairings.get();
    if (stored) startPaired(stored);
  }

  async function stopActive(): Promise<void> {
    const was = active;
    active = null;
    if (!was) return;
    await was.network.forwarder.stop();
    await was.close();
  }

  return {
    outbox,
    pairings,
    /** The network mode handlers act on now; null on a single kiosk. */
    current: (): KioskNetwork | null => active?.network ?? null,
    /** Where the current mode comes from: the host's settings (cannot be changed here) or a pairing. */
    source: (): ModeSource | null => active?.source ?? null,
    canPair: () => options.transportFactory !== undefined,
    /** After a pairing is saved: network mode from now on, on the stored settings. */
    async switchToPaired(): Promise<void> {
      const stored = await pairings.get();
      if (!stored) throw new Error('no pairing stored');
      await stopActive();
      startPaired(stored);
    },
    /** After the pairing is cleared: a single kiosk from now on. */
    switchToSingle: stopActive,
    close: stopActive,
  };
}
