/**
 * The kiosk's stored pairing on both engines: one row, replaced by a new pairing, cleared on
 * leaving; the credential sealed (AAD-bound) and opened only on request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../crypto/vault.ts';
import { ENGINES, type OpenedStore } from '../db/testing/engines.ts';
import { createPairingStore, kioskPairingMigrations } from './pairing-store.ts';

/** A stand-in vault that really checks the AAD and hides the plain text (reversed base64). */
const vault: Pick<Vault, 'seal' | 'openText'> = {
  seal: (plain, aad) => new TextEncoder().encode(JSON.stringify({ aad, box: Buffer.from(String(plain)).toString('base64').split('').reverse().join('') })),
  openText: (sealed, aad) => {
    const { aad: was, box } = JSON.parse(new TextDecoder().decode(sealed)) as { aad: string; box: string };
    if (was !== aad) throw new Error('wrong AAD');
    return Buffer.from(box.split('').reverse().join(''), 'base64').toString();
  },
};

const pairing = (n: number) => ({
  serverUrl: `https://clinic-server-${n}.local:8443`,
  caPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
  deviceId: `0000000${n}-0000-4000-8000-000000000000`,
  deviceName: `Kiosk ${n}`,
  pairedAt: '2025-06-15T10:00:00.000Z',
  credential: `0000000${n}-0000-4000-8000-000000000000.secret-${n}`,
});

describe.each(ENGINES)('kiosk pairing on $dialect', (engine) => {
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
  });

  it.skipIf(!engine.isAvailable)('keeps one pairing, replaced by the next, cleared on leaving; the credential sealed', async () => {
    opened = await engine.open();
    await opened.store.migrate(kioskPairingMigrations);
    const pairings = createPairingStore(opened.store, vault);
    expect(await pairings.get()).toBeNull();
    expect(await pairings.credential()).toBeNull();
    await opened.store.transaction((tx) => pairings.save(tx, pairing(1)));
    await opened.store.transaction((tx) => pairings.save(tx, pairing(2)));
    const { credential, ...rest } = pairing(2);
    expect(await pairings.get()).toEqual(rest);
    expect(await pairings.credential()).toBe(credential);
    const raw = await opened.store.one<{ credential: Uint8Array }>('SELECT credential FROM kiosk_pairing');
    expect(Buffer.from(raw?.credential ?? []).toString()).not.toContain('secret-2');
    expect(await opened.store.transaction((tx) => pairings.clear(tx))).toBe(true);
    expect(await pairings.get()).toBeNull();
    expect(await opened.store.transaction((tx) => pairings.clear(tx))).toBe(false);
  });
});
