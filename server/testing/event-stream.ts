/**
 * Test helper: GET /api/events over HTTPS (trusting only the test server's clinic CA), with
 * every chunk kept and '<end>' pushed when the server ends the stream.
 */
import { request as httpsRequest } from 'node:https';
import type { TestServer } from './test-server.ts';

export interface EventStream {
  readonly events: string[];
  /** Resolves once `predicate` holds (checked after each chunk and at the end). */
  until(predicate: () => boolean): Promise<void>;
  status(): number;
  headers(): Record<string, unknown>;
  close(): void;
}

export function openEventStream(server: TestServer, cookie: string): EventStream {
  const events: string[] = [];
  let status = 0;
  let headers: Record<string, unknown> = {};
  let waiters: (() => void)[] = [];
  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };
  const req = httpsRequest(`${server.origin}/api/events`, { headers: { cookie, accept: 'text/event-stream' }, ca: server.caPem, agent: false }, (res) => {
    status = res.statusCode ?? 0;
    headers = res.headers;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      events.push(chunk);
      wake();
    });
    res.on('end', () => {
      events.push('<end>');
      wake();
    });
  });
  req.end();
  const until = (predicate: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (predicate() ? resolve() : waiters.push(check));
      check();
    });
  return { events, until, status: () => status, headers: () => headers, close: () => req.destroy() };
}
