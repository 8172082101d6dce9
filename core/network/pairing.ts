/**
 * The kiosk's side of pairing with the clinic server (network:pair), over the network:
 *
 * 1. Trust. The kiosk does not know the clinic CA yet, so it cannot check the server's HTTPS
 *    certificate. It downloads the CA from the server's plain-HTTP install page
 *    (`http://<server>:8080/clinic-ca.crt`, server/plain-http.ts) and keeps it only if its
 *    SHA-256 fingerprint matches the one the admin typed, read off the server's own pairing-code
 *    screen (Admin > Devices shows it beside a kiosk code). Anyone on the LAN can answer a plain
 *    HTTP request, but nobody can make another CA with that fingerprint: the typed fingerprint,
 *    not the download, is what the kiosk trusts. At least the first 32 hex digits (128 bits,
 *    8 groups) must be typed: finding a second certificate that matches them is out of reach.
 *    An installer may instead place the CA on the kiosk (`installedCaPem`); then no fingerprint.
 * 2. Redeem. Over HTTPS verified against that CA only: `POST /pair/kiosk` with the code, the
 *    kiosk's name and the public key of a signing key made here (core/devices/kiosk-pairing.ts).
 * 3. The caller (pairing-handlers.ts) installs the certificate and stores the pairing.
 */
import { X509Certificate } from 'node:crypto';
import { get } from 'node:http';
import { fail, ok, type Result } from '../../api/result.ts';
import { CA_FINGERPRINT_HEX_MIN } from '../../api/channels/network.ts';
import { KIOSK_PAIR_PATH, kioskPairingSchema, type KioskPairing } from '../devices/kiosk-pairing.ts';
import { CSRF_HEADER, postJson } from './https-post.ts';
import { clinicAgent, serverOrigin } from './https-transport.ts';

