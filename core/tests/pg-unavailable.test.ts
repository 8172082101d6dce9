/**
 * PostgreSQL goes away mid-run: the staff screens get a typed `unavailable` answer with "The
 * clinic database cannot be reached" (never `internal`, never a stack or a password), and a
 * client's intake submitted meanwhile is refused the same way (the port's transaction rolled back).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { createCore } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { findPostgresBin, startCluster, stopCluster } from '../db/testing/pg-cluster.ts';
import { hasTestPostgres } from '../db/testing/postgres.ts';
import { tempDir } from './helpers.ts';
import { callContext, TEST_ORIGIN } from './test-core.ts';

const intake = () => ({
  submissionId: randomUUID(),
  formId: DEFAULT_INTAKE_FORM.id,
  formVersion: DEFAULT_INTAKE_FORM.version,
  language: 'en',
  answers: HEALTHY_CLIENT_ANSWERS,
  startedAt: new Date().toISOString(),
});

describe.skipIf(!hasTestPostgres())('the clinic database goes away mid-run', () => {
  it('staff get "The clinic database cannot be reached"; an intake meanwhile is refused the same way', { timeout: 180_000 }, async () => {
    const bin = findPostgresBin()!;
    const cluster = await startCluster(bin);
    const tmp = tempDir('kiosk-pg-gone-');
    let isStopped = false;
    const core = await createCore({
      dataDir: tmp.dir,
      database: { engine: 'postgres', url: cluster.url },
      storeOptions: { postgres: { connectTimeoutMs: 2_000, maxAttempts: 2 } },
      keyProvider: createKeyFileProvider(join(tmp.dir, 'key.bin')),
      allowedOrigins: [TEST_ORIGIN],
    });
    try {
      const ctx = callContext('front-desk');
      expect(await core.handlers['staff:setup']({ name: 'Olivia Owner', pin: '135792' }, ctx)).toMatchObject({ ok: true });
      expect(await core.handlers['intake:submit'](intake(), callContext('kiosk'))).toMatchObject({ ok: true });
      expect(await core.handlers['queue:list']({}, ctx)).toMatchObject({ ok: true, value: { items: [expect.anything()] } });

      stopCluster(bin, cluster.dir);
      isStopped = true;
      for (const answer of [await core.handlers['queue:list']({}, ctx), await core.handlers['audit:list']({ limit: 10 }, ctx), await core.handlers['intake:submit'](intake(), callContext('kiosk'))]) {
        expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^The clinic database cannot be reached/) } });
        expect(JSON.stringify(answer)).not.toContain(new URL(cluster.url).password);
      }
    } finally {
      await core.close().catch(() => undefined);
      if (!isStopped) stopCluster(bin, cluster.dir);
      tmp.cleanup();
    }
  });
});
