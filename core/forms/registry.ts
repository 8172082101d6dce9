/**
 * The forms the kiosk can serve and the exact versions stored submissions were
 * answered with. Every published version is kept in the database forever (a stored
 * submission's detail and PDF render from the version it was answered with); the
 * live version is what a new client gets. Published definitions are immutable, so
 * each one is parsed once and cached.
 */
import { parseFormDefinition, type FormDefinition, type FormDefinitionError } from '../../forms/engine/index.ts';
import { parseDefinitionToPublish } from '../../forms/engine/publish.ts';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import type { Queryable } from '../db/port.ts';
import type { DialectMigration } from '../db/migrate.ts';
import { appendOnlyTableSql } from '../db/postgres/append-only.ts';
import type { Clock } from '../ports.ts';

/** What intake and the therapist screens need: the live form and any published version. */
export interface FormRegistry {
  active(): Promise<FormDefinition>;
  get(formId: string, version: number): Promise<FormDefinition | null>;
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
  versions(): Promise<readonly FormVersionInfo[]>;
  /**
   * Validates `definition` as a whole (parseFormDefinition), gives it the next version
   * number of its form id (whatever version it carries) and makes it live. Nothing is
   * stored when it is invalid.
   */
  publish(definition: unknown, actor: string): Promise<PublishResult>;
}

export const formRegistryMigrations: readonly DialectMigration[] = [
  {
    id: 'forms-001',
    // No UPDATE or DELETE of a published version: submissions depend on it forever
    // (PostgreSQL: triggers for everyone and no UPDATE/DELETE/TRUNCATE privilege for the app role).
    postgres: `CREATE TABLE form_versions (
      form_id TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      definition TEXT NOT NULL,
      published_at TEXT NOT NULL,
      published_by TEXT NOT NULL,
      PRIMARY KEY (form_id, version)
    );
    ${appendOnlyTableSql('form_versions')}
    CREATE TABLE form_live (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      form_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      FOREIGN KEY (form_id, version) REFERENCES form_versions (form_id, version)
    );`,
    sqlite: `CREATE TABLE form_versions (
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

type VersionRow = {
  readonly form_id: string;
  readonly version: number;
  readonly definition: string;
  readonly published_at: string;
  readonly published_by: string;
}

const key = (formId: string, version: number) => `${formId}@${version}`;

const INSERT = 'INSERT INTO form_versions (form_id, version, definition, published_at, published_by) VALUES (?, ?, ?, ?, ?)';
const SET_LIVE =
  'INSERT INTO form_live (singleton, form_id, version) VALUES (1, ?, ?) ON CONFLICT(singleton) DO UPDATE SET form_id = excluded.form_id, version = excluded.version';
const SELECT_LIVE = 'SELECT form_id, version FROM form_live WHERE singleton = 1';
const SELECT_ONE = 'SELECT * FROM form_versions WHERE form_id = ? AND version = ?';

/**
 * Opens the registry on `db` (its tables come from `formRegistryMigrations`, applied
 * with every other domain's by createCore) and seeds `seed` (the built-in form) as the
 * first live version of an empty database. The live version is read from the store on each
 * call (another process on a shared database may publish); published versions are cached.
 */
export async function createFormRegistry(db: Queryable, clock: Clock, seed: FormDefinition = DEFAULT_INTAKE_FORM): Promise<VersionedFormRegistry> {
  const cache = new Map<string, FormDefinition>();

  await db.transaction(async (tx) => {
    if (await tx.one(SELECT_LIVE)) return;
    // ON CONFLICT: two processes seeding an empty shared database at once.
    await tx.exec(`${INSERT} ON CONFLICT DO NOTHING`, [seed.id, seed.version, JSON.stringify(seed), clock.now().toISOString(), 'system']);
    await tx.exec(SET_LIVE, [seed.id, seed.version]);
  });

  async function get(formId: string, version: number): Promise<FormDefinition | null> {
    const hit = cache.get(key(formId, version));
    if (hit) return hit;
    const row = await db.one<VersionRow>(SELECT_ONE, [formId, version]);
    if (!row) return null;
    // Stored definitions were valid when published; re-parsing gives the engine its defaults and trust.
    const parsed = parseFormDefinition(JSON.parse(row.definition));
    if (!parsed.ok) return null;
    cache.set(key(formId, version), parsed.form);
    return parsed.form;
  }

  async function active(): Promise<FormDefinition> {
    const live = await db.one<{ form_id: string; version: number }>(SELECT_LIVE);
    // A live version that no longer parses (an engine change) must not take the kiosk down.
    return (live && (await get(live.form_id, live.version))) ?? seed;
  }

  return {
    active,
    get,

    async versions() {
      const live = await db.one<{ form_id: string; version: number }>(SELECT_LIVE);
      const rows = await db.all<VersionRow>('SELECT * FROM form_versions ORDER BY published_at DESC, version DESC');
      const infos: FormVersionInfo[] = [];
      for (const r of rows) {
        const form = await get(r.form_id, r.version);
        infos.push({
          formId: r.form_id,
          version: r.version,
          publishedAt: r.published_at,
          publishedBy: r.published_by,
          isLive: live?.form_id === r.form_id && live.version === r.version,
          steps: form?.steps.length ?? 0,
          questions: form?.steps.reduce((n, s) => n + s.questions.length, 0) ?? 0,
          rules: form?.rules.length ?? 0,
        });
      }
      return infos;
    },

    async publish(definition, actor) {
      const checked = parseDefinitionToPublish(definition);
      if (!checked.ok) return checked;
      const previous = await active();
      const form = await db.transaction(async (tx) => {
        const max = (await tx.one<{ v: number | null }>('SELECT MAX(version) AS v FROM form_versions WHERE form_id = ?', [checked.form.id]))?.v ?? 0;
        const next = parseFormDefinition({ ...checked.form, version: max + 1 });
        if (!next.ok) throw new Error('A valid form became invalid by renumbering.');
        await tx.exec(INSERT, [next.form.id, next.form.version, JSON.stringify(next.form), clock.now().toISOString(), actor]);
        await tx.exec(SET_LIVE, [next.form.id, next.form.version]);
        return next.form;
      });
      // After the commit: the port may have rerun the transaction with another number.
      cache.set(key(form.id, form.version), form);
      return { ok: true, form, previous };
    },
  };
}
