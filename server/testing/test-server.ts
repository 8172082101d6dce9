/**
 * A real clinic server for tests and e2e: a real core in a temp folder, HTTPS on 127.0.0.1
 * (ephemeral ports), the certificate issued by that core's clinic CA, and an HTTPS client that
 * trusts exactly that CA: every connection verifies the server's certificate against it.
 */
import { randomUUID } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { createCore, type Core } from '../../core/create-core.ts';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { createKeyFileProvider } from '../../core/crypto/key-file-provider.ts';
import type { DeviceKind, DeviceRegistry } from '../../core/devices/registry.ts';
import type { Clock } from '../../core/ports.ts';
import { tempDir } from '../../core/tests/helpers.ts';
import type { ServerLimits } from '../app.ts';
import { silentLog, type ServerLog } from '../log.ts';
import { createOriginList } from '../origins.ts';
import { startClinicServer, type RunningServer } from '../start.ts';

export interface TestServer {
  readonly core: Core;
  readonly server: RunningServer;
  /** The core's device registry (core/devices), as the server uses it. */
  readonly devices: DeviceRegistry;
  /** A fresh single-use pairing code, as an admin would create it. */
  pairingCode(kind?: DeviceKind): Promise<string>;
  /** https://127.0.0.1:<port> */
  readonly origin: string;
  readonly caPem: string;
  readonly dataDir: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly limits?: Partial<ServerLimits>;
  readonly webRoot?: string | null;
  readonly clock?: Clock;
  readonly log?: ServerLog;
  readonly heartbeatMs?: number;
  readonly headersTimeoutMs?: number;
  /** The registry the server uses, made from the core's (a failing store, a slow one). Default: the core's. */
  readonly devices?: (real: DeviceRegistry) => DeviceRegistry;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const tmp = tempDir('clinic-server-');
  const origins = createOriginList();
  const names = ['127.0.0.1', 'localhost'];
  const core = await createCore({
    dataDir: tmp.dir,
    keyProvider: createKeyFileProvider(join(tmp.dir, 'data-key.kek')),
    allowedOrigins: origins.list,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const server = await startClinicServer({
    config: { dataDir: tmp.dir, host: '127.0.0.1', port: 0, httpPort: 0, publicPort: 0, names },
    core: options.devices ? { handlers: core.handlers, events: core.events, deps: core.deps, devices: options.devices(core.devices) } : core,
    origins,
    webRoot: options.webRoot ?? null,
    log: options.log ?? silentLog,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.headersTimeoutMs ? { headersTimeoutMs: options.headersTimeoutMs } : {}),
  });
  const origin = `https://127.0.0.1:${server.httpsPort}`;
  return {
    core,
    server,
    devices: core.devices,
    pairingCode: async (kind = 'browser') => (await core.devices.createPairingCode({ staffId: 'test-admin' }, kind)).code,
    origin,
    caPem: server.certificate.caPem,
    dataDir: tmp.dir,
    close: async () => {
      await server.close();
      await core.close();
      tmp.cleanup();
    },
  };
}

export interface TestResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  json<T = unknown>(): T;
}

export interface TestRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** TLS server name to check the certificate against (default: the URL's host). */
  readonly servername?: string;
}

/** An HTTPS request to the test server, trusting only its clinic CA. */
export function httpsCall(server: Pick<TestServer, 'origin' | 'caPem'>, path: string, init: TestRequest = {}): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${server.origin}${path}`,
      { method: init.method ?? 'GET', headers: { ...init.headers }, ca: server.caPem, agent: false, ...(init.servername ? { servername: init.servername } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** A plain-HTTP request to the server's helper port. */
export function httpCall(server: TestServer, path: string, headers: Readonly<Record<string, string>> = {}): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`http://127.0.0.1:${server.server.httpPort}${path}`, { headers: { ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The headers the web app sends with every POST. */
export function appHeaders(server: Pick<TestServer, 'origin'>, cookie?: string): Record<string, string> {
  return { 'content-type': 'application/json', 'x-kiosk-request': '1', origin: server.origin, ...(cookie ? { cookie } : {}) };
}

/** Pairs a browser with a fresh code; returns its cookie header value. */
export async function pairBrowser(server: TestServer, name = 'Room 2 tablet'): Promise<string> {
  const code = await server.pairingCode('browser');
  const res = await httpsCall(server, '/pair', { method: 'POST', headers: appHeaders(server), body: JSON.stringify({ code, name }) });
  const setCookie = res.headers['set-cookie']?.[0];
  if (!setCookie) throw new Error(`Pairing failed: ${res.text}`);
  return setCookie.split(';')[0] ?? '';
}

/** POST /api/<channel> as the web app would. */
export function callChannel(server: Pick<TestServer, 'origin' | 'caPem'>, channel: string, payload: unknown, cookie?: string): Promise<TestResponse> {
  return httpsCall(server, `/api/${channel}`, { method: 'POST', headers: appHeaders(server, cookie), body: JSON.stringify(payload) });
}

/** A healthy client's `intake:submit` request for the default form, started `startedMsAgo` before now. */
export function healthyIntake(startedMsAgo: number) {
  return {
    submissionId: randomUUID(),
    formId: 'massage-intake',
    formVersion: DEFAULT_INTAKE_FORM.version,
    language: 'en',
    answers: HEALTHY_CLIENT_ANSWERS,
    startedAt: new Date(Date.now() - startedMsAgo).toISOString(),
  };
}
