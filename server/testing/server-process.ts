/**
 * The clinic server as a real child process, for the system e2e and the kill test: exactly
 * what `npm run serve` runs (`node server/main.ts`), configured through the environment
 * (server/config.ts), listening on 127.0.0.1 only. Spawned as `node server/main.ts` rather than
 * through npm: npm does not pass a SIGKILL on to its child, and the kill test needs the server
 * itself to die.
 *
 * `provisionServer` is the set-up before the first start: it opens the server's core on the same
 * data folder and database (the server is not running yet), creates the first admin and the
 * other staff, mints the clinic CA and makes pairing codes. (A server started with no paired
 * device prints a first browser code itself, core/devices/first-pairing.ts; server/first-start.test.ts
 * pairs with it. The system e2e makes its codes here, to know them before the server runs.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StaffRole } from '../../api/channels/common.ts';
import { createCore, type Core } from '../../core/create-core.ts';
import { createKeyFileProvider } from '../../core/crypto/key-file-provider.ts';
import type { StoreConfig } from '../../core/db/open-store.ts';
import type { DeviceKind } from '../../core/devices/registry.ts';
import type { KioskKey } from '../../core/network/kiosk-identity.ts';
import { loadClinicCa } from '../../core/signing/clinic-ca.ts';
import { SERVER_KEY_FILE } from '../config.ts';

const SERVER_MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;

export interface ServerProcessOptions {
  readonly dataDir: string;
  /** A fixed port, so a restarted server is where the kiosks already send (freePort()). */
  readonly port: number;
  /** postgres://… (KIOSK_DATABASE_URL); absent: SQLite in the data folder. */
  readonly databaseUrl?: string;
  /** The port devices use, when something relays to the server (KIOSK_SERVER_PUBLIC_PORT); default `port`. */
  readonly publicPort?: number;
  /** The plain-HTTP install page (the clinic CA's download, what a joining kiosk fetches); absent: off. */
  readonly httpPort?: number;
}

export interface ServerProcess {
  readonly pid: number;
  /** https://127.0.0.1:<public port> */
  readonly origin: string;
  /** The server's log lines (JSON, server/log.ts) and anything it wrote to stderr. */
  readonly output: readonly string[];
  /** Only its stdout: the structured log, one JSON object a line. */
  readonly stdout: readonly string[];
  /** Only what it wrote to stderr (the first-start pairing line, start-up errors). */
  readonly stderr: readonly string[];
  /** SIGKILL: no close, no last checkpoint. Resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, as systemd stops it: the server closes, then the core. */
  stop(): Promise<void>;
}

/** The server's environment: only what server/config.ts and core's store read, nothing inherited of ours. */
function serverEnv(options: ServerProcessOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('KIOSK_')) delete env[key];
  return {
    ...env,
    KIOSK_SERVER_DATA_DIR: options.dataDir,
    KIOSK_SERVER_HOST: '127.0.0.1',
    KIOSK_SERVER_PORT: String(options.port),
    KIOSK_SERVER_HTTP_PORT: options.httpPort === undefined ? 'off' : String(options.httpPort),
    KIOSK_SERVER_NAMES: '127.0.0.1',
    ...(options.publicPort ? { KIOSK_SERVER_PUBLIC_PORT: String(options.publicPort) } : {}),
    ...(options.databaseUrl ? { KIOSK_DATABASE_URL: options.databaseUrl } : {}),
  };
}

/** Starts `node server/main.ts`; resolves once it logged `listening`, rejects with its words if it exits first. */
export function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--no-warnings', SERVER_MAIN], { env: serverEnv(options), stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const stdout: string[] = [];
  const stderr: string[] = [];
  // 'close', not 'exit': the last log lines are read by then.
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  let buffer = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The clinic server did not start within ${START_TIMEOUT_MS / 1000} s:\n${output.join('\n')}`));
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`The clinic server exited before listening (code ${code}, signal ${signal}):\n${output.join('\n')}`));
    };
    child.once('exit', onExit);
    child.once('error', reject);
    child.stderr?.setEncoding('utf8');
    // Whole lines, as on stdout: a line split across two reads is still one line.
    let errBuffer = '';
    child.stderr?.on('data', (chunk: string) => {
      errBuffer += chunk;
      for (let nl = errBuffer.indexOf('\n'); nl >= 0; nl = errBuffer.indexOf('\n')) {
        const line = errBuffer.slice(0, nl);
        errBuffer = errBuffer.slice(nl + 1);
        output.push(line);
        stderr.push(line);
      }
    });
    child.stderr?.once('end', () => {
      if (errBuffer.trim()) {
        output.push(errBuffer.trimEnd());
        stderr.push(errBuffer.trimEnd());
      }
    });
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        output.push(line);
        stdout.push(line);
        if (line.includes('"event":"listening"')) {
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve(handle());
        }
      }
    });
  });

  function handle(): ServerProcess {
    const signal = async (name: NodeJS.Signals, timeoutMs: number) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(name);
      const timeout = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timeout);
    };
    return {
      pid: child.pid ?? 0,
      origin: `https://127.0.0.1:${options.publicPort ?? options.port}`,
      output,
      stdout,
      stderr,
      kill: () => signal('SIGKILL', STOP_TIMEOUT_MS),
      stop: () => signal('SIGTERM', STOP_TIMEOUT_MS),
    };
  }
}

