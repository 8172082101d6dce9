/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp dir, start on
 * a free port on 127.0.0.1 only, stop and delete after. initdb refuses to run as root, so as
 * root the cluster runs as the `postgres` user Debian's package creates (through runuser).
 * Password authentication over TCP (scram-sha-256) so tests can present wrong credentials.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface PgCluster {
  /** Superuser URL (user `kiosk`) of the `postgres` database. */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
}

const SUPERUSER = 'kiosk';

/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const override = process.env['KIOSK_PG_BIN'];
  if (override) return existsSync(join(override, 'initdb')) ? override : null;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  for (const dir of (process.env['PATH'] ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  return null;
}

interface RunAs {
  readonly uid: number;
  readonly gid: number;
  /** Prefix for commands: runuser as root, nothing otherwise. */
  readonly prefix: readonly string[];
}

function runAs(): RunAs {
  if (process.getuid?.() !== 0) return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, prefix: [] };
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid, prefix: ['runuser', '-u', 'postgres', '--'] };
  } catch {
    throw new Error('Running as root, and there is no `postgres` user to run the test cluster as (initdb refuses root).');
  }
}

function run(as: RunAs, command: string, args: readonly string[]): void {
  const [file, ...rest] = [...as.prefix, command, ...args];
  execFileSync(file!, rest, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startCluster(bin: string, parent = tmpdir()): Promise<PgCluster> {
  const as = runAs();
  const dir = mkdtempSync(join(parent, 'kiosk-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(16).toString('hex');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  chownSync(dir, as.uid, as.gid);
  chownSync(pwfile, as.uid, as.gid);
  try {
    run(as, join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync']);
    rmSync(pwfile);
    // A port picked free can be taken before the server binds it: try a few.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      try {
        // fsync off: a test cluster is thrown away; durability of the real store is PostgreSQL's defaults.
        const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
        run(as, join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
        return { url: `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/postgres`, port, dir };
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Stops the server (immediate: the data is thrown away) and deletes its directory. */
export function stopCluster(bin: string, dir: string): void {
  const as = runAs();
  try {
    run(as, join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
