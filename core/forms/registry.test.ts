import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../db/sqlite-store.ts';
import { join } from 'node:path';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { inEveryLanguage } from '../../forms/definitions/test-texts.ts';

/** The version the built-in form ships as: an empty database's first live version. */
const SHIPPED = DEFAULT_INTAKE_FORM.version;
import type { FormDefinition } from '../../forms/engine/index.ts';
import { ManualClock, tempDir, openMigratedStore } from '../tests/helpers.ts';
import { ENGINES } from '../db/testing/engines.ts';
import { CORE_MIGRATIONS } from '../migrations.ts';
import { createFormRegistry } from './registry.ts';

/** The default form with one more yes/no question on its first step, in every language of the form. */
function withExtraQuestion(form: FormDefinition, id: string): unknown {
  const copy = structuredClone(form) as unknown as { steps: { questions: unknown[] }[] };
  copy.steps[0]?.questions.push({ id, type: 'yes_no', label: inEveryLanguage(form.languages, { en: 'Extra?', es: '¿Extra?' }) });
  return copy;
}

describe('versioned form registry', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: SqliteStore;
  const clock = new ManualClock();
  const dbFile = () => join(dir.dir, 'kiosk.db');

  beforeEach(async () => {
    dir = tempDir('kiosk-registry-');
    db = await openMigratedStore(dbFile());
  });
  afterEach(async () => {
    await db.close();
    dir.cleanup();
  });

  it('an empty database serves the built-in form as its live version', async () => {
    const registry = await createFormRegistry(db, clock);
    expect(await registry.active()).toMatchObject({ id: 'massage-intake', version: SHIPPED });
    expect(await registry.versions()).toEqual([expect.objectContaining({ formId: 'massage-intake', version: SHIPPED, isLive: true, publishedBy: 'system' })]);
  });

  it('publishing bumps the version, makes it live, and keeps the old one answerable', async () => {
    const registry = await createFormRegistry(db, clock);
    const result = await registry.publish(withExtraQuestion(DEFAULT_INTAKE_FORM, 'extra_one'), 'admin-1');
    expect(result.ok).toBe(true);
    expect((await registry.active()).version).toBe(SHIPPED + 1);
    expect((await registry.active()).steps[0]?.questions.some((q) => q.id === 'extra_one')).toBe(true);
    const old = await registry.get('massage-intake', SHIPPED);
    expect(old?.steps[0]?.questions.some((q) => q.id === 'extra_one')).toBe(false);
    expect((await registry.versions()).map((v) => [v.version, v.isLive])).toEqual([
      [SHIPPED + 1, true],
      [SHIPPED, false],
    ]);
  });

  it('the version a definition carries is ignored: the next number is always max + 1', async () => {
    const registry = await createFormRegistry(db, clock);
    const claimingV1 = { ...(withExtraQuestion(DEFAULT_INTAKE_FORM, 'a_question') as object), version: 1 };
    const claimingV99 = { ...(withExtraQuestion(DEFAULT_INTAKE_FORM, 'b_question') as object), version: 99 };
    const first = await registry.publish(claimingV1, 'admin-1');
    const second = await registry.publish(claimingV99, 'admin-1');
    expect(first.ok && first.form.version).toBe(SHIPPED + 1);
    expect(second.ok && second.form.version).toBe(SHIPPED + 2);
  });

  it('an invalid definition is refused with its errors and changes nothing', async () => {
    const registry = await createFormRegistry(db, clock);
    const broken = withExtraQuestion(DEFAULT_INTAKE_FORM, 'Bad Id');
    const result = await registry.publish(broken, 'admin-1');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.path).toMatch(/^steps\[0\]\.questions\[\d+\]\.id$/);
    expect((await registry.active()).version).toBe(SHIPPED);
    expect(await registry.versions()).toHaveLength(1);
  });

  it('versions survive a restart, and the live one stays live', async () => {
    await (await createFormRegistry(db, clock)).publish(withExtraQuestion(DEFAULT_INTAKE_FORM, 'extra_one'), 'admin-1');
    await db.close();
    db = await openMigratedStore(dbFile());
    const reopened = await createFormRegistry(db, clock);
    expect((await reopened.active()).version).toBe(SHIPPED + 1);
    expect(await reopened.get('massage-intake', SHIPPED)).not.toBeNull();
  });

  it.each([
    ['update', "UPDATE form_versions SET definition = '{}'"],
    ['delete', 'DELETE FROM form_versions'],
  ])('a published version cannot be changed by SQL (%s)', async (_label, sql) => {
    await createFormRegistry(db, clock);
    await expect(db.exec(sql)).rejects.toThrow(/immutable|forever/);
  });

  it('unknown ids and versions are null', async () => {
    const registry = await createFormRegistry(db, clock);
    expect(await registry.get('massage-intake', 7)).toBeNull();
    expect(await registry.get('other-form', 1)).toBeNull();
  });
});

describe.each(ENGINES)('published versions are immutable on $dialect', (engine) => {
  it.skipIf(!engine.isAvailable).each([
    ['update', "UPDATE form_versions SET definition = '{}'"],
    ['delete', 'DELETE FROM form_versions'],
  ])('the database refuses to %s a published version', async (_label, sql) => {
    const opened = await engine.open();
    try {
      await opened.store.migrate(CORE_MIGRATIONS);
      await createFormRegistry(opened.store, new ManualClock());
      await expect(opened.store.exec(sql)).rejects.toThrow(/immutable|forever|append-only/);
      expect(await opened.store.one('SELECT COUNT(*) AS n FROM form_versions')).toEqual({ n: 1 });
    } finally {
      await opened.cleanup();
    }
  });
});
