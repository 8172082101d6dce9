/**
 * The server's log: one JSON line per event, to stdout (journald keeps it under systemd).
 * Only fixed words, methods, route patterns, channel names, status and error codes, and
 * durations: never a payload, a cookie, a credential, a name or a client's address beyond
 * what the rate limiter needs in memory.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

export interface ServerLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
}

export function createServerLog(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): ServerLog {
  const emit = (level: string, event: string, fields: LogFields = {}) => write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  return { info: (e, f) => emit('info', e, f), warn: (e, f) => emit('warn', e, f) };
}

export const silentLog: ServerLog = { info: () => undefined, warn: () => undefined };
