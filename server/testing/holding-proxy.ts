/**
 * A TCP relay between the kiosks and the clinic server (the TLS inside is end to end: it sees
 * only encrypted bytes), for the kill test's worst moment: the server has stored an intake and
 * is answering, and dies before the kiosk hears the answer. `holdNextAnswer()` makes the relay
 * keep the next answer to a large request (an intake's forward carries its signed PDF; a TLS
 * handshake or a small call does not come near the threshold) from reaching the kiosk, and
 * resolves once that answer has left the server: the server had committed it by then.
 * `cutHeld()` then drops those connections, as a server that died mid-answer would.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

/** Bytes the kiosk sent on a connection since its last answer above which that answer is a forward's. */
const LARGE_REQUEST_BYTES = 32 * 1024;

export interface HoldingProxy {
  readonly port: number;
  /** Resolves when the server has begun the answer to a forward, which the kiosk will not get. */
  holdNextAnswer(): Promise<void>;
  /** Drops the connections whose answer was held. */
  cutHeld(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(targetPort: number): Promise<HoldingProxy> {
  const sockets = new Set<Socket>();
  const held = new Set<Socket>();
  let armed: (() => void) | null = null;
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let sentSinceAnswer = 0;
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
      held.delete(client);
    };
    client.on('data', (chunk: Buffer) => {
      sentSinceAnswer += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (held.has(client)) return;
      if (armed && sentSinceAnswer >= LARGE_REQUEST_BYTES) {
        held.add(client);
        const resolve = armed;
        armed = null;
        resolve();
        return;
      }
      sentSinceAnswer = 0;
      client.write(chunk);
    });
    for (const socket of [client, upstream]) {
      socket.on('error', drop);
      socket.on('close', drop);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The relay has no TCP address.');
  return {
    port: address.port,
    holdNextAnswer: () => new Promise<void>((resolve) => (armed = resolve)),
    cutHeld: () => {
      for (const socket of held) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
