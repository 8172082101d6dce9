/**
 * Every call across the bridge resolves to a Result: handlers never throw to the
 * renderer, so an invalid payload or a failed write is a value the UI can show.
 */
export type ApiErrorCode =
  | 'invalid_request' // payload failed validation at the boundary
  | 'forbidden_sender' // the calling frame is not the kiosk's own page
  | 'unauthenticated' // staff call without a live staff session
  | 'forbidden' // staff session lacks the role
  | 'locked_out' // too many failed PIN attempts; retry later
  | 'not_found'
  | 'conflict' // e.g. first-run setup already done, stale form version
  | 'unavailable' // a dependency (disk, export folder, printer, the clinic database) failed; retry may succeed
  | 'not_paired' // clinic server: this browser is not (or no longer) a paired device; pair it first
  | 'rate_limited' // clinic server: too many requests from this device or address; retry at retryAt
  | 'internal';

export interface ApiIssue {
  /** Dotted path into the payload, e.g. `answers.full_name`. Empty for the payload itself. */
  readonly path: string;
  readonly message: string;
}

export interface ApiError {
  readonly code: ApiErrorCode;
  /** A sentence a person can act on. Never contains health data. */
  readonly message: string;
  readonly issues?: readonly ApiIssue[];
  /** For `locked_out` and `rate_limited`: when the next attempt is allowed (ISO time). */
  readonly retryAt?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ApiErrorCode, message: string, extra: Omit<ApiError, 'code' | 'message'> = {}): Result<never> => ({
  ok: false,
  error: { code, message, ...extra },
});
