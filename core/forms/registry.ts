/**
 * The forms the kiosk can serve and the exact versions stored submissions were
 * answered with. Every published version is kept in the database forever (a stored
 * submission's detail and PDF render from the version it was answered with); the
 * live version is what a new client gets. Published definitions are immutable, so
 * each one is parsed once and cached.
 */
import type { DatabaseSync } from 'node:sqlite';
import { parseFormDefinition, type FormDefinition, type FormDefinitionError } from '../../forms/engine/index.ts';
import { parseDefinitionToPublish } from '../../forms/engine/publish.ts';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { transaction, type Migration } from '../db/database.ts';
import type { Clock } from '../ports.ts';

/** What intake and the therapist screens need: the live form and any published version. */
export interface FormRegistry {
  active(): FormDefinition;
  get(formId: string, version: number): FormDefinition | null;
}

/** One published version, as the admin's versions list shows it. */
export interface FormVersionInfo {
  readonly formId: string;
  readonly version: number;
  readonly publishedAt: string;
  /** Staff id of the admin who published it, or 'system' for the built-in form. */
  readonly publishedBy: string;
  readonly isLive: boolean;
  readonly steps: number;
  readonly questions: number;
  readonly rules: number;
}

export type PublishResult =
  | { readonly ok: true; readonly form: FormDefinition; readonly previous: FormDefinition }
  | { readonly ok: false; readonly errors: readonly FormDefinitionError[] };

/** The registry admins publish to. */
export interface VersionedFormRegistry extends FormRegistry {
  /** Every published version, newest first. */
  versions(): readonly FormVersionInfo[];
  /**
   * Validates `definition` as a whole (parseFormDefinition), gives it the next version
   * number of its form id (whatever version it carries) and makes it live. Nothing is
   * stored when it is invalid.
   */
  publish(definition: unknown, actor: string): PublishResult;
}

export const formRegistryMigrations: readonly Migration[] = [
  {
    id: 'forms-001',
    // No UPDATE or DELETE of a published version: submissions depend on it forever.
    sql: `CREATE TABLE form_versions (
      form_id TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      definition TEXT NOT NULL,
      published_at TEXT NOT NULL,
      published_by TEXT NOT NULL,
      PRIMARY KEY (form_id, version)
    ) STRICT;
    CREATE TRIGGER form_versions_no_update BEFORE UPDATE ON form_versions BEGIN SELECT RAISE(ABORT, 'published form versions are immutable'); END;
    CREATE TRIGGER form_versions_no_delete BEFORE DELETE ON form_versions BEGIN SELECT RAISE(ABORT, 'published form versions are kept forever'); END;
    CREATE TABLE form_live (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      form_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      FOREIGN KEY (form_id, version) REFERENCES form_versions (form_id, version)
    ) STRICT;`,
  },
];

interface VersionRow {
  readonly form_id: string;
  readonly version: number;
  readonly definition: string;
  readonly published_at: string;
  readonly published_by: string;
}

const key = (formId: string, version: number) => `${formId}@${version}`;

/**
 * Opens the registry on `db` (its tables come from `formRegistryMigrations`, applied
 * with every other domain's by createCore) and seeds `seed` (the built-in form) as the
 * first live version of an empty database.
 */
export function createFormRegistry(db: DatabaseSync, clock: Clock, seed: FormDefinition = DEFAULT_INTAKE_FORM): VersionedFormRegistry {
  const insert = db.prepare('INSERT INTO form_versions (form_id, version, definition, published_at, published_by) VALUES (?, ?, ?, ?, ?)');
  const setLive = db.prepare(
    'INSERT INTO form_live (singleton, form_id, version) VALUES (1, ?, ?) ON CONFLICT(singleton) DO UPDATE SET form_id = excluded.form_id, version = excluded.version',
  );
  const selectLive = db.prepare('SELECT form_id, version FROM form_live WHERE singleton = 1');
  const selectOne = db.prepare('SELECT * FROM form_versions WHERE form_id = ? AND version = ?');
  const selectMax = db.prepare('SELECT MAX(version) AS v FROM form_versions WHERE form_id = ?');
  const cache = new Map<string, FormDefinition>();

  transaction(db, () => {
    if (selectLive.get()) return;
    const existing = selectOne.get(seed.id, seed.version) as VersionRow | undefined;
    if (!existing) insert.run(seed.id, seed.version, JSON.stringify(seed), clock.now().toISOString(), 'system');
    setLive.run(seed.id, seed.version);
  });

  function get(formId: string, version: number): FormDefinition | null {
    const hit = cache.get(key(formId, version));
    if (hit) return hit;
    const row = selectOne.get(formId, version) as VersionRow | undefined;
    if (!row) return null;
    // Stored definitions were valid when published; re-parsing gives the engine its defaults and trust.
    const parsed = parseFormDefinition(JSON.parse(row.definition));
    if (!parsed.ok) return null;
    cache.set(key(formId, version), parsed.form);
    return parsed.form;
  }

  function active(): FormDefinition {
    const live = selectLive.get() as { form_id: string; version: number } | undefined;
    // A live version that no longer parses (an engine change) must not take the kiosk down.
    return (live && get(live.form_id, live.version)) ?? seed;
  }

  return {
    active,
    get,

    versions() {
      const live = selectLive.get() as { form_id: string; version: number } | undefined;
      const rows = db.prepare('SELECT * FROM form_versions ORDER BY published_at DESC, version DESC').all() as unknown as VersionRow[];
      return rows.map((r) => {
        const form = get(r.form_id, r.version);
        return {
          formId: r.form_id,
          version: r.version,
          publishedAt: r.published_at,
          publishedBy: r.published_by,
          isLive: live?.form_id === r.form_id && live.version === r.version,
          steps: form?.steps.length ?? 0,
          questions: form?.steps.reduce((n, s) => n + s.questions.length, 0) ?? 0,
          rules: form?.rules.length ?? 0,
        };
      });
    },

    publish(definition, actor) {
      const checked = parseDefinitionToPublish(definition);
      if (!checked.ok) return checked;
      const previous = active();
      const form = transaction(db, () => {
        const max = (selectMax.get(checked.form.id) as { v: number | null }).v ?? 0;
        const next = parseFormDefinition({ ...checked.form, version: max + 1 });
        if (!next.ok) throw new Error('A valid form became invalid by renumbering.');
        insert.run(next.form.id, next.form.version, JSON.stringify(next.form), clock.now().toISOString(), actor);
        setLive.run(next.form.id, next.form.version);
        return next.form;
      });
      cache.set(key(form.id, form.version), form);
      return { ok: true, form, previous };
    },
  };
}
