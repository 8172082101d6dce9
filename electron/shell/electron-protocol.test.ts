import type { Protocol } from 'electron';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_CSP } from './csp.ts';
import { registerAppProtocol } from './electron-protocol.ts';
import { FAULT_PAGE_CSP } from './fault-page.ts';
import { createPrintJobs } from './print-jobs.ts';
import { PRINT_PDF_CSP } from './protocol-resolver.ts';

// The handler registered on a stand-in for Electron's protocol module, called with real
// fetch Requests as Electron does, against a real directory.
let dir: string;
let serve: (request: Request) => Promise<Response>;
let tokenCount = 0;
const printJobs = createPrintJobs({ randomToken: () => `${String(++tokenCount).padStart(2, '0')}${'t'.repeat(41)}`, now: () => 0 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-protocol-'));
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>');
  await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer directory');
  const fake = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      expect(scheme).toBe('app');
      serve = handler;
    },
  };
  registerAppProtocol(fake as unknown as Protocol, join(dir, 'renderer'), printJobs);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('registerAppProtocol', () => {
  it.each([
    ['index.html', 'app://kiosk/index.html', 'text/html; charset=utf-8', '<!doctype html><title>kiosk</title>'],
    ['a script', 'app://kiosk/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
  ])('serves %s with its type and the CSP', async (_label, url, type, body) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it.each([
    ['a missing file', 'app://kiosk/assets/missing.js', 404],
    ['a file outside the renderer directory', 'app://kiosk/..%2fsecret.txt', 403],
    ['another host', 'app://elsewhere/index.html', 403],
  ])('refuses %s, still with the CSP', async (_label, url, status) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    expect(await response.text()).toBe('');
  });

  it('refuses POST', async () => {
    expect((await serve(new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('serves the fault page under its own CSP', async () => {
    const response = await serve(new Request('app://kiosk/__kiosk-fault.html'));
    expect(response.headers.get('content-security-policy')).toBe(FAULT_PAGE_CSP);
    expect(await response.text()).toMatch(/front desk/);
  });

  it('serves a held PDF once at its one-time URL, as application/pdf under the print CSP; HEAD does not use it up', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 summary');
    const { url } = printJobs.add(pdf);
    expect((await serve(new Request(url, { method: 'HEAD' }))).status).toBe(200);
    const first = await serve(new Request(url));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-security-policy')).toBe(PRINT_PDF_CSP);
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(pdf);
    const second = await serve(new Request(url));
    expect(second.status).toBe(404);
    expect(await second.text()).toBe('');
  });

  it('an unknown print token -> 404, nothing from disk', async () => {
    expect((await serve(new Request(`app://kiosk/__print/${'z'.repeat(43)}.pdf`))).status).toBe(404);
  });
});
