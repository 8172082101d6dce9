/**
 * intake:submit — the only write a client can make. Main never trusts the renderer's
 * view of the form: it re-validates the answers against the exact form version,
 * drops answers to hidden questions, re-evaluates the screening flags, renders and
 * signs the PDF, and stores everything in one port transaction (record, name tokens, audit
 * entry, export job) before answering: a database that fails midway stores none of it.
 * The submission id comes from the renderer, so a retry after a lost answer is
 * absorbed (duplicate: true) instead of stored twice; the same id with different answers is
 * refused (core/intake/duplicates.ts).
 */
import { fail, ok, type Result } from '../../api/result.ts';
import type { ParsedRequest, SubmitReceipt } from '../../api/contract.ts';
import {
  evaluateScreening,
  localize,
  pruneHiddenAnswers,
  unknownQuestionIds,
  validateSubmission,
  VALIDATION_MESSAGES,
  type Answers,
} from '../../forms/engine/index.ts';
import { createSignedSummary } from '../pdf/index.ts';
import { AUDIT_CHAIN } from '../audit/log.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';
import { clientIdentity, initialsOf } from '../intake/identity.ts';
import { answerStoredId, buildReceipt, requestDigest } from '../intake/duplicates.ts';

export async function submitIntake(deps: CoreDeps, req: ParsedRequest<'intake:submit'>): Promise<Result<SubmitReceipt>> {
  const form = await deps.forms.get(req.formId, req.formVersion);
  if (!form) {
    return fail('conflict', 'This form has been updated since you started. Please ask the front desk to restart the kiosk.');
  }
  if (!form.languages.includes(req.language)) {
    return fail('invalid_request', `The form is not available in "${req.language}".`);
  }
  // One instant for pruning, validation and screening: visibility and rules can depend on the date.
  const now = deps.clock.now();
  // An answer to a question the form does not have is refused, not pruned: it means the client and main disagree about the form.
  const unknown = unknownQuestionIds(form, req.answers as Answers);
  if (unknown.length > 0) {
    return fail('invalid_request', `The answers include ${unknown.length === 1 ? 'a question' : 'questions'} this form does not have (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', ...' : ''}). Nothing was stored.`, {
      issues: unknown.map((id) => ({ path: `answers.${id}`, message: localize(VALIDATION_MESSAGES.unknown_question, req.language, 'en') })),
    });
  }
  const answers: Answers = pruneHiddenAnswers(form, req.answers as Answers, now);
  const digest = requestDigest(deps.vault, req);
  const earlier = await answerStoredId(deps, req, digest, () => answers);
  if (earlier) return earlier;

  const errors = validateSubmission(form, answers, now);
  if (errors.length > 0) {
    return fail('invalid_request', 'Some answers are missing or not valid. Please go back and check the highlighted questions.', {
      issues: errors.map((e) => ({ path: `answers.${e.questionId}`, message: localize(e.message, req.language, form.defaultLanguage) })),
    });
  }
  const flags = evaluateScreening(form, answers, now);
  const identity = clientIdentity(form, answers);
  const settings = deps.settings.get();
  const summary = await createSignedSummary(
    {
      form,
      answers,
      flags,
      language: req.language,
      submissionId: req.submissionId,
      createdAt: now,
      clinicName: settings.clinicName,
      clinicAddress: settings.clinicAddress,
      clinicLogoDataUrl: await deps.clinicSettings.logoDataUrl(),
    },
    await deps.signingIdentity(),
    deps.clock,
  );
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

  // The client's answer does not wait for the export copy; an unfinished job is retried (at start-up too).
  deps.background.run(async () => {
    const result = await deps.exporter.exportPdf(req.submissionId, summary.pdf, now, initialsOf(identity.name));
    if (result.ok) await deps.audit.append({ action: 'submission.exported', actor: 'system', subjectId: req.submissionId });
  });
  return ok(buildReceipt(req.submissionId, false, flags, req.language, form));
}

export function intakeHandlers(deps: CoreDeps): Pick<HandlerTable, 'intake:submit'> {
  return {
    'intake:submit': defineHandler('intake:submit', deps.handlerOptions, (req) => submitIntake(deps, req)),
  };
}
