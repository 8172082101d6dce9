/**
 * How a kiosk reaches the clinic server: one call, the same typed contract as every channel
 * (channel name, request, `Result` answer). The HTTPS client implements it in the host; tests
 * pass the server core's handler table. It may throw or never answer: the forwarder bounds
 * every call with a timeout and counts both as "the server could not be reached".
 */
import type { Channel, Request, Responses } from '../../api/contract.ts';
import type { Result } from '../../api/result.ts';

export type Transport = <C extends Channel>(channel: C, payload: Request<C>) => Promise<Result<Responses[C]>>;
