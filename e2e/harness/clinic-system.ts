/**
 * For e2e/clinic-system.spec.ts: the pieces of a whole clinic network on 127.0.0.1.
 *
 * - `startClinicPostgres`: a throwaway PostgreSQL cluster (core/db/testing/pg-cluster.ts: initdb
 *   as the `postgres` user when root) with one empty database for the server. Without
 *   PostgreSQL the spec skips with the reason; with CI=true that is an error, as in the unit tests.
 * - `openLobbyKiosk`: a lobby kiosk's core in this process, single until an admin at the kiosk
 *   joins it to the server on its own screen (then in network mode: it signs with the
 *   certificate the clinic CA issued and forwards through the HTTPS transport).
 * - `launchTrustingChromium`: Debian's Chromium with an NSS database that trusts the clinic CA.
 */
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import pg from 'pg';
import { createCore, type Core } from '../../core/create-core.ts';
import { createKeyFileProvider } from '../../core/crypto/key-file-provider.ts';
import { findPostgresBin, startCluster, stopCluster } from '../../core/db/testing/pg-cluster.ts';
import { createHttpsTransport } from '../../core/network/https-transport.ts';
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

export interface LobbyKiosk {
  readonly core: Core;
  close(): Promise<void>;
}

/**
 * A lobby kiosk's core as the Electron host builds it, not yet joined: it can join a clinic
 * server from its own Admin > Clinic server panel (network:pair) with the HTTPS transport. The
 * clinic CA is downloaded from the server's install page (`caDownloadUrl`: the test server's
 * plain-HTTP port instead of :8080) and kept only if it matches the fingerprint typed in.
 */
export async function openLobbyKiosk(options: { readonly dataDir: string; readonly rendererOrigin: string; readonly caDownloadUrl: string }): Promise<LobbyKiosk> {
  const core = await createCore({
    dataDir: options.dataDir,
    keyProvider: createKeyFileProvider(join(options.dataDir, 'data-key.bin')),
    printer: createPdfPrinter(),
    allowedOrigins: [options.rendererOrigin],
    transportFactory: createHttpsTransport,
    pairing: { caDownloadUrl: () => options.caDownloadUrl },
  });
  return { core, close: () => core.close() };
}
