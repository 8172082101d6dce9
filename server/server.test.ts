/**
 * The clinic server end to end over real HTTPS on 127.0.0.1: a real core, the certificate from
 * its clinic CA, a client that trusts only that CA. Each test says what a device would notice.
 */
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../api/result.ts';
import { WEB_APP_CSP } from '../core/csp.ts';
import { MAX_PAYLOAD_BYTES } from '../core/handler.ts';
import { openEventStream } from './testing/event-stream.ts';
import { appHeaders, callChannel, httpCall, httpsCall, pairBrowser, startTestServer, type TestServer, healthyIntake } from './testing/test-server.ts';

const PIN = '424242';
let server: TestServer;
let webRoot: string;
const logLines: string[] = [];

const intake = () => healthyIntake(60_000);
/** The lobby kiosk's own window submitting (the server's core stands in for a kiosk's here). */
const kioskSubmits = () => server.core.handlers['intake:submit'](intake(), { senderUrl: `${server.origin}/`, caller: { id: 'lobby-kiosk', kind: 'kiosk' } });

async function signedInDevice(): Promise<string> {
  const cookie = await pairBrowser(server);
  const roster = (await callChannel(server, 'staff:roster', {}, cookie)).json<Result<{ staffId: string }[]>>();
  if (!roster.ok) throw new Error('roster refused');
  const staffId = roster.value[0]?.staffId ?? '';
  const login = (await callChannel(server, 'staff:login', { staffId, pin: PIN }, cookie)).json<Result<unknown>>();
  expect(login.ok).toBe(true);
  return cookie;
}

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'web-root-'));
  writeFileSync(join(webRoot, 'web.html'), '<!doctype html><title>Staff</title>');
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Kiosk</title>');
  server = await startTestServer({ webRoot, limits: { perDevicePerMinute: 40, pairPerAddressPerMinute: 1_000 }, log: { info: (e, f) => logLines.push(JSON.stringify({ e, ...f })), warn: (e, f) => logLines.push(JSON.stringify({ e, ...f })) } });
  // First-run setup from a paired device: the clinic's first admin.
  const cookie = await pairBrowser(server, 'Front desk PC');
  const setup = (await callChannel(server, 'staff:setup', { name: 'Dana Admin', pin: PIN }, cookie)).json<Result<unknown>>();
  expect(setup.ok).toBe(true);
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('the typed contract over HTTPS', () => {
  it('a paired device calls a channel and gets the same Result the kiosk would', async () => {
    const cookie = await signedInDevice();
    const res = await callChannel(server, 'queue:list', { status: 'all', limit: 10 }, cookie);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({ ok: true, value: { items: expect.any(Array) } });
    // A handler's refusal is a 200 with its typed Result, e.g. a payload the schema refuses.
    const bad = await callChannel(server, 'submission:get', { submissionId: 'not-a-uuid' }, cookie);
    expect(bad.status).toBe(200);
    expect(bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('a staff session belongs to the device: another paired device is not signed in', async () => {
    await signedInDevice();
    const other = await pairBrowser(server, 'Room 3 tablet');
    const res = await callChannel(server, 'queue:list', { status: 'all', limit: 10 }, other);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it.each([
    ['unknown channel', 'nothing:here', '{}', 404, 'not_found'],
    ['kiosk-only channel (the client intake)', 'intake:submit', JSON.stringify(intake()), 403, 'forbidden'],
    ['kiosk-only channel (leaving kiosk mode)', 'kiosk:quit', '{}', 403, 'forbidden'],
    ['bad JSON', 'staff:status', '{"oops"', 400, 'invalid_request'],
    ['prototype pollution', 'staff:status', '{"__proto__":{"x":1}}', 400, 'invalid_request'],
  ])('%s is refused with a typed error', async (_label, channel, body, status, code) => {
    const cookie = await pairBrowser(server);
    const before = (await server.core.deps.submissions.list({ status: 'all', limit: 500 })).length;
    const res = await httpsCall(server, `/api/${channel}`, { method: 'POST', headers: appHeaders(server, cookie), body });
    expect(res.status).toBe(status);
    expect(res.json()).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    expect(await server.core.deps.submissions.list({ status: 'all', limit: 500 })).toHaveLength(before);
  });

  it('a body over the IPC limit is refused before any handler runs', async () => {
    const cookie = await pairBrowser(server);
    const body = JSON.stringify({ name: 'x'.repeat(MAX_PAYLOAD_BYTES + 10), pin: PIN });
    const res = await httpsCall(server, '/api/staff:setup', { method: 'POST', headers: appHeaders(server, cookie), body });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'invalid_request', message: 'The request is too large.' } });
  });
});

describe('only paired devices, only the web app', () => {
  it.each([
    ['no cookie', undefined],
    ['a forged credential', '__Host-kiosk-device=00000000-0000-0000-0000-000000000000.forged'],
    ['a malformed cookie', '__Host-kiosk-device=<script>'],
  ])('%s: refused as not paired', async (_label, cookie) => {
    const res = await callChannel(server, 'staff:status', {}, cookie);
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'not_paired' } });
  });

  it('a revoked device is refused at once', async () => {
    const code = await server.pairingCode('browser');
    const paired = await httpsCall(server, '/pair', { method: 'POST', headers: appHeaders(server), body: JSON.stringify({ code, name: 'Lost tablet' }) });
    const cookie = paired.headers['set-cookie']?.[0]?.split(';')[0] ?? '';
    const body = paired.json<Result<{ deviceId: string }>>();
    expect((await callChannel(server, 'staff:status', {}, cookie)).status).toBe(200);
    expect(await server.devices.revoke(body.ok ? body.value.deviceId : '', { staffId: 'admin' })).toBe(true);
    expect((await callChannel(server, 'staff:status', {}, cookie)).json()).toMatchObject({ ok: false, error: { code: 'not_paired' } });
  });

  it('pairing sets a __Host- cookie that scripts cannot read and other sites never send', async () => {
    const code = await server.pairingCode('browser');
    const res = await httpsCall(server, '/pair', { method: 'POST', headers: appHeaders(server), body: JSON.stringify({ code, name: 'Room 1 tablet' }) });
    expect(res.json()).toMatchObject({ ok: true });
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^__Host-kiosk-device=[^;]+; Max-Age=\d+; Path=\/; Secure; HttpOnly; SameSite=Strict$/);
    // Single use: the same code again pairs nothing.
    const again = await httpsCall(server, '/pair', { method: 'POST', headers: appHeaders(server), body: JSON.stringify({ code, name: 'Thief' }) });
    expect(again.json()).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/wrong, expired or already used/) } });
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['without X-Kiosk-Request', (h: Record<string, string>) => ({ ...h, 'x-kiosk-request': '' })],
    ['from another origin', (h: Record<string, string>) => ({ ...h, origin: 'https://evil.example' })],
    ['without an Origin', (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'origin'))],
  ])('a POST %s is refused (CSRF) and changes nothing', async (_label, change) => {
    const cookie = await signedInDevice();
    const res = await httpsCall(server, '/api/staff:lock', { method: 'POST', headers: change(appHeaders(server, cookie)), body: '{}' });
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    // The session is still there: the forged lock did nothing.
    const status = (await callChannel(server, 'staff:status', {}, cookie)).json<Result<{ session: unknown }>>();
    expect(status.ok && status.value.session).not.toBeNull();
    const pair = await httpsCall(server, '/pair', { method: 'POST', headers: change(appHeaders(server)), body: JSON.stringify({ code: await server.pairingCode(), name: 'x' }) });
    expect(pair.status).toBe(403);
  });

  it('a Host that is not one of the server names is refused (DNS rebinding)', async () => {
    const res = await httpsCall(server, '/api/staff:status', { method: 'POST', headers: { ...appHeaders(server), host: 'evil.example' }, body: '{}', servername: 'localhost' });
    expect(res.status).toBe(421);
  });

  it('a device over its rate limit gets 429 with a typed error and when to retry', async () => {
    const cookie = await pairBrowser(server);
    const answers: number[] = [];
    for (let i = 0; i < 45; i++) answers.push((await callChannel(server, 'staff:status', {}, cookie)).status);
    expect(answers.slice(0, 40).every((s) => s === 200)).toBe(true);
    const limited = await callChannel(server, 'staff:status', {}, cookie);
    expect(limited.status).toBe(429);
    const body = limited.json<Result<never>>();
    expect(body).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(!body.ok && Date.parse(body.error.retryAt ?? '')).toBeGreaterThan(Date.now());
    // Another device is not slowed down by this one.
    expect((await callChannel(server, 'staff:status', {}, await pairBrowser(server))).status).toBe(200);
  });
});

