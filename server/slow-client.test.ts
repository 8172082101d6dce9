/**
 * Slow-loris: a client that opens a TLS connection and dribbles its request headers is cut off
 * by the server once the headers deadline passes (here shortened to 1 s), instead of holding the
 * socket. No timing is asserted: only that the server, not the client, ends the connection, and
 * that a normal client is served meanwhile.
 */
import { connect } from 'node:tls';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callChannel, startTestServer, type TestServer } from './testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ headersTimeoutMs: 1_000 });
});
afterAll(() => server?.close());

it('a client that never finishes its headers is disconnected by the server', async () => {
  const socket = connect({ host: '127.0.0.1', port: server.server.httpsPort, ca: server.caPem, servername: 'localhost' });
  await new Promise<void>((resolve, reject) => {
    socket.once('secureConnect', resolve);
    socket.once('error', reject);
  });
  socket.write(`POST /api/staff:status HTTP/1.1\r\nHost: 127.0.0.1:${server.server.httpsPort}\r\nX-Slow: 1\r\n`);
  // A trickle of header bytes, never the blank line that ends them.
  const trickle = setInterval(() => socket.writable && socket.write('X-More: 1\r\n'), 200);
  const answer = await new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.once('close', () => resolve(text));
  });
  clearInterval(trickle);
  // Node answers 408 Request Timeout (or just closes) once the deadline has passed.
  expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
  // Meanwhile the server is fine for everyone else.
  expect((await callChannel(server, 'staff:status', {})).status).toBe(401);
}, 60_000);
