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
import { request } from 'node:https';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import pg from 'pg';
import { createCore, type Core } from '../../core/create-core.ts';
import { createKeyFileProvider } from '../../core/crypto/key-file-provider.ts';
import { findPostgresBin, startCluster, stopCluster } from '../../core/db/testing/pg-cluster.ts';
import { createHttpsTransport } from '../../core/network/https-transport.ts';
import { installPairedIdentity } from '../../core/network/testing/clinic-pki.ts';
import { createPdfPrinter } from '../../core/pdf-printer.ts';
import { CHROMIUM_PATH } from '../../playwright.config.ts';
import { kioskKeys } from '../../server/testing/server-process.ts';
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

interface KioskPairing {
  readonly deviceId: string;
  readonly credential: string;
  readonly certificatePem: string;
  readonly caCertificatePem: string;
}

/** POST /pair/kiosk as the kiosk's set-up does it, trusting only the clinic CA. */
function pairKiosk(origin: string, caPem: string, body: { code: string; name: string; publicKeyPem: string }): Promise<KioskPairing> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}/pair/kiosk`,
      { method: 'POST', ca: caPem, agent: false, headers: { 'content-type': 'application/json', 'x-kiosk-request': '1', origin } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const answer = JSON.parse(text) as { ok: true; value: KioskPairing } | { ok: false; error: { code: string; message: string } };
          if (answer.ok) resolve(answer.value);
          else reject(new Error(`Kiosk pairing refused (${res.statusCode}): ${answer.error.code}: ${answer.error.message}`));
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
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
  const keys = kioskKeys();
  const pairing = await pairKiosk(options.serverOrigin, options.caPem, { code: options.code, name: options.name, publicKeyPem: keys.publicKeyPem });
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
  await installPairedIdentity(core, keys.privateKeyPem, pairing.certificatePem, pairing.caCertificatePem);
  return {
    core,
    deviceId: pairing.deviceId,
    close: async () => {
      await core.close();
      await https.close();
    },
  };
}
