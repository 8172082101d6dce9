import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest, responseHeaders } from './protocol-resolver.ts';
import { KIOSK_CSP } from './csp.ts';

const ROOT = join('/opt', 'kiosk', 'resources', 'app.asar', 'dist', 'renderer');

describe('resolveAppRequest', () => {
  it.each([
    ['the root serves index.html', 'app://kiosk/', join(ROOT, 'index.html'), 'text/html; charset=utf-8'],
    ['index.html', 'app://kiosk/index.html', join(ROOT, 'index.html'), 'text/html; charset=utf-8'],
    ['a hashed script', 'app://kiosk/assets/index-AbC123.js', join(ROOT, 'assets', 'index-AbC123.js'), 'text/javascript; charset=utf-8'],
    ['a stylesheet', 'app://kiosk/assets/index.css', join(ROOT, 'assets', 'index.css'), 'text/css; charset=utf-8'],
    ['a font', 'app://kiosk/assets/DejaVuSans.woff2', join(ROOT, 'assets', 'DejaVuSans.woff2'), 'font/woff2'],
    ['an svg', 'app://kiosk/assets/body.svg', join(ROOT, 'assets', 'body.svg'), 'image/svg+xml'],
    ['a query string is ignored', 'app://kiosk/index.html?x=1', join(ROOT, 'index.html'), 'text/html; charset=utf-8'],
    ['an encoded space', 'app://kiosk/assets/a%20b.png', join(ROOT, 'assets', 'a b.png'), 'image/png'],
  ])('%s', (_label, url, filePath, contentType) => {
    expect(resolveAppRequest(url, 'GET', ROOT)).toEqual({ kind: 'file', filePath, contentType });
  });

  it.each([
    ['a print job', `app://kiosk/__print/${'a'.repeat(43)}.pdf`, { kind: 'print-job', token: 'a'.repeat(43) }],
    ['a print path with a malformed token is just a missing file', 'app://kiosk/__print/short.pdf', { kind: 'error', status: 404 }],
  ] as const)('%s', (_label, url, expected) => {
    expect(resolveAppRequest(url, 'GET', ROOT)).toEqual(expected);
  });

  it.each([
    // The URL parser already folds these to /etc/passwd under the root (then: no such type).
    ['dot-dot traversal', 'app://kiosk/../../../etc/passwd', 404],
    ['encoded dot-dot traversal', 'app://kiosk/%2e%2e/%2e%2e/etc/passwd', 404],
    ['double-encoded traversal', 'app://kiosk/%252e%252e/main.cjs', 400],
    ['an encoded slash', 'app://kiosk/assets%2f..%2f..%2fmain.cjs', 403],
    ['an encoded backslash', 'app://kiosk/..%5c..%5cmain.cjs', 400],
    ['a NUL byte', 'app://kiosk/index.html%00.png', 400],
    ['bad percent-encoding', 'app://kiosk/%E0%A4%A', 400],
    ['a dotfile', 'app://kiosk/.env', 404],
    ['an unknown file type', 'app://kiosk/main.cjs.map', 404],
    ['another host', 'app://other/index.html', 403],
    ['another scheme', 'https://kiosk/index.html', 403],
  ] as const)('refuses %s with %i', (_label, url, status) => {
    expect(resolveAppRequest(url, 'GET', ROOT)).toEqual({ kind: 'error', status });
  });

  it.each([
    ['dot-dot', 'app://kiosk/../../../x.js'],
    ['encoded dot-dot', 'app://kiosk/%2e%2e/%2e%2e/x.js'],
    ['dot-dot inside a folder', 'app://kiosk/assets/../../x.js'],
  ])('never resolves outside the root (%s)', (_label, url) => {
    expect(resolveAppRequest(url, 'GET', ROOT)).toEqual({ kind: 'file', filePath: join(ROOT, 'x.js'), contentType: 'text/javascript; charset=utf-8' });
  });

  it.each([
    ['POST', 405],
    ['PUT', 405],
  ] as const)('refuses the %s method', (method, status) => {
    expect(resolveAppRequest('app://kiosk/index.html', method, ROOT)).toEqual({ kind: 'error', status });
  });

  it('serves the built-in fault page', () => {
    expect(resolveAppRequest('app://kiosk/__kiosk-fault.html', 'GET', ROOT)).toEqual({ kind: 'fault-page' });
  });
});

describe('responseHeaders', () => {
  it('sends the CSP, no-sniff and no-store on every response', () => {
    const headers = responseHeaders('text/html; charset=utf-8');
    expect(headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': KIOSK_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
  });
});
