/**
 * admin:rotateDataKey through the real core: after an admin rotates the data key, every
 * sealed value (answers, names, PDFs, the signing identity's secrets) still opens, also
 * after a restart; nothing anywhere is left sealed under the old key; the rotation is audited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import type { Channel, Request, Responses } from '../../api/contract.ts';
import { createCore, type Core } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { sealedKeyId } from '../crypto/vault.ts';
import { ManualClock, tempDir } from '../tests/helpers.ts';
import { TEST_CTX, TEST_ORIGIN } from '../tests/test-core.ts';

const ADMIN = { name: 'Olivia Owner', pin: '135792' };
const clock = new ManualClock('2025-06-15T10:30:00.000Z');

let dir = '';
let cleanup = () => {};
let core: Core | null = null;

const open = async () =>
  (core = await createCore({ dataDir: dir, keyProvider: createKeyFileProvider(join(dir, 'key.bin')), clock, allowedOrigins: [TEST_ORIGIN] }));

async function value<C extends Channel>(channel: C, payload: Request<C>): Promise<Responses[C]> {
  const result = await core!.handlers[channel](payload, TEST_CTX);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function submitIntake(): Promise<string> {
  const submissionId = randomUUID();
  const payload = { submissionId, formId: DEFAULT_INTAKE_FORM.id, formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers: HEALTHY_CLIENT_ANSWERS, startedAt: clock.now().toISOString() };
  const result = await core!.handlers['intake:submit'](payload, TEST_CTX);
  expect(result.ok).toBe(true);
  return submissionId;
}

/** Every BLOB in the database that names a data key, by that key id (the vault's format: version byte, key id). */
/**
 * Blob columns that hold keyed digests, not sealed values: random bytes, so one in 256 starts with
 * the sealed format's version byte and would read as a "key id".
 */
const DIGEST_COLUMNS = new Set(['request_digest', 'token', 'identity_token']);

async function sealedBlobKeyIds(c: Core): Promise<Set<string>> {
  const ids = new Set<string>();
  const db = c.deps.store;
  const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'vault_keys'");
  for (const { name } of tables) {
    const columns = await db.all<{ name: string }>(`PRAGMA table_info("${name}")`);
    for (const column of columns) {
      if (DIGEST_COLUMNS.has(column.name)) continue;
      const rows = await db.all<{ v: Uint8Array }>(`SELECT "${column.name}" AS v FROM "${name}" WHERE typeof("${column.name}") = 'blob'`);
      for (const { v } of rows) {
        const id = sealedKeyId(v);
        if (id !== null) ids.add(id);
      }
    }
  }
  return ids;
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('kiosk-rotate-channel-'));
  await open();
});

afterEach(async () => {
  await core?.close();
  core = null;
  cleanup();
});

describe('admin:rotateDataKey', () => {
  it('re-seals everything under a new key; every record still opens, also after a restart, and the rotation is audited', async () => {
    await value('staff:setup', ADMIN);
    const first = await submitIntake();
    const second = await submitIntake();
    const before = await value('submission:get', { submissionId: first });
    const oldKeyId = core!.deps.vault.keyId;
    expect(await sealedBlobKeyIds(core!)).toEqual(new Set([oldKeyId]));

    const rotated = await value('admin:rotateDataKey', {});
    expect(rotated.previousKeyId).toBe(oldKeyId);
    expect(rotated.keyId).not.toBe(oldKeyId);
    expect(rotated.resealed).toBeGreaterThan(0);
    expect(await sealedBlobKeyIds(core!)).toEqual(new Set([rotated.keyId]));
    const [entry] = await core!.deps.audit.list({ limit: 1 });
    expect(entry).toMatchObject({ action: 'keys.rotated', details: { key: 'data', before_key_id: oldKeyId, after_key_id: rotated.keyId, resealed: rotated.resealed } });

    // Without a restart: the detail (answers, name, PDF signature) and a new signed intake.
    expect(await value('submission:get', { submissionId: first })).toEqual(before);
    const third = await submitIntake();

    await core!.close();
    core = null;
    await open();
    await value('staff:login', { staffId: (await core!.deps.staff.roster())[0]!.staffId, pin: ADMIN.pin });
    for (const submissionId of [first, second, third]) {
      const detail = await value('submission:get', { submissionId });
      expect(detail.clientName).toBe('Ana García');
      expect(detail.signature.valid).toBe(true);
      expect((await value('submission:pdf', { submissionId })).pdfBase64.length).toBeGreaterThan(0);
    }
    expect((await value('queue:list', { search: 'garcía' })).items).toHaveLength(3);
    // The signing identity's sealed secrets opened too: the next PDF is signed with the same certificate.
    expect((await value('admin:getCertificate', {})).fingerprintSha256).toBe((await core!.deps.signingIdentity()).fingerprintSha256);
    await submitIntake();
    expect((await core!.deps.audit.verify()).ok).toBe(true);
  });
});
