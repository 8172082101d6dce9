/**
 * PDFs waiting to be printed, held in memory and served to the hidden print window at
 * app://kiosk/__print/<token>.pdf: no file:// URL and no file on disk (Electron security
 * checklist item 18; a spooled file was health data on disk). The token is 32 random
 * bytes, good for one GET and for `ttlMs` at most; the printer revokes it when the job ends.
 */
import { APP_ORIGIN } from './app-url.ts';

export const PRINT_PATH_PREFIX = '/__print/';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface PrintJobs {
  /** Holds `pdf` and returns the one-time URL the print window loads. */
  add(pdf: Uint8Array): { readonly token: string; readonly url: string };
  /** The bytes for `token`, once: a second call, an unknown or an expired token give null. */
  take(token: string): Uint8Array | null;
  revoke(token: string): void;
  /** How many PDFs are held (tests: nothing lingers after a job). */
  readonly size: number;
}

export interface PrintJobsOptions {
  /** 43 base64url characters from 32 random bytes (node:crypto's randomBytes(32).toString('base64url')). */
  readonly randomToken: () => string;
  readonly now: () => number;
  readonly ttlMs?: number;
}

/** The token of an app://kiosk/__print/<token>.pdf path, or null for any other path. */
export function printTokenOf(pathname: string): string | null {
  if (!pathname.startsWith(PRINT_PATH_PREFIX) || !pathname.endsWith('.pdf')) return null;
  const token = pathname.slice(PRINT_PATH_PREFIX.length, -'.pdf'.length);
  return TOKEN_PATTERN.test(token) ? token : null;
}

export function createPrintJobs(options: PrintJobsOptions): PrintJobs {
  const ttlMs = options.ttlMs ?? 120_000;
  const jobs = new Map<string, { pdf: Uint8Array; expiresAt: number }>();
  const sweep = () => {
    const now = options.now();
    for (const [token, job] of jobs) if (job.expiresAt <= now) jobs.delete(token);
  };
  return {
    add(pdf) {
      sweep();
      const token = options.randomToken();
      if (!TOKEN_PATTERN.test(token) || jobs.has(token)) throw new Error('print token is not 32 fresh random bytes');
      jobs.set(token, { pdf, expiresAt: options.now() + ttlMs });
      return { token, url: `${APP_ORIGIN}${PRINT_PATH_PREFIX}${token}.pdf` };
    },
    take(token) {
      sweep();
      const job = jobs.get(token);
      jobs.delete(token);
      return job?.pdf ?? null;
    },
    revoke(token) {
      jobs.delete(token);
    },
    get size() {
      sweep();
      return jobs.size;
    },
  };
}
