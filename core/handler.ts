/**
 * The boundary every IPC call crosses. `defineHandler` turns a domain function that
 * receives an already-validated request into a handler that accepts `unknown`:
 * it checks the calling frame's origin, bounds the payload size, parses it with the
 * contract's zod schema, and converts every failure into a typed Result. Nothing
 * thrown inside a handler reaches the renderer as an exception, and no message
 * carries the payload back (it may hold health data).
 */
import { type z } from 'zod';
import { requests, type Channel, type ParsedRequest, type Responses } from '../api/contract.ts';
import { fail, type ApiErrorCode, type ApiIssue, type Result } from '../api/result.ts';

export interface CallContext {
  /** URL of the frame that sent the call (Electron: event.senderFrame.url; e2e: the page URL). */
  readonly senderUrl: string;
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

function payloadTooLarge(payload: unknown): boolean {
  try {
    const json = JSON.stringify(payload);
    return json !== undefined && json.length > MAX_PAYLOAD_BYTES;
  } catch {
    return true; // cyclic or otherwise unserializable: cannot have come through structured clone as JSON
  }
}

function toIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    // Paths are bounded: record keys come from the payload, so cut them short.
    path: issue.path.map((part) => String(part).slice(0, 60)).join('.'),
    // zod names unrecognised keys in its message; those names come from the payload, so do not echo them.
    message: issue.code === 'unrecognized_keys' ? `Unexpected field${issue.keys.length === 1 ? '' : 's'} in the request.` : issue.message,
  }));
}

export function defineHandler<C extends Channel>(
  channel: C,
  options: HandlerOptions,
  impl: (request: ParsedRequest<C>, ctx: CallContext) => Promise<Result<Responses[C]>> | Result<Responses[C]>,
): Handler<C> {
  const schema = requests[channel];
  return async (payload, ctx) => {
    if (!isAllowedSender(ctx.senderUrl, options.allowedOrigins)) {
      options.onError?.(channel, 'forbidden_sender', null);
      return fail('forbidden_sender', 'This request did not come from the kiosk app.');
    }
    if (payloadTooLarge(payload)) {
      return fail('invalid_request', `The request is too large (limit ${Math.round(MAX_PAYLOAD_BYTES / 1000)} kB).`);
    }
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      const first = issues[0];
      const where = first && first.path ? ` (${first.path}: ${first.message})` : first ? ` (${first.message})` : '';
      return fail('invalid_request', `The request was not valid${where}.`, { issues });
    }
    try {
      return await impl(parsed.data as ParsedRequest<C>, ctx);
    } catch (error) {
      if (error instanceof CoreError) {
        options.onError?.(channel, error.code, error);
        return fail(error.code, error.message, error.retryAt ? { retryAt: error.retryAt } : {});
      }
      options.onError?.(channel, 'internal', error);
      return fail('internal', 'Something went wrong on the kiosk. Please try again; if it keeps happening, ask the front desk.');
    }
  };
}
