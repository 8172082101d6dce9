/**
 * The clinic server's settings, from the environment (build/clinic-server.service sets them):
 *
 *   KIOSK_SERVER_DATA_DIR   data folder (database, key file)            default ./server-data
 *   KIOSK_SERVER_HOST       address to listen on                         default 0.0.0.0
 *   KIOSK_SERVER_PORT       HTTPS port                                   default 8443
 *   KIOSK_SERVER_HTTP_PORT  plain HTTP: redirect + "install the CA" page default 8080 ("off": none)
 *   KIOSK_SERVER_NAMES      host names and IPs devices use, comma-separated (the certificate's
 *                           subjectAltName and the origins accepted)     default: this host's name,
 *                           <name>.local, localhost, 127.0.0.1, ::1 and the LAN addresses
 *   KIOSK_SERVER_PUBLIC_PORT the HTTPS port devices see (a firewall may forward 443)  default the port
 *   KIOSK_DATABASE_URL      PostgreSQL, read by core's storeConfigFromEnv where it exists
 */
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { normalizeNames } from '../core/signing/server-certificate.ts';

export interface ServerConfig {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly httpPort: number | null;
  readonly publicPort: number;
  readonly names: readonly string[];
}

/** The key file in the data folder that wraps the data key (docs/CLINIC-NETWORK.md, backups). */
export const SERVER_KEY_FILE = 'data-key.kek';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function port(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new ConfigError(`${what} must be a port number (0-65535), not "${value}".`);
  return n;
}

/** This machine's own names and addresses: what a tablet on the LAN is likely to type. */
export function defaultNames(): string[] {
  const host = hostname().toLowerCase();
  const lan = Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i && !i.internal && i.family === 'IPv4' ? [i.address] : []));
  const names = [host, ...(host.includes('.') ? [] : [`${host}.local`]), 'localhost', '127.0.0.1', '::1', ...lan];
  // A hostname that is not a DNS label (underscores...) cannot go in a certificate: leave it out.
  return names.filter((n) => {
    try {
      normalizeNames([n]);
      return true;
    } catch {
      return false;
    }
  });
}

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const httpsPort = port(env['KIOSK_SERVER_PORT'], 8443, 'KIOSK_SERVER_PORT');
  const httpRaw = env['KIOSK_SERVER_HTTP_PORT'];
  const names = env['KIOSK_SERVER_NAMES'] ? env['KIOSK_SERVER_NAMES'].split(',') : defaultNames();
  let normalized: string[];
  try {
    normalized = normalizeNames(names);
  } catch (error) {
    throw new ConfigError(`KIOSK_SERVER_NAMES: ${(error as Error).message}`);
  }
  if (normalized.length === 0) throw new ConfigError('KIOSK_SERVER_NAMES names no host name or IP address.');
  const host = env['KIOSK_SERVER_HOST'] || '0.0.0.0';
  if (isIP(host) === 0 && host !== 'localhost') throw new ConfigError(`KIOSK_SERVER_HOST must be an IP address to listen on, not "${host}".`);
  return {
    dataDir: resolve(cwd, env['KIOSK_SERVER_DATA_DIR'] || 'server-data'),
    host,
    port: httpsPort,
    httpPort: httpRaw === 'off' ? null : port(httpRaw, 8080, 'KIOSK_SERVER_HTTP_PORT'),
    publicPort: port(env['KIOSK_SERVER_PUBLIC_PORT'], httpsPort, 'KIOSK_SERVER_PUBLIC_PORT'),
    names: normalized,
  };
}

/** https://name[:port] for each name (IPv6 in brackets): the origins a browser of this server sends. */
export function originsFor(names: readonly string[], publicPort: number): string[] {
  const suffix = publicPort === 443 ? '' : `:${publicPort}`;
  return names.map((n) => `https://${isIP(n) === 6 ? `[${n}]` : n}${suffix}`);
}
