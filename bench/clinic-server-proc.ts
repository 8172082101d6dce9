/**
 * The clinic server as a real child process for bench/clinic-load.ts: `node server/main.ts`,
 * configured through its environment as the systemd unit configures it (data folder, 127.0.0.1,
 * a free port, no plain-HTTP port, KIOSK_DATABASE_URL for PostgreSQL). A preload
 * (server-heap-probe.ts) lets the bench read its V8 heap; its RSS comes from /proc/<pid>/status.
 * The server's own JSON log (stdout) is tallied: status codes of every request, failed calls.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { wallNow } from './clinic-https.ts';

const SERVER_MAIN = fileURLToPath(new URL('../server/main.ts', import.meta.url));
const PROBE = fileURLToPath(new URL('./server-heap-probe.ts', import.meta.url));

export interface MemorySample {
  readonly at: number;
  /** VmRSS of the server process, bytes. */
  readonly rss: number;
  /** V8 heapUsed, bytes (NaN when the probe did not answer in time). */
  readonly heapUsed: number;
}

export interface ServerProcess {
  readonly pid: number;
  readonly origin: string;
  /** Requests the server logged, by HTTP status ("200", "429" ...). */
  readonly statuses: Map<string, number>;
  /** `call.failed` warnings, by channel and code. */
  readonly failedCalls: Map<string, number>;
  sampleMemory(): Promise<MemorySample>;
  /** SIGTERM (the server closes its streams, then the core), resolves on exit. */
  stop(): Promise<number | null>;
}

export interface ServerProcessOptions {
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly log: (line: string) => void;
}

function vmRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) * 1024;
}

function heapOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(Number.NaN), 2_000);
    const onMessage = (message: unknown) => {
      const heap = (message as { memory?: { heapUsed?: number } } | null)?.memory?.heapUsed;
      if (typeof heap === 'number') done(heap);
    };
    function done(value: number) {
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(value);
    }
    child.on('message', onMessage);
    child.send('memory');
  });
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KIOSK_SERVER_DATA_DIR: options.dataDir,
    KIOSK_SERVER_HOST: '127.0.0.1',
    KIOSK_SERVER_PORT: '0',
    KIOSK_SERVER_HTTP_PORT: 'off',
    KIOSK_SERVER_NAMES: '127.0.0.1,localhost',
  };
  delete env['KIOSK_DATABASE_URL'];
  delete env['KIOSK_DATABASE_MIGRATE_URL'];
  if (options.databaseUrl) env['KIOSK_DATABASE_URL'] = options.databaseUrl;
  const child = spawn(process.execPath, ['--import', PROBE, SERVER_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const statuses = new Map<string, number>();
  const failedCalls = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => void (stderr = (stderr + chunk).slice(-2_000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = new Promise<number>((resolve, reject) => {
    void exited.then((code) => reject(new Error(`the clinic server exited (${code}) before listening: ${stderr.trim().slice(-400)}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      if (entry['event'] === 'listening') resolve(Number(entry['httpsPort']));
      else if (entry['event'] === 'request') bump(statuses, String(entry['status']));
      else if (entry['event'] === 'call.failed') bump(failedCalls, `${String(entry['channel'])} ${String(entry['code'])}`);
      else if (entry['level'] === 'warn' && entry['event'] !== 'webapp.missing') options.log(`  server warning: ${String(entry['event'])}${typeof entry['code'] === 'string' ? ` (${entry['code']})` : ''}`);
    });
  });
  const httpsPort = await port;
  const pid = child.pid ?? 0;
  return {
    pid,
    origin: `https://127.0.0.1:${httpsPort}`,
    statuses,
    failedCalls,
    async sampleMemory() {
      const at = wallNow();
      const heapUsed = await heapOf(child);
      return { at, rss: vmRss(pid), heapUsed };
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
