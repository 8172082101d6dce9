/**
 * The admin's working copy of the form. Edits are a draft (stored as the editor sent it,
 * valid or not, so nothing typed is lost); publishing hands the draft to the versioned
 * registry, which validates it as a whole. A published version is never changed:
 * restoring one copies it into the draft.
 */
import { createHash } from 'node:crypto';
import type { FormDraft, ImportOutcome, PublishOutcome } from '../../api/contract.ts';
import { exceedsJsonDepth, MAX_JSON_DEPTH, type FormDefinition, type FormDefinitionError } from '../../forms/engine/index.ts';
import { parseDefinitionJsonToPublish, parseDefinitionToPublish } from '../../forms/engine/publish.ts';
import { CoreError } from '../handler.ts';
import type { Queryable } from '../db/port.ts';
import type { DialectMigration } from '../db/migrate.ts';
import type { VersionedFormRegistry } from '../forms/registry.ts';
import type { Clock } from '../ports.ts';

const DRAFT_TABLE = `CREATE TABLE form_draft (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      definition TEXT NOT NULL,
      based_on_form TEXT,
      based_on_version INTEGER,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    )`;

export const formDraftMigrations: readonly DialectMigration[] = [{ id: 'form-drafts-001', sqlite: `${DRAFT_TABLE} STRICT;`, postgres: `${DRAFT_TABLE};` }];

const SELECT_DRAFT = 'SELECT * FROM form_draft WHERE singleton = 1';
const UPSERT_DRAFT = `INSERT INTO form_draft (singleton, definition, based_on_form, based_on_version, updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT(singleton) DO UPDATE SET definition = excluded.definition, based_on_form = excluded.based_on_form,
       based_on_version = excluded.based_on_version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`;

/** Small, non-sensitive facts about a definition for the audit log's before/after. */
export interface DefinitionSummary {
  readonly formId: string;
  readonly version: number;
  readonly steps: number;
  readonly questions: number;
  readonly rules: number;
  /** First 16 hex digits of SHA-256 over the JSON: tells two versions apart without the text. */
  readonly digest: string;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function summarizeDefinition(definition: unknown): DefinitionSummary {
  const d = isRecord(definition) ? definition : {};
  const steps = Array.isArray(d.steps) ? d.steps : [];
  return {
    formId: typeof d.id === 'string' ? d.id.slice(0, 100) : '',
    version: typeof d.version === 'number' ? d.version : 0,
    steps: steps.length,
    questions: steps.reduce<number>((n, s) => n + (isRecord(s) && Array.isArray(s.questions) ? s.questions.length : 0), 0),
    rules: Array.isArray(d.rules) ? d.rules.length : 0,
    digest: createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 16),
  };
}

/** The errors a definition must be free of to be published, or none. */
export function definitionErrors(definition: unknown): readonly FormDefinitionError[] {
  const result = parseDefinitionToPublish(definition);
  return result.ok ? [] : result.errors;
}

type DraftRow = {
  readonly definition: string;
  readonly based_on_form: string | null;
  readonly based_on_version: number | null;
  readonly updated_at: string;
}

export type FormDraftService = ReturnType<typeof createFormDraftService>;

export function createFormDraftService(db: Queryable, registry: VersionedFormRegistry, clock: Clock) {
  const liveRef = async () => {
    const live = await registry.active();
    return { formId: live.id, version: live.version };
  };

  async function toDraft(definition: unknown, basedOn: FormDraft['basedOn'], updatedAt: string | null): Promise<FormDraft> {
    return {
      // Draft data travels in the definition's shape; `errors` says whether it is valid.
      definition: definition as FormDefinition,
      basedOn,
      live: await liveRef(),
      updatedAt,
      errors: definitionErrors(definition),
    };
  }

  async function write(definition: unknown, basedOn: FormDraft['basedOn'], actor: string): Promise<FormDraft> {
    const at = clock.now().toISOString();
    await db.exec(UPSERT_DRAFT, [JSON.stringify(definition), basedOn?.formId ?? null, basedOn?.version ?? null, at, actor]);
    return toDraft(definition, basedOn, at);
  }

  return {
    /** The stored draft, or a fresh one copied from the live version (not stored until saved). */
    async current(): Promise<FormDraft> {
      const row = await db.one<DraftRow>(SELECT_DRAFT);
      if (row) {
        const basedOn = row.based_on_form !== null && row.based_on_version !== null ? { formId: row.based_on_form, version: row.based_on_version } : null;
        return toDraft(JSON.parse(row.definition), basedOn, row.updated_at);
      }
      return toDraft(await registry.active(), await liveRef(), null);
    },

    /** Stores the draft as given (invalid drafts too) and returns it with its validation errors. */
    async save(definition: unknown, actor: string): Promise<FormDraft> {
      const row = await db.one<DraftRow>(SELECT_DRAFT);
      const basedOn =
        row && row.based_on_form !== null && row.based_on_version !== null ? { formId: row.based_on_form, version: row.based_on_version } : await liveRef();
      return write(definition, basedOn, actor);
    },

    /** Copies a published version into the draft (replacing the draft); null when there is no such version. */
    async restore(formId: string, version: number, actor: string): Promise<FormDraft | null> {
      const form = await registry.get(formId, version);
      return form ? write(form, { formId, version }, actor) : null;
    },

    /** Validates JSON text; only a valid definition replaces the draft. A bad file changes nothing. */
    async importJson(text: string, actor: string): Promise<ImportOutcome> {
      // Not a definition with mistakes to point at, but not a form definition at all: refused as a bad request.
      if (exceedsJsonDepth(text)) {
        throw new CoreError('invalid_request', `This file nests objects or lists more than ${MAX_JSON_DEPTH} levels deep, which no form definition does. Check that it is a form definition exported from this kiosk.`);
      }
      const result = parseDefinitionJsonToPublish(text);
      if (!result.ok) return { status: 'invalid', errors: result.errors };
      return { status: 'imported', draft: await write(result.form, null, actor) };
    },

    /** Publishes `definition` as the next version and clears the draft; invalid definitions change nothing. */
    async publish(definition: unknown, actor: string): Promise<PublishOutcome & { readonly previous?: FormDefinition; readonly form?: FormDefinition }> {
      const result = await registry.publish(definition, actor);
      if (!result.ok) return { status: 'invalid', errors: result.errors };
      await db.exec('DELETE FROM form_draft WHERE singleton = 1');
      return { status: 'published', formId: result.form.id, version: result.form.version, previous: result.previous, form: result.form };
    },

    /** A published version as pretty JSON text and a file name for it. */
    async exportJson(formId: string, version: number): Promise<{ readonly fileName: string; readonly json: string } | null> {
      const form = await registry.get(formId, version);
      if (!form) return null;
      return { fileName: `${form.id}-v${form.version}.json`, json: `${JSON.stringify(form, null, 2)}\n` };
    },
  };
}
