/**
 * Data-key rotation while the kiosk keeps working, on both engines: a rotation that fails part
 * way (at the first re-seal, half way, in its audit step) leaves every record readable under the
 * old key; intakes, a secret and an acknowledgement note written while a rotation is under way
 * are all readable after it, whether it failed or committed, and again after the core restarts.
 * No stored value is ever sealed under a key the database does not hold.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import type { Channel, Request, Responses } from '../../api/contract.ts';
import { createCore, type Core } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { rotateDataKey } from '../crypto/rotation.ts';
import { allSealedColumns } from '../crypto/sealed-columns.ts';
import { sealedKeyId } from '../crypto/vault.ts';
import type { Queryable } from '../db/port.ts';
import { outsideTransactions } from '../db/tx-context.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing/postgres.ts';
import { ManualClock, tempDir } from './helpers.ts';
import { CORE_ENGINES, TEST_CTX, TEST_ORIGIN } from './test-core.ts';

const ADMIN = { name: 'Olivia Owner', pin: '135792' };
const NOTE = 'Sent home with an ice pack';
const PROBE = new TextEncoder().encode('probe secret');

/**
 * `store`, with `onStatement` awaited before every statement of its transactions: the test's way
 * into the middle of a rotation (to wait there while other work queues, or to fail it).
 */
function interrupting(store: Queryable, onStatement: (sql: string) => Promise<void>): Queryable {
  const wrap = (tx: Queryable): Queryable => ({
    dialect: tx.dialect,
    query: async (sql, params) => (await onStatement(sql), tx.query(sql, params)),
    all: async (sql, params) => (await onStatement(sql), tx.all(sql, params)),
    one: async (sql, params) => (await onStatement(sql), tx.one(sql, params)),
    exec: async (sql, params) => (await onStatement(sql), tx.exec(sql, params)),
    transaction: (fn, options) => tx.transaction((inner) => fn(wrap(inner)), options),
  });
  return { ...wrap(store), transaction: (fn, options) => store.transaction((tx) => fn(wrap(tx)), options) };
}

/** The `n`th re-sealing UPDATE of a rotation (1-based) runs `at` first. */
function atReseal(n: number, at: () => Promise<void>): (sql: string) => Promise<void> {
  let seen = 0;
  return async (sql) => {
    if (sql.startsWith('UPDATE ') && ++seen === n) await at();
  };
}