/** A port free on 127.0.0.1 just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** The store the server opens for these options (as storeConfigFromEnv would). */
export function serverStore(options: Pick<ServerProcessOptions, 'dataDir' | 'databaseUrl'>): StoreConfig {
  return options.databaseUrl ? { engine: 'postgres', url: options.databaseUrl } : { engine: 'sqlite', file: join(options.dataDir, 'kiosk.db') };
}

/**
 * The server's core, opened in this process on its data folder and database: before the first
 * start (provisioning) or after the last stop (checking what it stored). Never while the server runs.
 */
export function openServerCore(options: Pick<ServerProcessOptions, 'dataDir' | 'databaseUrl'>, origin = 'https://127.0.0.1'): Promise<Core> {
  return createCore({
    dataDir: options.dataDir,
    database: serverStore(options),
    keyProvider: createKeyFileProvider(join(options.dataDir, SERVER_KEY_FILE)),
    allowedOrigins: [origin],
  });
}

export interface StaffToProvision {
  readonly name: string;
  readonly pin: string;
  readonly role: StaffRole;
}

export interface ProvisionedKiosk {
  readonly deviceId: string;
  readonly credential: string;
  readonly certificatePem: string;
  readonly caCertificatePem: string;
}

export interface Provisioned {
  /** The clinic root CA (PEM): what devices install to trust the server. */
  readonly caPem: string;
  /** One fresh pairing code per entry of `codes`, in order. */
  readonly codes: readonly string[];
  /** Kiosks paired already (the kill test; the e2e pairs its kiosks over HTTPS). */
  readonly kiosks: readonly ProvisionedKiosk[];
}

export async function provisionServer(
  options: Pick<ServerProcessOptions, 'dataDir' | 'databaseUrl'> & {
    /** The first is the first admin. */
    readonly staff: readonly StaffToProvision[];
    readonly codes?: readonly DeviceKind[];
    readonly kiosks?: readonly { readonly name: string; readonly key: KioskKey }[];
  },
): Promise<Provisioned> {
  const core = await openServerCore(options);
  try {
    const [first, ...others] = options.staff;
    if (!first || first.role !== 'admin') throw new Error('The first staff member to provision must be an admin.');
    await core.deps.staff.setupFirstAdmin(first.name, first.pin, 'provisioning');
    core.deps.staff.lock('provisioning');
    for (const member of others) await core.deps.staff.addStaff(member.name, member.role, member.pin);
    const adminId = (await core.deps.staff.roster()).find((s) => s.name === first.name)?.staffId ?? 'provisioning';
    const ca = await loadClinicCa({ secrets: core.deps.secrets, clock: core.deps.clock, clinicName: () => core.deps.settings.get().clinicName, onIdentityReplaced: core.deps.resetSigningIdentity });
    const codes: string[] = [];
    for (const kind of options.codes ?? []) codes.push((await core.devices.createPairingCode({ staffId: adminId }, kind)).code);
    const kiosks: ProvisionedKiosk[] = [];
    for (const kiosk of options.kiosks ?? []) {
      const { code } = await core.devices.createPairingCode({ staffId: adminId }, 'kiosk');
      const pairing = await core.devices.redeem(code, { name: kiosk.name, kind: 'kiosk', publicKeyPem: kiosk.key.publicKeyPem });
      if (!pairing?.certificatePem || !pairing.caCertificatePem) throw new Error(`Pairing ${kiosk.name} gave no certificate.`);
      kiosks.push({ deviceId: pairing.device.id, credential: pairing.credential, certificatePem: pairing.certificatePem, caCertificatePem: pairing.caCertificatePem });
    }
    return { caPem: ca.pem, codes, kiosks };
  } finally {
    await core.close();
  }
}
