/**
 * Maps an app://kiosk/... request to a file inside the built renderer directory
 * (dist/renderer, inside the ASAR when packaged). Only GET of known static file types
 * under that directory is served; anything else is an error status. main.ts does the
 * reading and wraps the answer in a Response with `responseHeaders`.
 */
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { APP_FAULT_URL, isAppUrl } from './app-url.ts';
import { KIOSK_CSP } from './csp.ts';
import { printTokenOf } from './print-jobs.ts';

/** Content types by extension; anything not listed is refused rather than sniffed. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export type ResolvedRequest =
  | { readonly kind: 'file'; readonly filePath: string; readonly contentType: string }
  /** The built-in crash page (recovery-policy.ts), generated in memory. */
  | { readonly kind: 'fault-page' }
  /** A PDF held for the print window (print-jobs.ts), by its one-time token. */
  | { readonly kind: 'print-job'; readonly token: string }
  | { readonly kind: 'error'; readonly status: 400 | 403 | 404 | 405 };

/**
 * @param method the request method; only GET (and HEAD) are served.
 * @param rootDir absolute path of the built renderer directory.
 */
export function resolveAppRequest(requestUrl: string, method: string, rootDir: string): ResolvedRequest {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'error', status: 405 };
  if (!isAppUrl(requestUrl)) return { kind: 'error', status: 403 };
  const url = new URL(requestUrl);
  if (`${url.protocol}//${url.host}${url.pathname}` === APP_FAULT_URL) return { kind: 'fault-page' };
  const printToken = printTokenOf(url.pathname);
  if (printToken !== null) return { kind: 'print-job', token: printToken };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'error', status: 400 };
  }
  // Encoded separators and NULs have no business in a static asset path; refuse them
  // before the platform's path functions can give them a meaning.
  if (path.includes('\0') || path.includes('\\') || path.includes('%')) return { kind: 'error', status: 400 };
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'error', status: 403 };
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'error', status: 404 }; // no dotfiles
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/');
  const filePath = normalize(join(rootDir, relativePath));
  const rel = relative(rootDir, filePath);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return { kind: 'error', status: 403 };
  const contentType = MIME_TYPES[extname(filePath).toLowerCase()];
  if (contentType === undefined) return { kind: 'error', status: 404 };
  return { kind: 'file', filePath, contentType };
}

/**
 * The policy for a PDF shown to the print window: nothing may load but the PDF itself,
 * which Chromium's viewer embeds as a plugin of the document (hence object-src 'self').
 */
export const PRINT_PDF_CSP = "default-src 'none'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers on every app:// response: the CSP, no sniffing, no caching of health-data pages. */
export function responseHeaders(contentType: string, csp: string = KIOSK_CSP): Readonly<Record<string, string>> {
  return {
    'content-type': contentType,
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}
