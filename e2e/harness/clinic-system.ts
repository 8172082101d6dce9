/**
 * For e2e/clinic-system.spec.ts: the pieces of a whole clinic network on 127.0.0.1.
 *
 * - `startClinicPostgres`: a throwaway PostgreSQL cluster (core/db/testing/pg-cluster.ts: initdb
 *   as the `postgres` user when root) with one empty database for the server. Without
 *   PostgreSQL the spec skips with the reason; with CI=true that is an error, as in the unit tests.
 * - `openNetworkKiosk`: a lobby kiosk's core in this process, in network mode, paired with the
 *   server over HTTPS with an admin's kiosk code (POST /pair/kiosk with its own public key): it
 *   signs with the certificate the clinic CA issued and forwards through the HTTPS transport.
 * - `launchTrustingChromium`: Debian's Chromium with an NSS database that trusts the clinic CA.
 */
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import pg from 'pg';
import { createCore, type Core } from '../../core/create-core.ts';
import { createKeyFileProvider } from '../../core/crypto/key-file-provider.ts';
import { findPostgresBin, startCluster, stopCluster } from '../../core/db/testing/pg-cluster.ts';
import { KIOSK_PAIR_PATH, kioskPairingSchema, type KioskPairing } from '../../core/devices/kiosk-pairing.ts';
import { CSRF_HEADER, postJson } from '../../core/network/https-post.ts';
import { clinicAgent, createHttpsTransport } from '../../core/network/https-transport.ts';
import { generateKioskKey, installKioskIdentity } from '../../core/network/kiosk-identity.ts';
import { createPdfPrinter } from '../../core/pdf-printer.ts';
import { CHROMIUM_PATH } from '../../playwright.config.ts';
import { homeTrustingCa } from './nss-trust.ts';

export interface ClinicPostgres {
  /** The server's database (superuser URL of a fresh database). */
  readonly url: string;
  stop(): void;
}

/** A cluster and a database, or the reason there is none (PostgreSQL not installed). */
export async function startClinicPostgres(): Promise<ClinicPostgres | { readonly missing: string }> {
  const bin = findPostgresBin();
  if (!bin) {
    const missing = 'PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or PATH)';
    if (process.env['CI'] === 'true') throw new Error(`CI=true requires PostgreSQL for the clinic system e2e and ${missing}: install Debian's postgresql (.ci/run does).`);
    return { missing };
  }
  const cluster = await startCluster(bin);
  try {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      await client.query('CREATE DATABASE clinic_server');
    } finally {
      await client.end();
    }
  } catch (error) {
    stopCluster(bin, cluster.dir);
    throw error;
  }
  const url = new URL(cluster.url);
  url.pathname = '/clinic_server';
  return { url: url.toString(), stop: () => stopCluster(bin, cluster.dir) };
}

export interface TrustingBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function launchTrustingChromium(caPem: string): Promise<TrustingBrowser> {
  const trust = homeTrustingCa(caPem);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
    env: { ...process.env, HOME: trust.home },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      trust.cleanup();
    },
  };
}

/**
 * POST /pair/kiosk as the kiosk's set-up does it (core/devices/kiosk-pairing.ts is the wire
 * contract), through the kiosk's own HTTPS poster, trusting only the clinic CA.
 */
async function pairKiosk(origin: string, caPem: string, body: { code: string; name: string; publicKeyPem: string }): Promise<KioskPairing> {
  const agent = clinicAgent(caPem);
  try {
    const answer = await postJson({ agent, url: new URL(KIOSK_PAIR_PATH, origin), body, headers: { origin, [CSRF_HEADER]: '1' }, timeoutMs: 15_000 });
    if (!answer.ok) throw new Error(`Kiosk pairing refused: ${answer.error.code}: ${answer.error.message}`);
    return kioskPairingSchema.parse(answer.value);
  } finally {
    agent.destroy();
  }
}

export interface NetworkKiosk {
  readonly core: Core;
  readonly deviceId: string;
  close(): Promise<void>;
}

/**
 * A lobby kiosk in network mode, paired with `code`: its key pair, the pairing request, the
 * certificate installed as its signing identity, the credential kept for the transport (the
 * Electron host keeps it in safeStorage; here, in memory).
 */
export async function openNetworkKiosk(options: {
  readonly dataDir: string;
  readonly name: string;
  readonly code: string;
  readonly serverOrigin: string;
  readonly caPem: string;
  /** The origin the kiosk's renderer is served from (the e2e static server). */
  readonly rendererOrigin: string;
}): Promise<NetworkKiosk> {
  const key = generateKioskKey();
  const pairing = await pairKiosk(options.serverOrigin, options.caPem, { code: options.code, name: options.name, publicKeyPem: key.publicKeyPem });
  const https = createHttpsTransport({ serverUrl: options.serverOrigin, caPem: options.caPem, credential: async () => pairing.credential, timeoutMs: 15_000 });
  const core = await createCore({
    dataDir: options.dataDir,
    keyProvider: createKeyFileProvider(join(options.dataDir, 'data-key.bin')),
    printer: createPdfPrinter(),
    allowedOrigins: [options.rendererOrigin],
    network: {
      config: { mode: 'network', serverUrl: options.serverOrigin, deviceCredentialRef: 'kiosk-device-credential', forwardTimeoutMs: 15_000, retryFirstMs: 500, retryMaxMs: 5_000 },
      transport: https.transport,
    },
  });
  await installKioskIdentity(core.deps.secrets, key, pairing.certificatePem, pairing.caCertificatePem, new Date());
  core.deps.resetSigningIdentity();
  return {
    core,
    deviceId: pairing.deviceId,
    close: async () => {
      await core.close();
      await https.close();
    },
  };
}