describe('what every response carries', () => {
  it.each([
    ['an API answer', '/api/staff:status', 'POST'],
    ['a refusal', '/api/nothing', 'GET'],
    ['the web app page', '/', 'GET'],
  ])('%s has HSTS, the strict CSP, nosniff, no referrer, no framing', async (_label, path, method) => {
    const res = await httpsCall(server, path, { method, headers: appHeaders(server), ...(method === 'POST' ? { body: '{}' } : {}) });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(res.headers['content-security-policy']).toBe(WEB_APP_CSP);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('serves the staff web app, never the kiosk client page', async () => {
    expect((await httpsCall(server, '/')).text).toContain('<title>Staff</title>');
    expect((await httpsCall(server, '/index.html')).status).toBe(404);
  });

  it('an HTTPS client that does not trust the clinic CA cannot connect', async () => {
    const error = await new Promise<Error>((resolve) => {
      const req = httpsRequest(`${server.origin}/`, { agent: false }, () => resolve(new Error('connected')));
      req.on('error', resolve);
      req.end();
    });
    expect((error as NodeJS.ErrnoException).code).toMatch(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/);
  });

  it('logs carry no cookie, credential, PIN or name', async () => {
    const cookie = await signedInDevice();
    const all = logLines.join('\n');
    expect(all).toContain('"route":"/api/:channel"');
    expect(all).not.toContain(cookie.split('=')[1] ?? '');
    expect(all).not.toContain(PIN);
    expect(all).not.toContain('Dana');
    expect(all).not.toContain('tablet');
  });
});

describe('the live queue (Server-Sent Events)', () => {
  const openStream = (cookie: string) => openEventStream(server, cookie);

  it('a signed-in device hears about a new intake and an acknowledgement, and nothing else crosses', async () => {
    const cookie = await signedInDevice();
    const stream = openStream(cookie);
    await stream.until(() => stream.events.join('').includes(': connected'));
    expect(stream.status()).toBe(200);
    expect(stream.headers()['content-type']).toMatch(/^text\/event-stream/);
    const receipt = await kioskSubmits();
    expect(receipt.ok).toBe(true);
    await stream.until(() => stream.events.join('').includes('event: queue'));
    expect(stream.events.join('')).toContain('event: queue\ndata: {}\n\n');
    expect(stream.events.join('')).not.toContain('Ana'); // no name, no id: the device reloads the queue
    const submissionId = receipt.ok ? receipt.value.submissionId : '';
    const ack = (await callChannel(server, 'submission:acknowledge', { submissionId, flagsRead: [] }, cookie)).json<Result<unknown>>();
    expect(ack.ok).toBe(true);
    await stream.until(() => (stream.events.join('').match(/event: queue/g) ?? []).length >= 2);
    stream.close();
  });

  it('without a staff session the stream is refused; a lock ends it', async () => {
    const unsigned = await pairBrowser(server);
    const refused = openStream(unsigned);
    await refused.until(() => refused.events.includes('<end>'));
    expect(refused.status()).toBe(401);
    expect(JSON.parse(refused.events.slice(0, -1).join(''))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const cookie = await signedInDevice();
    const stream = openStream(cookie);
    await stream.until(() => stream.events.join('').includes(': connected'));
    await callChannel(server, 'staff:lock', {}, cookie);
    await kioskSubmits();
    await stream.until(() => stream.events.includes('<end>'));
    expect(stream.events.join('')).not.toContain('event: queue');
  });

  it('an unpaired browser cannot open the stream', async () => {
    const stream = openStream('__Host-kiosk-device=nope.nope');
    await stream.until(() => stream.events.includes('<end>'));
    expect(stream.status()).toBe(401);
  });
});

describe('the plain-HTTP port', () => {
  it('redirects every path to HTTPS on one of the server names', async () => {
    const res = await httpCall(server, '/api/queue?x=1', { host: `127.0.0.1:${server.server.httpPort}` });
    expect(res.status).toBe(308);
    expect(res.headers.location).toBe(`${server.origin}/api/queue?x=1`);
    const foreign = await httpCall(server, '/login', { host: 'evil.example' });
    expect(foreign.headers.location).toMatch(new RegExp(`^https://(127\\.0\\.0\\.1|localhost):${server.server.httpsPort}/login$`));
  });

  it('explains how to install the clinic CA and serves the CA certificate', async () => {
    const page = await httpCall(server, '/');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/iPad/);
    expect(page.text).toMatch(/Android/);
    expect(page.text).toMatch(/Windows/);
    expect(page.text).toMatch(/macOS/);
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    const ca = await httpCall(server, '/clinic-ca.crt');
    expect(ca.status).toBe(200);
    expect(ca.text.trim()).toBe(server.caPem.trim());
    expect(ca.headers['content-type']).toBe('application/x-x509-ca-cert');
  });
});
