/**
 * Test harness: a clinic server core and kiosk cores in network mode whose transport calls
 * the server core's handler table directly, with a switch to make the server unreachable, hang,
 * or lose its answer after storing (the HTTPS transport, https-transport.ts, is tested against a
 * real server in server/https-transport.test.ts).
 */
import type { Channel, Request, Responses } from '../../../api/contract.ts';
import type { Result } from '../../../api/result.ts';
import type { Core } from '../../create-core.ts';
import { TEST_ORIGIN } from '../../tests/test-core.ts';
import type { Transport } from '../transport.ts';

/** up: answers; down: connection refused; hang: never answers; ack-lost: the server stores, the answer is lost. */
export type ServerState = 'up' | 'down' | 'hang' | 'ack-lost';

export interface SwitchableTransport {
  readonly transport: Transport;
  state: ServerState;
  /** Every intake the server answered stored (not duplicate), in arrival order. */
  readonly stored: string[];
  /** Every forward that reached the server. */
  calls: number;
}

export function transportTo(server: () => Core | null, deviceId: string, initial: ServerState = 'up', senderUrl = `${TEST_ORIGIN}/`): SwitchableTransport {
  const self: SwitchableTransport = {
    state: initial,
    stored: [],
    calls: 0,
    transport: async <C extends Channel>(channel: C, payload: Request<C>): Promise<Result<Responses[C]>> => {
      const core = server();
      if (self.state === 'down' || !core) throw new Error('connect ECONNREFUSED 127.0.0.1:8443');
      if (self.state === 'hang') return new Promise<never>(() => {});
      self.calls++;
      const result = await core.handlers[channel](payload, { senderUrl, caller: { id: deviceId, kind: 'kiosk-device' } });
      if (result.ok && channel === 'intake:forward') {
        const receipt = result.value as Responses['intake:forward'];
        if (!receipt.duplicate) self.stored.push(receipt.submissionId);
      }
      if (self.state === 'ack-lost') throw new Error('socket hang up');
      return result;
    },
  };
  return self;
}

export const NETWORK_CONFIG = {
  mode: 'network',
  serverUrl: 'https://clinic-server.test:8443',
  deviceCredentialRef: 'kiosk-device-credential',
  forwardTimeoutMs: 1_000,
  retryFirstMs: 100,
  retryMaxMs: 1_000,
  refusedRetryMs: 60 * 60_000,
} as const;
