/**
 * network:status, network:pair, network:leave: an admin at the kiosk joins it to the clinic
 * server, sees what it is joined to and how many intakes wait, and leaves. Pairing switches
 * the kiosk to network mode at once (mode.ts); leaving is refused while the outbox holds
 * intakes. Both are audited (network.joined / network.left).
 *
 * A kiosk the server no longer accepts (its device was revoked: the last forward was answered
 * `not_paired`) cannot leave while intakes wait, so it may join again with a new kiosk code
 * without leaving: the outbox is kept and goes to the server under the new pairing. While
 * intakes wait, the server must have the same clinic CA: they were signed for that clinic.
 */
import { fail, ok, type Result } from '../../api/result.ts';
import type { NetworkStatus } from '../../api/contract.ts';
import { AUDIT_CHAIN, type AuditDetails } from '../audit/log.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';
import { SigningIdentityError } from '../signing/identity.ts';
import { generateKioskKey, installKioskIdentity } from './kiosk-identity.ts';
import type { NetworkMode } from './mode.ts';
import { fingerprintHex, redeemAtServer, trustedClinicCa, type PairingOptions } from './pairing.ts';

export type { PairingOptions } from './pairing.ts';

type Channels = 'network:status' | 'network:pair' | 'network:leave';

const CONFIG_MODE = "This kiosk's network mode is set in its configuration file: change it there.";

export function networkPairingHandlers(
  deps: Pick<CoreDeps, 'handlerOptions' | 'store' | 'audit' | 'secrets' | 'clock' | 'resetSigningIdentity'>,
  mode: NetworkMode,
  options: PairingOptions = {},
): Pick<HandlerTable, Channels> {
  async function status(): Promise<NetworkStatus> {
    const network = mode.current();
    const stored = await mode.pairings.get();
    const summary = await mode.outbox.summary();
    const paired = mode.source() === 'paired' ? stored : null;
    return {
      mode: network ? 'network' : 'single',
      source: mode.source(),
      serverUrl: network?.config.serverUrl ?? null,
      deviceId: paired?.deviceId ?? null,
      deviceName: paired?.deviceName ?? null,
      pairedAt: paired?.pairedAt ?? null,
      waiting: summary.waiting,
      refused: summary.refused,
      lastError: summary.lastError,
      canPair: mode.canPair(),
    };
  }

  async function pair(req: { serverUrl: string; code: string; caFingerprint?: string | undefined; name: string }, staffId: string): Promise<Result<NetworkStatus>> {
    if (!mode.canPair()) return fail('unavailable', 'This kiosk cannot join a clinic server: this build has no network connection to one.');
    const current = mode.current();
    const summary = await mode.outbox.summary();
    const isRejoin = current !== null && mode.source() === 'paired' && summary.lastError?.kind === 'not_paired';
    if (current && !isRejoin) return fail('conflict', mode.source() === 'config' ? CONFIG_MODE : `This kiosk is already joined to ${current.config.serverUrl}. Leave it first.`);
    const serverUrl = new URL(req.serverUrl);
    const ca = await trustedClinicCa(serverUrl, req.caFingerprint, options);
    if (!ca.ok) return ca;
    const before = isRejoin ? await mode.pairings.get() : null;
    if (before && summary.waiting > 0 && fingerprintHex(before.caPem) !== fingerprintHex(ca.value)) {
      const what = summary.waiting === 1 ? 'The intake waiting on this kiosk was' : `The ${summary.waiting} intakes waiting on this kiosk were`;
      return fail('conflict', `${what} signed for the clinic server at ${before.serverUrl}; this server has another clinic certificate, so it could never accept ${summary.waiting === 1 ? 'it' : 'them'}. Join this kiosk to ${before.serverUrl} again with a new kiosk code.`);
    }
    const key = generateKioskKey();
    const redeemed = await redeemAtServer(serverUrl, ca.value, { code: req.code, name: req.name, publicKeyPem: key.publicKeyPem }, options.timeoutMs);
    if (!redeemed.ok) return redeemed;
    const pairing = redeemed.value;
    const now = deps.clock.now();
    try {
      await installKioskIdentity(deps.secrets, key, pairing.certificatePem, ca.value, now);
    } catch (error) {
      if (!(error instanceof SigningIdentityError)) throw error;
      return fail('unavailable', `${error.message} Ask the admin to revoke "${req.name}" in Devices on the server and make a new code.`);
    }
    deps.resetSigningIdentity();
    await deps.store.transaction(async (tx) => {
      await mode.pairings.save(tx, { serverUrl: serverOrigin(serverUrl), caPem: ca.value, deviceId: pairing.deviceId, deviceName: req.name, pairedAt: now.toISOString(), credential: pairing.credential });
      await mode.outbox.forgetNotPaired(tx);
      const details: AuditDetails = before ? { serverUrl: serverOrigin(serverUrl), rejoined: true, previousDeviceId: before.deviceId } : { serverUrl: serverOrigin(serverUrl) };
      await deps.audit.append({ action: 'network.joined', actor: staffId, subjectId: pairing.deviceId, details });
    }, AUDIT_CHAIN);
    await mode.switchToPaired();
    return ok(await status());
  }

  async function leave(staffId: string): Promise<Result<NetworkStatus>> {
    if (!mode.current()) return ok(await status());
    if (mode.source() === 'config') return fail('conflict', CONFIG_MODE);
    // Stop forwarding first so nothing is queued behind the check; switch back if something waits.
    await mode.switchToSingle();
    const { waiting, lastError } = await mode.outbox.summary();
    if (waiting > 0) {
      await mode.switchToPaired();
      if (lastError?.kind === 'not_paired') {
        return fail('conflict', `${waitingWords(waiting)} not reached the clinic server, and it no longer accepts this kiosk. Leaving now would keep them from it: join this kiosk to the clinic server again with a new kiosk code (below); they are kept and sent then.`);
      }
      return fail('conflict', `${waitingWords(waiting)} not reached the clinic server yet. Leaving now would keep them from it: wait until they are sent (the staff home shows them), then leave.`);
    }
    const stored = await mode.pairings.get();
    await deps.store.transaction(async (tx) => {
      if (await mode.pairings.clear(tx)) {
        await deps.audit.append({ action: 'network.left', actor: staffId, ...(stored ? { subjectId: stored.deviceId, details: { serverUrl: stored.serverUrl } } : {}) });
      }
    }, AUDIT_CHAIN);
    return ok(await status());
  }

  // One change at a time: a second tap while a pairing is on its way must not redeem twice, and
  // a pairing must not start in the moment a leave has stopped forwarding to check the outbox.
  let changing = false;
  const oneAtATime = async (change: () => Promise<Result<NetworkStatus>>): Promise<Result<NetworkStatus>> => {
    if (changing) return fail('conflict', 'This kiosk is already joining or leaving the clinic server. Wait for it to finish.');
    changing = true;
    try {
      return await change();
    } finally {
      changing = false;
    }
  };

  return {
    'network:status': defineHandler('network:status', deps.handlerOptions, async () => ok(await status())),
    'network:pair': defineHandler('network:pair', deps.handlerOptions, async (req, { session }) => oneAtATime(() => pair(req, session.staffId))),
    'network:leave': defineHandler('network:leave', deps.handlerOptions, async (_req, { session }) => oneAtATime(() => leave(session.staffId))),
  };
}

const serverOrigin = (url: URL) => url.origin;

const waitingWords = (waiting: number) => (waiting === 1 ? '1 intake on this kiosk has' : `${waiting} intakes on this kiosk have`);