describe.each(CORE_ENGINES)('data-key rotation under load on $engine', ({ engine, isAvailable }) => {
  describe.skipIf(!isAvailable)(`the ${engine} store`, () => {
    const clock = new ManualClock('2025-06-15T10:30:00.000Z');
    let dir = '';
    let cleanupDir = () => {};
    let database: TestDatabase | null = null;
    let core: Core | null = null;

    const open = async (): Promise<Core> =>
      (core = await createCore({
        dataDir: dir,
        keyProvider: createKeyFileProvider(join(dir, 'key.bin')),
        clock,
        allowedOrigins: [TEST_ORIGIN],
        ...(database ? { database: { engine: 'postgres' as const, url: database.url } } : {}),
      }));

    const restart = async (): Promise<Core> => {
      await core!.close();
      core = null;
      const reopened = await open();
      await value('staff:login', { staffId: (await reopened.deps.staff.roster())[0]!.staffId, pin: ADMIN.pin });
      return reopened;
    };

    async function value<C extends Channel>(channel: C, payload: Request<C>): Promise<Responses[C]> {
      const result = await core!.handlers[channel](payload, TEST_CTX);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    }

    const intake = () => ({
      submissionId: randomUUID(),
      formId: DEFAULT_INTAKE_FORM.id,
      formVersion: DEFAULT_INTAKE_FORM.version,
      language: 'en',
      answers: HEALTHY_CLIENT_ANSWERS,
      startedAt: clock.now().toISOString(),
    });

    const submit = async (on: Core = core!): Promise<string> => {
      const payload = intake();
      const result = await on.handlers['intake:submit'](payload, TEST_CTX);
      if (!result.ok) throw new Error(`intake:submit failed: ${result.error.code} ${result.error.message}`);
      return payload.submissionId;
    };

    const acknowledgeWithNote = (submissionId: string) => value('submission:acknowledge', { submissionId, flagsRead: [], outcome: { code: 'other', note: NOTE } });

    /** Every record opens: detail (name, answers, signature), PDF, the secret, the note, the queue's search, the audit chain. */
    async function expectAllReadable(c: Core, ids: readonly string[], noted: readonly string[]): Promise<void> {
      for (const submissionId of ids) {
        const detail = await value('submission:get', { submissionId });
        expect(detail.clientName).toBe('Ana García');
        expect(detail.signature.valid).toBe(true);
        expect((await value('submission:pdf', { submissionId })).pdfBase64.length).toBeGreaterThan(0);
        if (noted.includes(submissionId)) expect(detail.acknowledgement.outcome).toEqual({ code: 'other', note: NOTE });
      }
      expect((await value('queue:list', { search: 'garcía' })).items).toHaveLength(ids.length);
      expect(await c.deps.secrets.get('probe')).toEqual(PROBE);
      expect((await c.deps.audit.verify()).ok).toBe(true);
    }

    /** Every sealed value names a data key the database holds (none is left under a deleted or unsaved key). */
    async function sealedKeyIds(c: Core): Promise<{ readonly stored: string[]; readonly used: Set<string | null> }> {
      const stored = (await c.deps.store.all<{ id: string }>("SELECT id FROM vault_keys WHERE purpose = 'data'")).map((r) => r.id);
      const used = new Set<string | null>();
      for (const col of allSealedColumns) {
        for (const row of await c.deps.store.all<{ v: Uint8Array }>(`SELECT ${col.column} AS v FROM ${col.table} WHERE ${col.column} IS NOT NULL`)) used.add(sealedKeyId(row.v));
      }
      return { stored, used };
    }

    beforeEach(async () => {
      ({ dir, cleanup: cleanupDir } = tempDir(`kiosk-rotate-load-${engine}-`));
      database = engine === 'postgres' ? await createTestDatabase() : null;
      await open();
      await value('staff:setup', ADMIN);
      await core!.deps.secrets.put('probe', PROBE);
    });

    afterEach(async () => {
      await core?.close();
      core = null;
      await database?.drop();
      database = null;
      cleanupDir();
    });

    const failure = new Error('disk full (injected)');
    it.each([
      { label: 'at the first re-seal', reseal: 1 },
      { label: 'half way through the re-sealing', reseal: 6 },
      { label: 'in its audit step, after every value was re-sealed', reseal: null },
    ])('a rotation that fails $label leaves every record readable under the old key, also after a restart', async ({ reseal }) => {
      const ids = [await submit(), await submit()];
      await acknowledgeWithNote(ids[0]!);
      const oldKey = core!.deps.vault.keyId;
      const store = interrupting(
        core!.deps.store,
        reseal === null
          ? async () => {}
          : atReseal(reseal, async () => {
              throw failure;
            }),
      );
      const rotation = rotateDataKey(store, core!.deps.vault, core!.deps.keyProvider, allSealedColumns, async () => {
        if (reseal === null) throw failure;
      });
      await expect(rotation).rejects.toThrow(failure.message);

      expect(core!.deps.vault.keyId).toBe(oldKey);
      expect(await sealedKeyIds(core!)).toEqual({ stored: [oldKey], used: new Set([oldKey]) });
      await expectAllReadable(core!, ids, [ids[0]!]);
      // New work after the failure is sealed under the old key too.
      ids.push(await submit());
      expect(await sealedKeyIds(core!)).toEqual({ stored: [oldKey], used: new Set([oldKey]) });
      await expectAllReadable(await restart(), ids, [ids[0]!]);
    });

    it.each([
      { label: 'fails', fails: true },
      { label: 'commits', fails: false },
    ])('intakes, a secret and a note written while a rotation runs are all readable after it $label, and after a restart', async ({ fails }) => {
      const before = [await submit(), await submit()];
      const oldKey = core!.deps.vault.keyId;
      // Started before the rotation and still signing its PDF when the rotation begins.
      const early = submit();
      let during: Promise<string[]> | undefined;
      let noted: Promise<unknown> | undefined;
      let secret: Promise<void> | undefined;
      const store = interrupting(
        core!.deps.store,
        atReseal(3, async () => {
          // While the rotation's transaction is open: these queue behind it (SQLite's one writer,
          // the audit chain's lock) or conflict with it (PostgreSQL's SERIALIZABLE); none may be
          // lost. Started outside its async context, as a caller's own request would be (inside
          // it their statements would join the rotation's transaction).
          outsideTransactions(() => {
            during = Promise.all([submit(), submit(), submit()]);
            noted = acknowledgeWithNote(before[0]!);
            secret = core!.deps.secrets.put('probe', PROBE);
          });
          await sleep(300); // lets them reach their transactions (coverage only; nothing asserts on time)
          if (fails) throw failure;
        }),
      );
      const rotation = rotateDataKey(store, core!.deps.vault, core!.deps.keyProvider, allSealedColumns);
      if (fails) await expect(rotation).rejects.toThrow(failure.message);
      else await rotation;
      const ids = [...before, await early, ...(await during!)];
      await noted;
      await secret;
      const after = [await submit()];

      const keys = await sealedKeyIds(core!);
      expect(keys.stored).toHaveLength(1);
      expect(keys.used).toEqual(new Set(keys.stored));
      expect(keys.stored[0] === oldKey).toBe(fails);
      expect(core!.deps.vault.keyId).toBe(keys.stored[0]);
      await expectAllReadable(core!, [...ids, ...after], [before[0]!]);
      await expectAllReadable(await restart(), [...ids, ...after], [before[0]!]);
    });

    it('a rotation the port reruns after a conflict half way commits once, and memory changes only after the commit', async () => {
      const ids = [await submit(), await submit()];
      const oldKey = core!.deps.vault.keyId;
      let sealedValues = 0;
      for (const col of allSealedColumns) sealedValues += (await core!.deps.store.one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${col.table} WHERE ${col.column} IS NOT NULL`))?.n ?? 0;
      // What each engine's port reruns a transaction for: SQLITE_BUSY, a serialization failure (40001).
      const conflict = engine === 'sqlite' ? Object.assign(new Error('database is locked'), { errcode: 5 }) : Object.assign(new Error('could not serialize access'), { code: '40001' });
      const keyIdMidway: string[] = [];
      let reseals = 0;
      const store = interrupting(core!.deps.store, async (sql) => {
        if (sql.startsWith('INSERT INTO vault_keys')) reseals = 0; // each attempt starts here
        if (!sql.startsWith('UPDATE ') || ++reseals !== 4) return;
        keyIdMidway.push(core!.deps.vault.keyId);
        if (keyIdMidway.length === 1) throw conflict;
      });
      const rotated = await rotateDataKey(store, core!.deps.vault, core!.deps.keyProvider, allSealedColumns);
      expect(keyIdMidway).toEqual([oldKey, oldKey]);
      expect(rotated.resealed).toBe(sealedValues);
      expect(core!.deps.vault.keyId).toBe(rotated.keyId);
      expect(await sealedKeyIds(core!)).toEqual({ stored: [rotated.keyId], used: new Set([rotated.keyId]) });
      await expectAllReadable(await restart(), ids, []);
    });

    it('a rotation through the admin channel while intakes arrive: all of them open after it and after a restart', async () => {
      const ids = await Promise.all([submit(), submit()]);
      const [rotated, ...more] = await Promise.all([value('admin:rotateDataKey', {}), submit(), submit(), submit()]);
      const keys = await sealedKeyIds(core!);
      expect(keys).toEqual({ stored: [rotated.keyId], used: new Set([rotated.keyId]) });
      await expectAllReadable(await restart(), [...ids, ...more], []);
    });

    it.skipIf(engine !== 'postgres')('a second core on the same database reads what the rotation re-sealed and seals its next intake under the new key', async () => {
      const other = tempDir('kiosk-rotate-other-');
      const second = await createCore({
        dataDir: other.dir,
        keyProvider: createKeyFileProvider(join(dir, 'key.bin')),
        clock,
        allowedOrigins: [TEST_ORIGIN],
        database: { engine: 'postgres', url: database!.url },
      });
      try {
        const ids = [await submit()];
        const rotated = await value('admin:rotateDataKey', {});
        expect(second.deps.vault.keyId).toBe(rotated.previousKeyId); // it has not heard of the rotation
        expect((await second.deps.submissions.get(ids[0]!))?.clientName).toBe('Ana García');
        const id = await submit(second);
        ids.push(id);
        expect((await second.deps.submissions.get(id))?.clientName).toBe('Ana García');
        expect(await sealedKeyIds(core!)).toEqual({ stored: [rotated.keyId], used: new Set([rotated.keyId]) });
        await expectAllReadable(await restart(), ids, []);
      } finally {
        await second.close();
        other.cleanup();
      }
    });
  });
});
