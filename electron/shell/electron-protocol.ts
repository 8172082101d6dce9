/**
 * Serves app://kiosk/... from the built renderer directory (inside the ASAR when
 * packaged) with the CSP on every response. The decisions are in protocol-resolver.ts.
 */
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './app-url.ts';
import { FAULT_PAGE_CSP, FAULT_PAGE_HTML } from './fault-page.ts';
import type { PrintJobs } from './print-jobs.ts';
import { PRINT_PDF_CSP, resolveAppRequest, responseHeaders } from './protocol-resolver.ts';
import { assertNever } from '../../forms/engine/index.ts';

export function registerAppProtocol(protocol: Protocol, rendererDir: string, printJobs: PrintJobs): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, request.method, rendererDir);
    const isHead = request.method === 'HEAD';
    switch (resolved.kind) {
      case 'fault-page':
        return new Response(isHead ? null : FAULT_PAGE_HTML, { headers: responseHeaders('text/html; charset=utf-8', FAULT_PAGE_CSP) });
      case 'print-job': {
        // HEAD must not use up the one-time token.
        const pdf = isHead ? null : printJobs.take(resolved.token);
        if (!isHead && pdf === null) return new Response(null, { status: 404, headers: responseHeaders('text/plain; charset=utf-8') });
        return new Response(pdf === null ? null : new Uint8Array(pdf), { headers: responseHeaders('application/pdf', PRINT_PDF_CSP) });
      }
      case 'error':
        return new Response(null, { status: resolved.status, headers: responseHeaders('text/plain; charset=utf-8') });
      case 'file': {
        let body: Uint8Array<ArrayBuffer>;
        try {
          body = new Uint8Array(await readFile(resolved.filePath));
        } catch {
          return new Response(null, { status: 404, headers: responseHeaders('text/plain; charset=utf-8') });
        }
        return new Response(isHead ? null : body, { headers: responseHeaders(resolved.contentType) });
      }
      default:
        return assertNever(resolved, 'protocol result');
    }
  });
}