export interface PairingOptions {
  /** Where the clinic CA is downloaded from; default http://<server host>:8080/clinic-ca.crt (the install page). */
  readonly caDownloadUrl?: (serverUrl: URL) => string;
  /** A clinic CA the installer placed on the kiosk: trusted as it is, no fingerprint needed. */
  readonly installedCaPem?: string;
  /** Each network step (CA download, redemption); default 15 s. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_CA_BYTES = 64 * 1024;
export const DEFAULT_INSTALL_PORT = '8080';

/** Only the hex digits, upper case ("ab:cd 12-34" -> "ABCD1234"). */
export const normaliseFingerprint = (typed: string): string => typed.replace(/[\s:-]/g, '').toUpperCase();

/** The CA's SHA-256 fingerprint as 64 hex digits. */
export const fingerprintHex = (pem: string): string => normaliseFingerprint(new X509Certificate(pem).fingerprint256);

/** For people: groups of four ("AB12 CD34 ..."), as the server's pairing screen and install page show it. */
export const formatFingerprint = (hex: string): string => normaliseFingerprint(hex).match(/.{1,4}/g)?.join(' ') ?? '';

/** True when `typed` is the start (at least 32 digits) or the whole of the CA's fingerprint. */
export function fingerprintMatches(typed: string, pem: string): boolean {
  const want = normaliseFingerprint(typed);
  return want.length >= CA_FINGERPRINT_HEX_MIN && /^[0-9A-F]+$/.test(want) && fingerprintHex(pem).startsWith(want);
}

export function defaultCaDownloadUrl(serverUrl: URL): string {
  const url = new URL(serverUrl.origin);
  url.protocol = 'http:';
  url.port = DEFAULT_INSTALL_PORT;
  url.pathname = '/clinic-ca.crt';
  return url.toString();
}

/** The first certificate in `text` if it is a CA certificate; null otherwise. */
function caCertificateIn(text: string): string | null {
  const pem = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/.exec(text)?.[0];
  if (!pem) return null;
  try {
    return new X509Certificate(pem).ca ? `${pem}\n` : null;
  } catch {
    return null;
  }
}

/** GET the clinic CA from the plain-HTTP install page: bounded in time and size. Throws Error with a short reason. */
export function downloadCa(url: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent: false, headers: { accept: 'application/x-x509-ca-cert' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        req.destroy(new Error(`HTTP ${res.statusCode ?? 0}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_CA_BYTES) req.destroy(new Error('the answer was too large'));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(deadline);
        const pem = caCertificateIn(Buffer.concat(chunks).toString('utf8'));
        if (pem) resolve(pem);
        else reject(new Error('the answer was not a CA certificate'));
      });
    });
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      reject(new Error(error.code === 'ECONNREFUSED' ? 'the connection was refused' : error.message));
    });
  });
}

/** The clinic CA this kiosk will trust for `serverUrl`, or a refusal an admin can act on. */
export async function trustedClinicCa(serverUrl: URL, typedFingerprint: string | undefined, options: PairingOptions): Promise<Result<string>> {
  const typed = typedFingerprint ? normaliseFingerprint(typedFingerprint) : '';
  if (typed.length === 0) {
    if (options.installedCaPem) return ok(options.installedCaPem);
    return fail('invalid_request', "Type the clinic certificate's fingerprint: the server shows it beside the pairing code.");
  }
  if (typed.length < CA_FINGERPRINT_HEX_MIN) return fail('invalid_request', `Type at least the first ${CA_FINGERPRINT_HEX_MIN / 4} groups of the fingerprint (${CA_FINGERPRINT_HEX_MIN} characters).`);
  const url = (options.caDownloadUrl ?? defaultCaDownloadUrl)(serverUrl);
  let pem: string;
  try {
    pem = await downloadCa(url, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'no answer';
    return fail('unavailable', `The clinic certificate could not be fetched from ${url} (${reason}). Check the server address and that the server's install page is on.`);
  }
  if (!fingerprintMatches(typed, pem)) {
    return fail(
      'invalid_request',
      "The clinic certificate from this address does not match the fingerprint you typed. Check the fingerprint on the server's pairing screen. If it still does not match, do not pair: another machine may be answering for the server.",
    );
  }
  return ok(pem);
}

/** Codes of the server's refusal the kiosk's admin screen can show as they are; others become `unavailable`. */
const PASS_THROUGH = new Set(['invalid_request', 'rate_limited', 'conflict']);

/** Redeems the code at the server over HTTPS (clinic CA only). */
export async function redeemAtServer(
  serverUrl: URL,
  caPem: string,
  request: { readonly code: string; readonly name: string; readonly publicKeyPem: string },
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<Result<KioskPairing>> {
  const origin = serverOrigin(serverUrl.toString());
  const agent = clinicAgent(caPem);
  let answer: Result<unknown>;
  try {
    answer = await postJson({ agent, url: new URL(KIOSK_PAIR_PATH, origin), body: request, headers: { origin, [CSRF_HEADER]: '1' }, timeoutMs });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'no answer';
    return fail('unavailable', `The clinic server could not be reached (${reason}). Check the address and that this kiosk is on the clinic network.`);
  } finally {
    agent.destroy();
  }
  if (!answer.ok) {
    const { code, message, retryAt } = answer.error;
    return PASS_THROUGH.has(code) ? fail(code, message, retryAt ? { retryAt } : {}) : fail('unavailable', `The clinic server did not pair this kiosk: ${message}`);
  }
  const parsed = kioskPairingSchema.safeParse(answer.value);
  if (!parsed.success) return fail('unavailable', "The clinic server's answer was not understood. Is the server up to date?");
  if (fingerprintHex(parsed.data.caCertificatePem) !== fingerprintHex(caPem)) {
    return fail('unavailable', 'The clinic server sent a different clinic certificate from the one checked. Do not pair; ask whoever looks after the server.');
  }
  return ok(parsed.data);
}
