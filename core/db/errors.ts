/**
 * Typed errors of the storage port. Repositories map them to domain answers ("duplicate"),
 * handlers to typed API errors; none carries a connection string, a password or a stack
 * meant for a person.
 */

export type StoreErrorCode = 'unavailable' | 'config' | 'schema-too-new' | 'schema-not-migrated' | 'in-use' | 'busy' | 'unique';

export abstract class StoreError extends Error {
  abstract readonly code: StoreErrorCode;
}

/** The clinic database (PostgreSQL) cannot be reached: at start, or the connection dropped mid-run. Nothing was half-stored. */
export class DatabaseUnavailableError extends StoreError {
  readonly code = 'unavailable';
  readonly detail: string;
  /** `message`, when given, replaces the default sentence (the start-up wait says how long it waited). */
  constructor(detail: string, message?: string) {
    super(message ?? `The clinic database cannot be reached (${detail}).`);
    this.name = 'DatabaseUnavailableError';
    this.detail = detail;
  }
}

/** The configuration is wrong: a malformed KIOSK_DATABASE_URL, refused credentials, a missing database or role rights. */
export class DatabaseConfigError extends StoreError {
  readonly code = 'config';
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseConfigError';
  }
}

/** The database holds schema steps this version of the software does not know: it was set up by a newer version. */
export class SchemaTooNewError extends StoreError {
  readonly code = 'schema-too-new';
  readonly unknownIds: readonly string[];
  constructor(unknownIds: readonly string[]) {
    super(
      `The database was set up by a newer version of the kiosk software: it has ${unknownIds.length} schema step(s) this version does not know ` +
        `(${unknownIds.slice(0, 3).join(', ')}${unknownIds.length > 3 ? ', ...' : ''}). Update this kiosk's software before connecting it to this database.`,
    );
    this.name = 'SchemaTooNewError';
    this.unknownIds = unknownIds;
  }
}

/** The app's role may not change the schema and steps are pending: the owner role has to migrate first. */
export class SchemaNotMigratedError extends StoreError {
  readonly code = 'schema-not-migrated';
  readonly pendingIds: readonly string[];
  constructor(pendingIds: readonly string[]) {
    super(
      `The database needs ${pendingIds.length} schema step(s) (${pendingIds[0] ?? ''}${pendingIds.length > 1 ? ', ...' : ''}) that the app's database role may not apply. ` +
        'Start once with KIOSK_DATABASE_MIGRATE_URL set to the owner role (docs/DEPLOYMENT.md).',
    );
    this.name = 'SchemaNotMigratedError';
    this.pendingIds = pendingIds;
  }
}

/** Another process already holds this kiosk's SQLite database: SQLite keeps one writer. */
export class DataDirInUseError extends StoreError {
  readonly code = 'in-use';
  readonly file: string;
  constructor(file: string) {
    super(`Another kiosk process is already using the database ${file}. Close it first; only one process may use a kiosk's data folder.`);
    this.name = 'DataDirInUseError';
    this.file = file;
  }
}

/** A transaction kept failing on conflicts after every retry; safe to try again later (nothing was stored). */
export class StoreBusyError extends StoreError {
  readonly code = 'busy';
  readonly attempts: number;
  constructor(attempts: number) {
    super(`The database stayed busy after ${attempts} attempts; nothing was stored.`);
    this.name = 'StoreBusyError';
    this.attempts = attempts;
  }
}

/** A unique key or primary key refused a row; the repository maps it to its "duplicate" answer. */
export class UniqueViolationError extends StoreError {
  readonly code = 'unique';
  /** The constraint (PostgreSQL) or "table.column" list (SQLite) when the engine says; never a value. */
  readonly constraint: string | undefined;
  constructor(constraint: string | undefined) {
    super(`A row with the same key already exists${constraint ? ` (${constraint})` : ''}.`);
    this.name = 'UniqueViolationError';
    this.constraint = constraint;
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}
