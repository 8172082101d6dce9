/**
 * intake:forward, on the clinic server: a paired kiosk hands over an intake it signed (at once,
 * or later from its outbox). The server trusts nothing the kiosk computed: it checks the
 * client's answers again with the engine at the kiosk's visit time (the signing time) and
 * recomputes the flags itself, checks that the PDF's signature chains to this clinic's CA, then
 * that the PDF was made from exactly this request (its intake binding), then
 * stores the submission with the kiosk's visit time, its arrival (late, clock skew), its audit
 * entry and its export job in one transaction. A resend of a stored id with the same request is
 * answered `duplicate` (nothing stored twice); with a different request, a conflict.
 */
import { createHash, type X509Certificate } from 'node:crypto';
import { fail, ok, type Result } from '../../api/result.ts';
import type { ForwardReceipt, ParsedRequest } from '../../api/contract.ts';
import { AUDIT_CHAIN } from '../audit/log.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';
import { exportInBackground } from '../handlers/intake.ts';
import { answerStoredId } from '../intake/duplicates.ts';
import { prepareIntake } from '../intake/prepare.ts';
import type { Answers } from '../../forms/engine/index.ts';
import { intakeBinding, readBinding } from '../pdf/intake-binding.ts';
import { caCertificatePem } from '../signing/identity.ts';
import { judgeArrival, noteOf, skewMinutes, type ArrivalRepository } from './arrivals.ts';
import { anchorsFromPem, checkForwardedPdf } from './verify-forwarded.ts';

export type ForwardDeps = Pick<CoreDeps, 'store' | 'vault' | 'clock' | 'forms' | 'settings' | 'submissions' | 'audit' | 'exporter' | 'background' | 'secrets' | 'handlerOptions' | 'events'> & {
  readonly arrivals: ArrivalRepository;
  /** The certificates kiosk signatures must chain to; by default the root of this server's own signing chain (the clinic CA). */
  readonly trustAnchors?: () => readonly X509Certificate[];
};

type Req = ParsedRequest<'intake:forward'>;

export async function forwardIntake(deps: ForwardDeps, req: Req, deviceId: string): Promise<Result<ForwardReceipt>> {
  const intake = req.intake;
  const signedAt = new Date(req.signedAt);
  const receivedAt = deps.clock.now();
  const judged = judgeArrival(signedAt, new Date(req.kioskClockAt), receivedAt);
  const duplicateOf = async (digest: Uint8Array, pruned: () => Answers): Promise<Result<ForwardReceipt> | null> => {
    const stored = await answerStoredId(deps, intake, digest, pruned);
    if (!stored) return null;
    if (!stored.ok) return stored;
    const arrival = await deps.arrivals.get(intake.submissionId);
    return ok({ submissionId: intake.submissionId, duplicate: true, ...(arrival ? noteOf(arrival) : { late: false, clockSkewMinutes: null }) });
  };
  // Rules are checked at the visit time: an age, a date answer, a rule of the day apply as they did at the kiosk.
  const prepared = await prepareIntake<ForwardReceipt>(deps, intake, signedAt, duplicateOf);
  if (prepared.kind === 'answered') return prepared.result;

  const pdf = new Uint8Array(Buffer.from(req.pdf, 'base64'));
  const anchors = deps.trustAnchors ? deps.trustAnchors() : anchorsFromPem(await caCertificatePem(deps.secrets));
  const trust = checkForwardedPdf(pdf, anchors, signedAt);
  const refusal = trust.trusted ? await bindingProblem(pdf, intake, signedAt) : { reason: 'pdf_untrusted', problem: trust.problem };
  if (refusal) {
    await deps.audit.append({ action: 'submission.refused', actor: `kiosk-device:${deviceId}`.slice(0, 120), subjectId: intake.submissionId, details: { reason: refusal.reason } });
    return fail('invalid_request', `The signed PDF was not accepted: ${refusal.problem} Nothing was stored.`, { issues: [{ path: 'pdf', message: refusal.problem }] });
  }

  const { form, answers, flags, identity } = prepared;
  const details = { via: 'kiosk', late: judged.late, ...(judged.clockSkewMs === null ? {} : { clockSkewMinutes: skewMinutes(judged.clockSkewMs) ?? 0 }) };
  // The record, its audit entry, its export job and its arrival note commit together; the port may
  // rerun this function on a conflict, so it only touches the database.
  const inserted = await deps.store.transaction(async (tx) => {
    const r = await deps.submissions.insert({
      id: intake.submissionId,
      createdAt: signedAt.toISOString(),
      startedAt: intake.startedAt,
      formId: form.id,
      formVersion: form.version,
      language: intake.language,
      clientName: identity.name,
      dateOfBirth: identity.dateOfBirth,
      answers,
      flags,
      pdf,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      signedAt: signedAt.toISOString(),
      requestDigest: prepared.digest,
      formSettings: prepared.formSettings,
    });
    if (!r.inserted) return false;
    await deps.audit.append({ action: 'submission.created', actor: `kiosk-device:${deviceId}`.slice(0, 120), subjectId: intake.submissionId, details });
    await deps.exporter.enqueue(intake.submissionId);
    await deps.arrivals.record(tx, {
      submissionId: intake.submissionId,
      deviceId,
      signedAt: signedAt.toISOString(),
      kioskClockAt: new Date(req.kioskClockAt).toISOString(),
      receivedAt: receivedAt.toISOString(),
      ...judged,
    });
    return true;
  }, AUDIT_CHAIN);
  // The same id was stored while this one was checked: answer from what was stored.
  if (!inserted) return (await duplicateOf(prepared.digest, () => answers)) ?? fail('internal', 'The intake could not be stored. Please try again.');
  // Committed: the staff devices' live queues show it now.
  deps.events.queueChanged();
  exportInBackground(deps, intake.submissionId, pdf, signedAt, identity.name);
  return ok({ submissionId: intake.submissionId, duplicate: false, ...noteOf(judged) });
}

type Refusal = { readonly reason: 'pdf_untrusted' | 'pdf_unbound' | 'pdf_mismatch'; readonly problem: string };

/**
 * The signature says who made the PDF; the binding says from what. A validly signed PDF made
 * for other answers, another form version or language, another submission id or signing time
 * is refused (core/pdf/intake-binding.ts).
 */
async function bindingProblem(pdf: Uint8Array, intake: Req['intake'], signedAt: Date): Promise<Refusal | null> {
  const carried = await readBinding(pdf);
  if (carried === null) {
    return { reason: 'pdf_unbound', problem: 'The PDF does not name the intake it was made from (a kiosk older than the clinic server signed it).' };
  }
  if (carried !== intakeBinding(intake, signedAt)) {
    return { reason: 'pdf_mismatch', problem: 'The PDF was signed for other answers than the ones sent with it.' };
  }
  return null;
}

export function forwardHandlers(deps: ForwardDeps): Pick<HandlerTable, 'intake:forward'> {
  return {
    'intake:forward': defineHandler('intake:forward', deps.handlerOptions, (req, call) => forwardIntake(deps, req, call.caller.id)),
  };
}
