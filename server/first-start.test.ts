/**
 * A fresh clinic server pairs its first browser (the admin's front-desk PC) with nobody on a
 * paired device to make a code: `node server/main.ts` (as `npm run serve`) runs as a child
 * process on an empty data folder and prints one line on stderr with a pairing code. The test
 * is that admin: it reads the line, downloads the clinic CA from the install page (plain HTTP,
 * as a device does), pairs over HTTPS trusting only that CA, and does the first-run setup (the
 * first admin). The structured log (stdout) never holds the code. Started again on the same
 * folder, with a device paired, the server prints no code.
 */
import { get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffSession, StaffStatus } from '../api/contract.ts';
import type { Result } from '../api/result.ts';
import { tempDir } from '../core/tests/helpers.ts';
import { appHeaders, callChannel, httpsCall } from './testing/test-server.ts';
import { freePort, startServerProcess, type ServerProcess } from './testing/server-process.ts';

const LINE_DEADLINE_MS = 20_000;
const FIRST_START = /^First start: .*code ([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}) at (https:\/\/\S+)\/ \(valid 10 minutes/;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(dataDir: string): Promise<ServerProcess & { readonly httpPort: number }> {
  const httpPort = await freePort();
  const server = await startServerProcess({ dataDir, port: await freePort(), httpPort });
  cleanups.push(() => server.stop());
  return Object.assign(server, { httpPort });
}

async function firstStartLine(server: ServerProcess): Promise<RegExpExecArray> {
  for (const end = Date.now() + LINE_DEADLINE_MS; Date.now() < end; await sleep(50)) {
    for (const line of server.stderr) {
      const match = FIRST_START.exec(line);
      if (match) return match;
    }
  }
  throw new Error(`No first-start line within ${LINE_DEADLINE_MS / 1000} s:\n${server.output.join('\n')}`);
}

function download(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${url}: ${res.statusCode}`))));
    }).on('error', reject);
  });
}

describe('the first start of a clinic server', () => {
  it('prints a code that pairs the first browser over HTTPS; the first admin follows; the log keeps no code; a second start prints none', async () => {
    const data = tempDir('clinic-first-start-');
    cleanups.push(data.cleanup);
    const first = await start(data.dir);

    const match = await firstStartLine(first);
    const [, code = '', url = ''] = match;
    expect(url).toBe(first.origin);
    // One line, and only one: the person at the server reads it.
    expect(first.stderr.filter((l) => l.startsWith('First start:'))).toEqual([match.input]);

    // The admin's PC: trust the clinic CA from the install page, then pair at the printed address.
    const caPem = await download(`http://127.0.0.1:${first.httpPort}/clinic-ca.crt`);
    const browser = { origin: url, caPem };
    const paired = await httpsCall(browser, '/pair', { method: 'POST', headers: appHeaders(browser), body: JSON.stringify({ code, name: 'Front desk PC' }) });
    expect(paired.json()).toMatchObject({ ok: true });
    const cookie = paired.headers['set-cookie']?.[0]?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^__Host-kiosk-device=/);

    // Single use: a second browser cannot pair with it.
    const again = await httpsCall(browser, '/pair', { method: 'POST', headers: appHeaders(browser), body: JSON.stringify({ code, name: 'Someone else' }) });
    expect(again.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

    // The paired browser sees the first-run setup and makes the first admin.
    const status = (await callChannel(browser, 'staff:status', {}, cookie)).json<Result<StaffStatus>>();
    expect(status).toMatchObject({ ok: true, value: { needsSetup: true } });
    const setup = (await callChannel(browser, 'staff:setup', { name: 'Dana Admin', pin: '482916' }, cookie)).json<Result<StaffSession>>();
    expect(setup).toMatchObject({ ok: true, value: { role: 'admin', name: 'Dana Admin' } });

    await first.stop();
    // The structured log: JSON only, the code's event without the code.
    const log = first.stdout.map((l) => JSON.parse(l) as { event: string; expiresAt?: string });
    expect(log.filter((e) => e.event === 'pairing.first_code_issued')).toEqual([expect.objectContaining({ expiresAt: expect.any(String) })]);
    expect(first.stdout.join('\n')).not.toContain(code);
    expect(first.stdout.join('\n')).not.toContain(code.replace('-', ''));

    // Started again with a device paired: no code at all. ("listening" comes after the check, and stop() reads to the end.)
    const second = await start(data.dir);
    await second.stop();
    expect(second.stdout.some((l) => l.includes('"event":"listening"'))).toBe(true);
    expect(second.stderr.filter((l) => l.includes('First start'))).toEqual([]);
    expect(second.stdout.filter((l) => l.includes('first_code'))).toEqual([]);
  }, 120_000);
});
