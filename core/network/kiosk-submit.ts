/**
 * intake:submit on a kiosk in network mode: after the same checks and the same signature as a
 * single kiosk (core/handlers/intake.ts), the sealed intake goes into the outbox in one
 * transaction with its audit entry, the client gets the same receipt, and the forwarder is
 * nudged. A retry of a queued id is answered from the outbox (same request: the stored receipt;
 * a different one: a conflict, audited), exactly as the submission store would answer it.
 */
import { AUDIT_CHAIN } from '../audit/log.ts';
import { timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../../api/result.ts';
import type { SubmitReceipt } from '../../api/contract.ts';
import type { AuditLog } from '../audit/log.ts';
import type { CoreDeps } from '../deps.ts';
import { buildReceipt, CONFLICT_MESSAGE } from '../intake/duplicates.ts';
import type { IntakeRequest, PreparedIntake } from '../intake/prepare.ts';
import type { SignedSummary } from '../pdf/index.ts';
import type { NetworkConfig } from './config.ts';
import type { Forwarder } from './forwarder.ts';
import type { Outbox } from './outbox.ts';

/** What a kiosk in network mode has beyond a single kiosk. */
export interface KioskNetwork {
  readonly config: NetworkConfig;
  readonly outbox: Outbox;
  readonly forwarder: Forwarder;
}

export async function answerQueuedId(outbox: Pick<Outbox, 'receiptFacts'>, audit: Pick<AuditLog, 'append'>, req: IntakeRequest, digest: Uint8Array): Promise<Result<SubmitReceipt> | null> {
  const queued = await outbox.receiptFacts(req.submissionId);
  if (!queued) return null;
  if (queued.digest.length === digest.length && timingSafeEqual(queued.digest, digest)) return ok({ ...queued.receipt, duplicate: true });
  await audit.append({ action: 'submission.conflict', actor: 'kiosk-client', subjectId: req.submissionId, details: { reason: 'different_content' } });
  return fail('conflict', CONFLICT_MESSAGE);
}

export async function queueIntake(
  deps: Pick<CoreDeps, 'store' | 'audit'>,
  network: KioskNetwork,
  req: IntakeRequest,
  intake: PreparedIntake,
  summary: SignedSummary,
  now: Date,
): Promise<Result<SubmitReceipt>> {
  const receipt = buildReceipt(req.submissionId, false, intake.flags, req.language, intake.form);
  const queued = { request: req, pdf: Buffer.from(summary.pdf).toString('base64'), signedAt: summary.signedAt, receipt };
  const inserted = await deps.store.transaction(async (tx) => {
    const isNew = await network.outbox.enqueue(tx, queued, intake.digest, now);
    if (isNew) await deps.audit.append({ action: 'submission.queued', actor: 'kiosk-client', subjectId: req.submissionId });
    return isNew;
  }, AUDIT_CHAIN);
  // Another call with this id was queued while this one signed: answer from what it queued.
  if (!inserted) return (await answerQueuedId(network.outbox, deps.audit, req, intake.digest)) ?? fail('internal', 'The intake could not be stored. Please try again.');
  network.forwarder.kick();
  return ok(receipt);
}
