/**
 * The boundary every call crosses. `defineHandler` turns a domain function that
 * receives an already-validated request into a handler that accepts `unknown`:
 * it checks the calling frame's origin, bounds the payload size, checks the channel's
 * declared access (api/channels/common.ts `Access`) against the caller's staff session,
 * parses the payload with the contract's zod schema, and converts every failure into a
 * typed Result. Nothing thrown inside a handler reaches the renderer as an exception,
 * and no message carries the payload back (it may hold health data).
 */
import { type z } from 'zod';
import {
  specs,
  type Access,
  type AccessOf,
  type Channel,
  type ChannelSpec,
  type ParsedRequest,
  type Responses,
  type StaffRole,
  type StaffSession,
} from '../api/contract.ts';
import { fail, type ApiErrorCode, type ApiIssue, type Result } from '../api/result.ts';
import { assertNever } from '../forms/engine/index.ts';
import { DatabaseUnavailableError, StoreBusyError } from './db/errors.ts';

/**
 * What kind of device is calling. A `kiosk` is the lobby kiosk's own window (Electron, or
 * the Chromium page of start:chromium and the e2e harness); a `staff-device` is a staff
 * member's browser (the clinic server's web app); a `kiosk-device` is a paired kiosk's main
 * process calling the clinic server (forwarding its queued intakes; the caller id is the
 * device's id). `kiosk` channels answer only kiosks, `kiosk-device` channels only kiosk devices.
 */
export type CallerKind = 'kiosk' | 'staff-device' | 'kiosk-device';

export interface Caller {
  /**
   * Staff sessions are kept per caller id: one per Electron webContents, one per e2e page,
   * later one per paired device. Not secret, but never chosen by the calling page.
   */
  readonly id: string;
  readonly kind: CallerKind;
}

export interface CallContext {
  /** URL of the frame that sent the call (Electron: event.senderFrame.url; e2e: the page URL). */
  readonly senderUrl: string;
  readonly caller: Caller;
}

/** The session a handler of channel `C` is given: checked (and extended) for staff and admin channels. */
export type SessionOf<C extends Channel> = AccessOf<C> extends 'staff' | 'admin' | 'kiosk-admin' ? StaffSession : null;

/** What a handler body receives beside its request. */
export interface Call<C extends Channel> extends CallContext {
  /** The caller's live staff session on channels that need one; null where none is needed (look it up if wanted). */
  readonly session: SessionOf<C>;
}

/** The staff sessions the access check reads (the staff service). */
export interface SessionGate {
  /**
   * The caller's live session, extended; throws (or rejects with) CoreError `unauthenticated` or
   * `forbidden`. An admin may do what a therapist may. May be async: a store that reads the staff
   * row from a database server can answer later.
   */
  require(callerId: string, role?: StaffRole): StaffSession | Promise<StaffSession>;
}

export type Handler<C extends Channel> = (payload: unknown, ctx: CallContext) => Promise<Result<Responses[C]>>;
export type HandlerTable = { readonly [C in Channel]: Handler<C> };

/** A failure a domain function can throw on purpose; mapped to its code and message as is. */
export class CoreError extends Error {
  readonly code: ApiErrorCode;
  readonly retryAt: string | undefined;
  constructor(code: ApiErrorCode, message: string, retryAt?: string) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.retryAt = retryAt;
  }
}

/** Largest serialized payload accepted on any channel (a long signature is the biggest legitimate one). */
export const MAX_PAYLOAD_BYTES = 1_500_000;

export interface HandlerOptions {
  readonly allowedOrigins: readonly string[];
  readonly sessions: SessionGate;
  /** Called with the channel and error code only: never the payload. */
  readonly onError?: (channel: Channel, code: ApiErrorCode, error: unknown) => void;
}

export function isAllowedSender(senderUrl: string, allowedOrigins: readonly string[]): boolean {
  if (!URL.canParse(senderUrl)) return false;
  const url = new URL(senderUrl);
  // Custom schemes (app://kiosk) report origin "null" in WHATWG URL; compare scheme + host instead.
  const origin = url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
  return allowedOrigins.includes(origin);
}

/** Why a payload is refused before it is parsed: too many bytes, or not plain JSON data (nested past the stack, cyclic). */
function payloadProblem(payload: unknown): string | null {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    // Cyclic, or nested so deep that serialising it overflows the stack: no channel takes either.
    return 'The request is nested too deeply or is not plain data, so it was not read.';
  }
  return json !== undefined && json.length > MAX_PAYLOAD_BYTES ? `The request is too large (limit ${Math.round(MAX_PAYLOAD_BYTES / 1000)} kB).` : null;
}

function toIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    // Paths are bounded: record keys come from the payload, so cut them short.
    path: issue.path.map((part) => String(part).slice(0, 60)).join('.'),
    // zod names unrecognised keys in its message; those names come from the payload, so do not echo them.
    message: issue.code === 'unrecognized_keys' ? `Unexpected field${issue.keys.length === 1 ? '' : 's'} in the request.` : issue.message,
  }));
}

function requireKiosk(caller: Caller): void {
  if (caller.kind !== 'kiosk') throw new CoreError('forbidden', 'This can only be done at the kiosk.');
}

function requireKioskDevice(caller: Caller): void {
  if (caller.kind !== 'kiosk-device') throw new CoreError('forbidden', 'Only a paired kiosk can send intakes to the clinic server.');
}

/** The caller's session as `access` demands it, or rejects with CoreError `unauthenticated` / `forbidden`. */
export async function checkAccess(access: Access, caller: Caller, sessions: SessionGate): Promise<StaffSession | null> {
  switch (access) {
    case 'public':
      return null;
    case 'kiosk':
      requireKiosk(caller);
      return null;
    case 'staff':
      return sessions.require(caller.id);
    case 'admin':
      return sessions.require(caller.id, 'admin');
    case 'kiosk-admin':
      requireKiosk(caller);
      return sessions.require(caller.id, 'admin');
    case 'kiosk-device':
      requireKioskDevice(caller);
      return null;
    default:
      return assertNever(access, 'access');
  }
}

/** What staff (and the client) are told when the store cannot answer; nothing was stored by the failed call. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The clinic database cannot be reached. Nothing was lost: please try again in a moment; if it keeps happening, ask the person who looks after the clinic\'s computers.';
export const DATABASE_BUSY_MESSAGE = 'The clinic database is busy. Nothing was stored: please try again in a moment.';

/**
 * The answer to the storage port's typed failures (the database cannot be reached, or stayed
 * busy): `unavailable` with a sentence for staff; a transaction that failed this way rolled
 * back whole. Null for any other error. Hosts that call the core outside a handler (the clinic
 * server's pairing routes) answer with it too.
 */
export function storeFailure(error: unknown): Result<never> | null {
  if (error instanceof DatabaseUnavailableError) return fail('unavailable', DATABASE_UNAVAILABLE_MESSAGE);
  if (error instanceof StoreBusyError) return fail('unavailable', DATABASE_BUSY_MESSAGE);
  return null;
}

function failWith(channel: Channel, options: HandlerOptions, error: unknown): Result<never> {
  if (error instanceof CoreError) {
    options.onError?.(channel, error.code, error);
    return fail(error.code, error.message, error.retryAt ? { retryAt: error.retryAt } : {});
  }
  const unavailable = storeFailure(error);
  if (unavailable) {
    options.onError?.(channel, 'unavailable', error);
    return unavailable;
  }
  options.onError?.(channel, 'internal', error);
  return fail('internal', 'Something went wrong on the kiosk. Please try again; if it keeps happening, ask the front desk.');
}

export function defineHandler<C extends Channel>(
  channel: C,
  options: HandlerOptions,
  impl: (request: ParsedRequest<C>, call: Call<C>) => Promise<Result<Responses[C]>> | Result<Responses[C]>,
): Handler<C> {
  const { access, request: schema }: ChannelSpec = specs[channel];
  return async (payload, ctx) => {
    if (!isAllowedSender(ctx.senderUrl, options.allowedOrigins)) {
      options.onError?.(channel, 'forbidden_sender', null);
      return fail('forbidden_sender', 'This request did not come from the kiosk app.');
    }
    const problem = payloadProblem(payload);
    if (problem) return fail('invalid_request', problem);
    // Who may call comes before what was sent: a caller without the right session learns
    // nothing about the payload's shape, and costs no parsing.
    let session: StaffSession | null;
    try {
      session = await checkAccess(access, ctx.caller, options.sessions);
    } catch (error) {
      return failWith(channel, options, error);
    }
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      const first = issues[0];
      const where = first && first.path ? ` (${first.path}: ${first.message})` : first ? ` (${first.message})` : '';
      return fail('invalid_request', `The request was not valid${where}.`, { issues });
    }
    // checkAccess returned a session exactly for the accesses SessionOf<C> maps to StaffSession.
    const call = { senderUrl: ctx.senderUrl, caller: ctx.caller, session } as Call<C>;
    try {
      return await impl(parsed.data as ParsedRequest<C>, call);
    } catch (error) {
      return failWith(channel, options, error);
    }
  };
}
