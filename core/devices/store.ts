/**
 * The device registry over the storage port (tables `devices`, `pairing_codes` and the
 * one-row `pairing_guard`): see registry.ts for what it promises. Codes and credentials are
 * kept only as keyed hashes (secrets.ts). A code is used up by one conditional UPDATE, so of
 * two devices redeeming it at once exactly one wins. Wrong codes are counted here too, for
 * the whole clinic (the host counts them per address and device): every
 * PAIRING_GUESS_CAP wrong codes within one PAIRING_GUARD_WINDOW_MS void every code still
 * outstanding, audited. Refusals are audited as summaries (`device.pairing_refused` at the
 * 1st, 10th, 100th... refusal of a window and once when the window closes), not a row per guess.
 */
import { randomUUID } from 'node:crypto';
import type { DialectMigration } from '../db/migrate.ts';
import type { Queryable } from '../db/port.ts';
import type { NewAuditEntry } from '../audit/log.ts';
import type { Clock } from '../ports.ts';
import { CoreError } from '../handler.ts';
import { deviceCallerId, type Device, type DeviceKind, type DeviceRegistry, type Pairing, type PairingRequest } from './registry.ts';
import { keyedHash, newCredential, newPairingCode, normalisePairingCode, parseCredential, sameMac } from './secrets.ts';

export const PAIRING_CODE_TTL_MS = 10 * 60_000;
export const PAIRING_GUARD_WINDOW_MS = 10 * 60_000;
export const PAIRING_GUESS_CAP = 20;
/** lastSeenAt is written at most this often per device (authenticate runs on every request). */
export const LAST_SEEN_RESOLUTION_MS = 60_000;
export const DEVICE_NAME_MAX = 80;

const KIND_CHECK = "CHECK (kind IN ('browser', 'kiosk'))";

export const deviceMigrations: readonly DialectMigration[] = [
  {
    id: 'devices-001',
    sqlite: `CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL ${KIND_CHECK},
      credential_mac TEXT NOT NULL,
      paired_at TEXT NOT NULL,
      paired_by TEXT NOT NULL,
      last_seen_at TEXT,
      revoked_at TEXT,
      revoked_by TEXT
    ) STRICT;
    CREATE TABLE pairing_codes (
      code_mac TEXT PRIMARY KEY,
      kind TEXT NOT NULL ${KIND_CHECK},
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT,
      device_id TEXT,
      voided_at TEXT
    ) STRICT;
    CREATE TABLE pairing_guard (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      window_start TEXT NOT NULL,
      failures INTEGER NOT NULL,
      wrong INTEGER NOT NULL,
      expired INTEGER NOT NULL,
      used INTEGER NOT NULL,
      reported INTEGER NOT NULL
    ) STRICT;`,
    postgres: `CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL ${KIND_CHECK},
      credential_mac TEXT NOT NULL,
      paired_at TEXT NOT NULL,
      paired_by TEXT NOT NULL,
      last_seen_at TEXT,
      revoked_at TEXT,
      revoked_by TEXT
    );
    CREATE TABLE pairing_codes (
      code_mac TEXT PRIMARY KEY,
      kind TEXT NOT NULL ${KIND_CHECK},
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT,
      device_id TEXT,
      voided_at TEXT
    );
    CREATE TABLE pairing_guard (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      window_start TEXT NOT NULL,
      failures INTEGER NOT NULL,
      wrong INTEGER NOT NULL,
      expired INTEGER NOT NULL,
      used INTEGER NOT NULL,
      reported INTEGER NOT NULL
    );`,
  },
];

/** What a kiosk's pairing gets from the clinic CA (core/signing/device-certificate.ts). */
export type KioskCertificateIssuer = (publicKeyPem: string, commonName: string) => Promise<{ certificatePem: string; caCertificatePem: string }>;

export interface DeviceRegistryOptions {
  readonly store: Queryable;
  readonly clock: Clock;
  /** Vault-derived keys (vault.deriveKey): one for pairing codes, one for credentials. */
  readonly deriveKey: (label: string) => Uint8Array;
  readonly audit: { append(entry: NewAuditEntry): Promise<unknown> };
  /** Ends the staff sessions of a caller id (StaffService.lock): a revoked device's, at once. */
  readonly endSessionsOf: (callerId: string) => void;
  /** Checks a kiosk's public key and issues its certificate; absent, kiosks cannot pair. */
  readonly issueKioskCertificate?: KioskCertificateIssuer;
  /** Checks a kiosk's public key before anything is used up: a message for the device, or null when fine. */
  readonly checkKioskPublicKey?: (pem: string) => string | null;
}

export type StoreDeviceRegistry = DeviceRegistry & {
  /** Writes the closing refusal summary of a window that has ended (on close, and on a timer). */
  flush(): Promise<void>;
};

type DeviceRow = {
  readonly id: string;
  readonly name: string;
  readonly kind: DeviceKind;
  readonly credential_mac: string;
  readonly paired_at: string;
  readonly last_seen_at: string | null;
  readonly revoked_at: string | null;
};

