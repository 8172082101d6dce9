/**
 * The plain-HTTP port (8080 by default): nothing here but a way to HTTPS.
 *   GET /                 a page: install the clinic CA on this device, then continue to HTTPS
 *                         (in the device's language: install-page.ts)
 *   GET /clinic-ca.crt    the clinic CA certificate (PEM; iPad, Android, Windows and macOS take it)
 *   anything else         308 to the same path on the HTTPS origin
 * No API, no cookies, no app. The redirect goes only to one of the server's own names (the
 * Host header's name if it is one of them), never to a host the request names.
 */
import { createServer, type Server } from 'node:http';
import { isIP } from 'node:net';
import { CA_DOWNLOAD_PATH, INSTALL_PAGE_CSP, installPage, pageLanguage } from './install-page.ts';
import { SECURITY_HEADERS } from './security.ts';

export { CA_DOWNLOAD_PATH } from './install-page.ts';

export interface PlainHttpOptions {
  readonly caPem: string;
  readonly clinicName: () => string;
  /** The server's names (certificate SAN) and the HTTPS port devices see. */
  readonly names: readonly string[];
  readonly httpsPort: number;
  /** SHA-256 fingerprint of the CA, shown so a person can compare it with the admin screen's. */
  readonly caFingerprint: string;
}

function httpsOrigin(hostHeader: string | undefined, options: PlainHttpOptions): string {
  const requested = hostHeader ? hostHeader.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase() : '';
  const name = options.names.includes(requested) ? requested : (options.names[0] ?? 'localhost');
  const host = isIP(name) === 6 ? `[${name}]` : name;
  return `https://${host}${options.httpsPort === 443 ? '' : `:${options.httpsPort}`}`;
}

export function createPlainHttpServer(options: PlainHttpOptions): Server {
  const server = createServer((req, res) => {
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    const headers = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
    delete (headers as Record<string, string>)['strict-transport-security']; // HSTS is ignored (and meaningless) over plain HTTP
    const origin = httpsOrigin(req.headers.host, options);
    if ((req.method === 'GET' || req.method === 'HEAD') && path === CA_DOWNLOAD_PATH) {
      res.writeHead(200, { ...headers, 'content-type': 'application/x-x509-ca-cert', 'content-disposition': 'attachment; filename="clinic-ca.crt"' });
      res.end(req.method === 'HEAD' ? undefined : options.caPem);
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && path === '/') {
      const lang = pageLanguage(req.headers['accept-language'], new URLSearchParams(query).get('lang'));
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-language': lang, vary: 'Accept-Language', 'content-security-policy': INSTALL_PAGE_CSP });
      res.end(req.method === 'HEAD' ? undefined : installPage({ clinicName: options.clinicName(), caFingerprint: options.caFingerprint, origin }, lang));
      return;
    }
    // Same path (and query) on HTTPS; only this server's names, so this is no open redirect.
    const target = `${origin}${(req.url ?? '/').startsWith('/') ? req.url : '/'}`;
    res.writeHead(308, { ...headers, location: target, 'content-type': 'text/plain; charset=utf-8' });
    res.end('This server answers over HTTPS only.\n');
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  return server;
}
