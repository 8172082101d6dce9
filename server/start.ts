/**
 * Starts the clinic server over a core that is already open: the HTTPS app on the configured
 * address, the plain-HTTP helper port, the server certificate from the clinic CA (re-checked
 * daily: a renewed certificate is swapped in without a restart). main.ts opens the core from
 * the environment; the tests and e2e open one in a temp folder and call this the same way.
 */
import { X509Certificate } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { StaffSession } from '../api/contract.ts';
import { startFirstPairing, type FirstPairing } from '../core/devices/first-pairing.ts';
import type { DeviceRegistry } from '../core/devices/registry.ts';
import type { CoreEvents } from '../core/events/queue-events.ts';
import type { HandlerTable } from '../core/handler.ts';
import type { Clock } from '../core/ports.ts';
import { loadClinicCa } from '../core/signing/clinic-ca.ts';
import type { SecretStore } from '../core/signing/identity.ts';
import { loadOrIssueServerCertificate, type ServerCertificate } from '../core/signing/server-certificate.ts';
import { buildServerApp, type ServerLimits } from './app.ts';
import type { ServerConfig } from './config.ts';
import type { ServerLog } from './log.ts';
import type { OriginList } from './origins.ts';
import { createPlainHttpServer } from './plain-http.ts';

/** What the server needs of a core (createCore's Core provides all of it). */
export interface ServedCore {
  readonly handlers: HandlerTable;
  readonly events: CoreEvents;
  readonly devices: DeviceRegistry;
  readonly deps: {
    readonly secrets: SecretStore;
    readonly clock: Clock;
    readonly settings: { get(): { readonly clinicName: string } };
    readonly staff: { current(callerId: string): StaffSession | null };
    readonly resetSigningIdentity: () => void;
  };
}

export interface StartOptions {
  readonly config: ServerConfig;
  readonly core: ServedCore;
  /** The same list the core was created with as allowedOrigins. */
  readonly origins: OriginList;
  readonly webRoot: string | null;
  readonly log: ServerLog;
  readonly limits?: Partial<ServerLimits>;
  readonly heartbeatMs?: number;
  readonly headersTimeoutMs?: number;
  /**
   * Where the first-start pairing code goes while no device is paired (main.ts: stderr, a line
   * for the person at the server; never the structured log). Absent: no code is made (tests
   * that pair their own way).
   */
  readonly announceFirstPairing?: (line: string) => void;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly httpsPort: number;
  readonly httpPort: number | null;
  /** The first origin (https://first-name:port). */
  readonly origin: string;
  readonly certificate: ServerCertificate;
  close(): Promise<void>;
}

const RENEW_CHECK_MS = 24 * 60 * 60 * 1000;

export async function startClinicServer(options: StartOptions): Promise<RunningServer> {
  const { config, core, log } = options;
  const ca = await loadClinicCa({
    secrets: core.deps.secrets,
    clock: core.deps.clock,
    clinicName: () => core.deps.settings.get().clinicName,
    onIdentityReplaced: core.deps.resetSigningIdentity,
  });
  let certificate = await loadOrIssueServerCertificate(core.deps.secrets, ca, config.names, core.deps.clock);
  if (certificate.issued) log.info('certificate.issued', { names: certificate.names.join(','), notAfter: certificate.notAfter.toISOString() });
  options.origins.set(config.names, config.publicPort);

  const app = await buildServerApp({
    handlers: core.handlers,
    devices: core.devices,
    sessions: core.deps.staff,
    events: core.events,
    origins: options.origins.list,
    tls: { key: certificate.keyPem, cert: certificate.certPem },
    webRoot: options.webRoot,
    log,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.headersTimeoutMs ? { headersTimeoutMs: options.headersTimeoutMs } : {}),
  });
  await app.listen({ host: config.host, port: config.port });
  const httpsPort = (app.server.address() as AddressInfo).port;
  // Port 0 (tests): the origins are known only now.
  const publicPort = config.port === 0 ? httpsPort : config.publicPort;
  options.origins.set(config.names, publicPort);

  const renew = setInterval(() => void renewCertificate(), RENEW_CHECK_MS);
  renew.unref();
  async function renewCertificate(): Promise<void> {
    try {
      const next = await loadOrIssueServerCertificate(core.deps.secrets, ca, config.names, core.deps.clock);
      if (next.issued) {
        (app.server as unknown as { setSecureContext(o: { key: string; cert: string }): void }).setSecureContext({ key: next.keyPem, cert: next.certPem });
        certificate = next;
        log.info('certificate.renewed', { notAfter: next.notAfter.toISOString() });
      }
    } catch {
      log.warn('certificate.renewal_failed');
    }
  }

  let plain: Server | null = null;
  let httpPort: number | null = null;
  if (config.httpPort !== null) {
    const fingerprint = new X509Certificate(ca.pem).fingerprint256;
    plain = createPlainHttpServer({ caPem: ca.pem, clinicName: () => core.deps.settings.get().clinicName, names: config.names, httpsPort: publicPort, caFingerprint: fingerprint });
    const server = plain;
    await new Promise<void>((done, failed) => {
      server.once('error', failed);
      server.listen(config.httpPort ?? 0, config.host, () => done());
    });
    httpPort = (server.address() as AddressInfo).port;
  }
  const origin = () => options.origins.list[0] ?? `https://localhost:${httpsPort}`;
  const announce = options.announceFirstPairing;
  const firstPairing: FirstPairing | null = announce
    ? await startFirstPairing({
        devices: core.devices,
        clock: core.deps.clock,
        origin,
        announce,
        // The event and when the code expires; the code itself only in the announced line.
        onEvent: (event) => (event.kind === 'failed' ? log.warn('pairing.first_code_failed') : log.info(`pairing.first_code_${event.kind}`, event.kind === 'issued' ? { expiresAt: event.expiresAt } : {})),
      })
    : null;
  // After the first pairing check: a host that sees "listening" knows whether a code was made.
  log.info('listening', { httpsPort, httpPort: httpPort ?? 'off' });
  return {
    app,
    httpsPort,
    httpPort,
    origin: origin(),
    get certificate() {
      return certificate;
    },
    close: async () => {
      clearInterval(renew);
      firstPairing?.stop();
      await Promise.all([app.close(), plain ? new Promise<void>((done) => plain?.close(() => done())) : Promise.resolve()]);
    },
  };
}
