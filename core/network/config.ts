/**
 * A kiosk's network-mode settings, as the host reads them from its config (electron: the kiosk's
 * config file; tests: an object). Parsed with zod at start-up; a bad config stops the kiosk with
 * a sentence an installer can act on, never half a network mode.
 */
import { z } from 'zod';

const ms = (min: number, max: number, fallback: number) => z.number().int().min(min).max(max).default(fallback);

export const networkConfigSchema = z
  .object({
    mode: z.literal('network'),
    /** The clinic server, https only (the server's certificate is issued by the clinic CA). */
    serverUrl: z
      .url({ protocol: /^https$/, message: 'The clinic server address must be an https:// address, such as https://clinic-server.local:8443.' })
      .max(300),
    /**
     * Where the host keeps this kiosk's device credential (a safeStorage entry name or a client
     * certificate's label): a reference, never the credential itself.
     */
    deviceCredentialRef: z.string().trim().min(1, 'Name the stored device credential (deviceCredentialRef).').max(100),
    /** How long one forward may take before it counts as the server being unreachable. */
    forwardTimeoutMs: ms(1_000, 120_000, 15_000),
    /** Retry after the server could not be reached: doubling from the first wait up to the longest. */
    retryFirstMs: ms(100, 60_000, 2_000),
    retryMaxMs: ms(1_000, 3_600_000, 5 * 60_000),
    /** How long an intake the server refused waits before it is offered again. */
    refusedRetryMs: ms(1_000, 24 * 3_600_000, 60 * 60_000),
  })
  .strict();

export type NetworkConfig = z.output<typeof networkConfigSchema>;

export class NetworkConfigError extends Error {
  override readonly name = 'NetworkConfigError';
}

/** The config, or throws NetworkConfigError naming the first problem (no values echoed). */
export function parseNetworkConfig(input: unknown): NetworkConfig {
  const parsed = networkConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  const what = issue?.code === 'unrecognized_keys' ? 'unexpected setting.' : (issue?.message ?? 'not valid.');
  throw new NetworkConfigError(`The kiosk's network settings are not valid (${where}${what})`);
}