type CodeRow = {
  readonly kind: DeviceKind;
  readonly created_by: string;
  readonly expires_at: string;
  readonly used_at: string | null;
  readonly voided_at: string | null;
};

type GuardRow = {
  readonly window_start: string;
  readonly failures: number;
  readonly wrong: number;
  readonly expired: number;
  readonly used: number;
  readonly reported: number;
};

type Refusal = 'wrong' | 'expired' | 'used';

const toDevice = (r: DeviceRow): Device => ({ id: r.id, name: r.name, kind: r.kind, pairedAt: r.paired_at, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at });
const DEVICE_COLUMNS = 'id, name, kind, credential_mac, paired_at, last_seen_at, revoked_at';
/** 1, 10, 100, 1,000...: when a window's count is summarised in the audit log. */
function isReportedCount(n: number): boolean {
  let m = n;
  while (m >= 10 && m % 10 === 0) m /= 10;
  return m === 1;
}

const refusalSummary = (g: GuardRow, closing: boolean): NewAuditEntry => ({
  action: 'device.pairing_refused',
  actor: 'system',
  details: { failures: g.failures, wrong: g.wrong, expired: g.expired, used: g.used, since: g.window_start, closing },
});

export function createDeviceRegistry(options: DeviceRegistryOptions): StoreDeviceRegistry {
  const { store, clock, audit } = options;
  const codeKey = options.deriveKey('devices.pairing-code.v1');
  const credentialKey = options.deriveKey('devices.credential.v1');
  const now = () => clock.now();

  /** Counts one refused redemption; returns the audit entries it calls for (written after commit). */
  async function countRefusal(reason: Refusal): Promise<NewAuditEntry[]> {
    const at = now();
    return store.transaction(async (tx) => {
      const entries: NewAuditEntry[] = [];
      let g = await tx.one<GuardRow>('SELECT window_start, failures, wrong, expired, used, reported FROM pairing_guard WHERE singleton = 1');
      if (g && at.getTime() - Date.parse(g.window_start) >= PAIRING_GUARD_WINDOW_MS) {
        if (g.failures > g.reported) entries.push(refusalSummary(g, true));
        g = undefined;
      }
      const next: GuardRow = {
        window_start: g?.window_start ?? at.toISOString(),
        failures: (g?.failures ?? 0) + 1,
        wrong: (g?.wrong ?? 0) + (reason === 'wrong' ? 1 : 0),
        expired: (g?.expired ?? 0) + (reason === 'expired' ? 1 : 0),
        used: (g?.used ?? 0) + (reason === 'used' ? 1 : 0),
        reported: g?.reported ?? 0,
      };
      const report = isReportedCount(next.failures);
      const reported = report ? next.failures : next.reported;
      await tx.exec(
        `INSERT INTO pairing_guard (singleton, window_start, failures, wrong, expired, used, reported) VALUES (1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (singleton) DO UPDATE SET window_start = excluded.window_start, failures = excluded.failures, wrong = excluded.wrong,
           expired = excluded.expired, used = excluded.used, reported = excluded.reported`,
        [next.window_start, next.failures, next.wrong, next.expired, next.used, reported],
      );
      if (report) entries.push(refusalSummary(next, false));
      if (next.failures % PAIRING_GUESS_CAP === 0) {
        const voided = await tx.exec('UPDATE pairing_codes SET voided_at = ? WHERE used_at IS NULL AND voided_at IS NULL AND expires_at > ?', [
          at.toISOString(),
          at.toISOString(),
        ]);
        entries.push({ action: 'device.pairing_codes_voided', actor: 'system', details: { voided, failures: next.failures, since: next.window_start } });
      }
      return entries;
    });
  }

  async function refuse(reason: Refusal): Promise<null> {
    for (const entry of await countRefusal(reason)) await audit.append(entry);
    return null;
  }

  function checkRequest(device: PairingRequest): { name: string } {
    const name = device.name.trim();
    if (name.length === 0 || name.length > DEVICE_NAME_MAX) throw new CoreError('invalid_request', `Give the device a name (at most ${DEVICE_NAME_MAX} characters).`);
    if (device.kind === 'kiosk') {
      if (!device.publicKeyPem) throw new CoreError('invalid_request', 'A kiosk pairs with the public key of its signing key.');
      const problem = options.checkKioskPublicKey?.(device.publicKeyPem) ?? null;
      if (problem) throw new CoreError('invalid_request', problem);
      if (!options.issueKioskCertificate) throw new CoreError('unavailable', 'This server cannot issue kiosk certificates.');
    }
    return { name };
  }

  return {
    async createPairingCode(by, kind) {
      const at = now();
      const code = newPairingCode();
      const expiresAt = new Date(at.getTime() + PAIRING_CODE_TTL_MS).toISOString();
      await store.transaction(async (tx) => {
        // Codes a day past their expiry say nothing any more: keep the table small.
        await tx.exec('DELETE FROM pairing_codes WHERE expires_at < ?', [new Date(at.getTime() - 86_400_000).toISOString()]);
        await tx.exec('INSERT INTO pairing_codes (code_mac, kind, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)', [
          keyedHash(codeKey, normalisePairingCode(code) ?? code),
          kind,
          by.staffId,
          at.toISOString(),
          expiresAt,
        ]);
      });
      await audit.append({ action: 'device.pairing_code_created', actor: by.staffId, details: { kind, expiresAt } });
      return { code, expiresAt };
    },

    async redeem(typed, device) {
      const { name } = checkRequest(device);
      const code = normalisePairingCode(typed);
      if (code === null) return refuse('wrong');
      const codeMac = keyedHash(codeKey, code);
      const row = await store.one<CodeRow>('SELECT kind, created_by, expires_at, used_at, voided_at FROM pairing_codes WHERE code_mac = ?', [codeMac]);
      if (!row) return refuse('wrong');
      if (row.used_at !== null || row.voided_at !== null) return refuse('used');
      if (Date.parse(row.expires_at) <= now().getTime()) return refuse('expired');
      if (row.kind !== device.kind) {
        throw new CoreError('invalid_request', row.kind === 'kiosk' ? 'This pairing code is for a kiosk.' : 'This pairing code is for a browser.');
      }
      // The certificate is issued before the code is used up (the transaction stays short); a
      // device that then loses the race gets null and its certificate is never handed out.
      const issued = device.kind === 'kiosk' && options.issueKioskCertificate ? await options.issueKioskCertificate(device.publicKeyPem ?? '', name) : null;
      const deviceId = randomUUID();
      const credential = newCredential(deviceId);
      const at = now().toISOString();
      const won = await store.transaction(async (tx) => {
        const changes = await tx.exec(
          'UPDATE pairing_codes SET used_at = ?, device_id = ? WHERE code_mac = ? AND used_at IS NULL AND voided_at IS NULL AND expires_at > ?',
          [at, deviceId, codeMac, at],
        );
        if (changes !== 1) return false;
        await tx.exec('INSERT INTO devices (id, name, kind, credential_mac, paired_at, paired_by) VALUES (?, ?, ?, ?, ?, ?)', [
          deviceId,
          name,
          device.kind,
          keyedHash(credentialKey, credential),
          at,
          row.created_by,
        ]);
        return true;
      });
      if (!won) return refuse('used');
      await audit.append({ action: 'device.paired', actor: row.created_by, subjectId: deviceId, details: { kind: device.kind, name } });
      const paired: Device = { id: deviceId, name, kind: device.kind, pairedAt: at, lastSeenAt: null, revokedAt: null };
      const result: Pairing = issued ? { device: paired, credential, ...issued } : { device: paired, credential };
      return result;
    },

    async authenticate(credential) {
      const parsed = typeof credential === 'string' ? parseCredential(credential) : null;
      if (!parsed) return null;
      const row = await store.one<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = ?`, [parsed.deviceId]);
      if (!row || !sameMac(row.credential_mac, keyedHash(credentialKey, credential)) || row.revoked_at !== null) return null;
      const at = now();
      const staleBefore = new Date(at.getTime() - LAST_SEEN_RESOLUTION_MS).toISOString();
      if (row.last_seen_at === null || row.last_seen_at <= staleBefore) {
        const changes = await store.exec('UPDATE devices SET last_seen_at = ? WHERE id = ? AND revoked_at IS NULL AND (last_seen_at IS NULL OR last_seen_at <= ?)', [
          at.toISOString(),
          row.id,
          staleBefore,
        ]);
        if (changes === 1) return toDevice({ ...row, last_seen_at: at.toISOString() });
      }
      return toDevice(row);
    },

    async list() {
      const rows = await store.all<DeviceRow>(
        `SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END, paired_at DESC, id`,
      );
      return rows.map(toDevice);
    },

    async revoke(deviceId, by) {
      const at = now().toISOString();
      const row = await store.one<{ kind: DeviceKind }>('SELECT kind FROM devices WHERE id = ?', [deviceId]);
      if (!row) return false;
      const changes = await store.exec('UPDATE devices SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL', [at, by.staffId, deviceId]);
      if (changes !== 1) return false;
      // A session signed in on the device ends with it: the next request is refused either way.
      options.endSessionsOf(deviceCallerId(deviceId));
      await audit.append({ action: 'device.revoked', actor: by.staffId, subjectId: deviceId, details: { kind: row.kind } });
      return true;
    },

    async flush() {
      const at = now();
      const entries = await store.transaction(async (tx) => {
        const g = await tx.one<GuardRow>('SELECT window_start, failures, wrong, expired, used, reported FROM pairing_guard WHERE singleton = 1');
        if (!g || g.failures <= g.reported || at.getTime() - Date.parse(g.window_start) < PAIRING_GUARD_WINDOW_MS) return [];
        await tx.exec('UPDATE pairing_guard SET reported = failures WHERE singleton = 1');
        return [refusalSummary(g, true)];
      });
      for (const entry of entries) await audit.append(entry);
    },
  };
}
