/**
 * The plain-HTTP port (8080 by default): nothing here but a way to HTTPS.
 *   GET /                 a page: install the clinic CA on this device, then continue to HTTPS
 *   GET /clinic-ca.crt    the clinic CA certificate (PEM; iPad, Android, Windows and macOS take it)
 *   anything else         308 to the same path on the HTTPS origin
 * No API, no cookies, no app. The redirect goes only to one of the server's own names (the
 * Host header's name if it is one of them), never to a host the request names.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { isIP } from 'node:net';
import { SECURITY_HEADERS } from './security.ts';

export const CA_DOWNLOAD_PATH = '/clinic-ca.crt';

export interface PlainHttpOptions {
  readonly caPem: string;
  readonly clinicName: () => string;
  /** The server's names (certificate SAN) and the HTTPS port devices see. */
  readonly names: readonly string[];
  readonly httpsPort: number;
  /** SHA-256 fingerprint of the CA, shown so a person can compare it with the admin screen's. */
  readonly caFingerprint: string;
}

const PAGE_STYLE =
  'body{font:18px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}a.button{display:inline-block;padding:.75rem 1.25rem;background:#0b5394;color:#fff;border-radius:.5rem;text-decoration:none}code{word-break:break-all}h2{margin-top:2rem}';
/** No script at all, and only this page's one style block (by hash): the strict policy, for a static page. */
export const INSTALL_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'; img-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function httpsOrigin(hostHeader: string | undefined, options: PlainHttpOptions): string {
  const requested = hostHeader ? hostHeader.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase() : '';
  const name = options.names.includes(requested) ? requested : (options.names[0] ?? 'localhost');
  const host = isIP(name) === 6 ? `[${name}]` : name;
  return `https://${host}${options.httpsPort === 443 ? '' : `:${options.httpsPort}`}`;
}

export function installPage(options: PlainHttpOptions, origin: string): string {
  const clinic = escapeHtml(options.clinicName() || 'the clinic');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connect this device to ${clinic}</title>
<style>${PAGE_STYLE}</style>
</head><body><main>
<h1>Connect this device to ${clinic}</h1>
<p>The clinic server only talks over an encrypted connection. So that this device can check it is really talking to the clinic server, install the clinic's certificate once:</p>
<p><a class="button" href="${CA_DOWNLOAD_PATH}" download="clinic-ca.crt">Download the clinic certificate</a></p>
<p>Its SHA-256 fingerprint is <code>${escapeHtml(options.caFingerprint)}</code>. An admin can compare it with the one on the server.</p>
<h2>iPad and iPhone</h2><ol><li>Open this page in Safari and tap Download, then Allow.</li><li>Settings &gt; General &gt; VPN &amp; Device Management: tap the profile, then Install.</li><li>Settings &gt; General &gt; About &gt; Certificate Trust Settings: turn on full trust for the clinic root CA.</li></ol>
<h2>Android</h2><ol><li>Download the certificate.</li><li>Settings &gt; Security &gt; Encryption &amp; credentials &gt; Install a certificate &gt; CA certificate, and choose the file.</li></ol>
<h2>Windows</h2><ol><li>Open the downloaded file, choose Install Certificate, Local Machine.</li><li>Place it in "Trusted Root Certification Authorities".</li></ol>
<h2>macOS</h2><ol><li>Open the downloaded file: Keychain Access adds it to the System keychain.</li><li>Double-click the clinic root CA, open Trust, and set "When using this certificate" to Always Trust.</li></ol>
<h2>Then</h2><p><a class="button" href="${escapeHtml(origin)}/">Continue to the clinic server</a></p>
<p>Step by step, with pictures of each screen: docs/CLINIC-NETWORK.md on the server.</p>
</main></body></html>`;
}

export function createPlainHttpServer(options: PlainHttpOptions): Server {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const headers = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
    delete (headers as Record<string, string>)['strict-transport-security']; // HSTS is ignored (and meaningless) over plain HTTP
    const origin = httpsOrigin(req.headers.host, options);
    if ((req.method === 'GET' || req.method === 'HEAD') && path === CA_DOWNLOAD_PATH) {
      res.writeHead(200, { ...headers, 'content-type': 'application/x-x509-ca-cert', 'content-disposition': 'attachment; filename="clinic-ca.crt"' });
      res.end(req.method === 'HEAD' ? undefined : options.caPem);
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && path === '/') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': INSTALL_PAGE_CSP });
      res.end(req.method === 'HEAD' ? undefined : installPage(options, origin));
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
