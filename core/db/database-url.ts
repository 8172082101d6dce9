/**
 * KIOSK_DATABASE_URL, checked before the driver sees it: a postgres:// URL with a host and a
 * database name. Errors name the problem and never repeat the URL (it may hold a password).
 */
import { DatabaseConfigError } from './errors.ts';

export interface DatabaseUrl {
  readonly user: string;
  readonly database: string;
  /** host:port, for messages. */
  readonly where: string;
  /** The URL without its password, for logs. */
  readonly redacted: string;
}

export function parseDatabaseUrl(value: string): DatabaseUrl {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The TypeError carries the input (with any password), so it is dropped, not wrapped.
    throw new DatabaseConfigError('KIOSK_DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new DatabaseConfigError(`KIOSK_DATABASE_URL must start with postgres:// (it starts with ${url.protocol}//).`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!url.hostname) throw new DatabaseConfigError('KIOSK_DATABASE_URL names no host; expected postgres://user:password@host:5432/database.');
  if (!database) throw new DatabaseConfigError('KIOSK_DATABASE_URL names no database; expected postgres://user:password@host:5432/database.');
  const user = decodeURIComponent(url.username) || '(default user)';
  const where = `${url.hostname}:${url.port || '5432'}`;
  const redacted = `postgres://${url.username ? `${url.username}@` : ''}${where}/${database}`;
  return { user, database, where, redacted };
}
