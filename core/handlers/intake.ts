/**
 * intake:submit — the only write a client can make. Main never trusts the renderer's
 * view of the form: it re-validates the answers against the exact form version,
 * drops answers to hidden questions, re-evaluates the screening flags (core/intake/prepare.ts),
 * renders and signs the PDF, and stores everything in one transaction before answering.
 * A single kiosk stores the submission itself; a kiosk in network mode stores the sealed,
 * signed intake in its outbox instead and forwards it to the clinic server later
 * (core/network/): the client's answer is the same either way.
 * The submission id comes from the renderer, so a retry after a lost answer is
 * absorbed (duplicate: true) instead of stored twice; the same id with different answers is
 * refused (core/intake/duplicates.ts).
 */
import { fail, ok, type Result } from '../../api/result.ts';
import type { ParsedRequest, SubmitReceipt } from '../../api/contract.ts';
import { createSignedSummary, type SignedSummary } from '../pdf/index.ts';
import { AUDIT_CHAIN } from '../audit/log.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';
import { initialsOf } from '../intake/identity.ts';
import { answerStoredId, buildReceipt } from '../intake/duplicates.ts';
import { prepareIntake, type PreparedIntake } from '../intake/prepare.ts';
import { answerQueuedId, queueIntake } from '../network/kiosk-submit.ts';

type Req = ParsedRequest<'intake:submit'>;

export async function submitIntake(deps: CoreDeps, req: Req): Promise<Result<SubmitReceipt>> {
  // One instant for pruning, validation and screening: visibility and rules can depend on the date.
  const now = deps.clock.now();
  const network = deps.network;
  const prepared = await prepareIntake<SubmitReceipt>(deps, req, now, (digest, pruned) =>
    network ? answerQueuedId(network.outbox, deps.audit, req, digest) : answerStoredId(deps, req, digest, pruned),
  );
  if (prepared.kind === 'answered') return prepared.result;
  const summary = await signSummary(deps, req, prepared, now);
  if (network) return queueIntake(deps, network, req, prepared, summary, now);
  return storeLocally(deps, req, prepared, summary, now);
}

/** The summary PDF, rendered as PDF/A and signed with this kiosk's own identity. */
export async function signSummary(deps: CoreDeps, req: Req, intake: PreparedIntake, now: Date): Promise<SignedSummary> {
  const settings = deps.settings.get();
  return createSignedSummary(
    {
      form: intake.form,
      answers: intake.answers,
      flags: intake.flags,
      language: req.language,
      submissionId: req.submissionId,
      createdAt: now,
      clinicName: settings.clinicName,
      clinicAddress: settings.clinicAddress,
      clinicLogoDataUrl: await deps.clinicSettings.logoDataUrl(),
      formSettings: intake.formSettings,
    },
    await deps.signingIdentity(),
    deps.clock,
    req,
  );
}

async function storeLocally(deps: CoreDeps, req: Req, intake: PreparedIntake, summary: SignedSummary, now: Date): Promise<Result<SubmitReceipt>> {
  const { form, answers, flags, identity, digest } = intake;
  // The record, its audit entry and its export job commit together: a crash cannot leave one without the others.
  // The port may rerun this function on a conflict: it only touches the database.
  const { inserted } = await deps.store.transaction(async () => {
    const result = await deps.submissions.insert({
      id: req.submissionId,
      createdAt: now.toISOString(),
      startedAt: req.startedAt,
      formId: form.id,
      formVersion: form.version,
      language: req.language,
      clientName: identity.name,
      dateOfBirth: identity.dateOfBirth,
      answers,
      flags,
      pdf: summary.pdf,
      pdfSha256: summary.sha256,
      signedAt: summary.signedAt,
      requestDigest: digest,
      formSettings: intake.formSettings,
    });
    if (result.inserted) {
      await deps.audit.append({ action: 'submission.created', actor: 'kiosk-client', subjectId: req.submissionId });
      // The outbox: the export job exists exactly when the submission does, whatever kills us next.
      await deps.exporter.enqueue(req.submissionId);
    }
    return result;
  }, AUDIT_CHAIN);
  // Another call with this id committed while this one rendered: answer from what it stored.
  if (!inserted) return (await answerStoredId(deps, req, digest, () => answers)) ?? fail('internal', 'The intake could not be stored. Please try again.');
  // Committed: a live queue (the clinic server's staff devices) shows it now.
  deps.events.queueChanged();
  exportInBackground(deps, req.submissionId, summary.pdf, now, identity.name);
  return ok(buildReceipt(req.submissionId, false, flags, req.language, form));
}

/** The client's answer does not wait for the export copy; an unfinished job is retried (at start-up too). */
export function exportInBackground(deps: Pick<CoreDeps, 'background' | 'exporter' | 'audit'>, id: string, pdf: Uint8Array, createdAt: Date, clientName: string): void {
  deps.background.run(async () => {
    const result = await deps.exporter.exportPdf(id, pdf, createdAt, initialsOf(clientName));
    if (result.ok) await deps.audit.append({ action: 'submission.exported', actor: 'system', subjectId: id });
  });
}

export function intakeHandlers(deps: CoreDeps): Pick<HandlerTable, 'intake:submit'> {
  return {
    'intake:submit': defineHandler('intake:submit', deps.handlerOptions, (req) => submitIntake(deps, req)),
  };
}
