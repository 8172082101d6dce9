/**
 * How admin changes are written to the audit log: one place, so the entries stay
 * uniform (area, operation, before/after) and never carry form text, PINs or images.
 *
 * Draft edits are 'form.draft_changed', publishing 'form.published', certificate
 * changes 'certificate.changed'; each carries an `area` and before/after details.
 */
import type { AuditDetails, AuditLog } from '../audit/log.ts';
import type { DefinitionSummary } from './form-drafts.ts';

/** `before_x`/`after_x` pairs of two definition summaries. */
export function definitionDetails(before: DefinitionSummary | null, after: DefinitionSummary): AuditDetails {
  const details: Record<string, string | number> = {
    after_form: after.formId,
    after_version: after.version,
    after_steps: after.steps,
    after_questions: after.questions,
    after_rules: after.rules,
    after_digest: after.digest,
  };
  if (before) {
    details.before_form = before.formId;
    details.before_version = before.version;
    details.before_steps = before.steps;
    details.before_questions = before.questions;
    details.before_rules = before.rules;
    details.before_digest = before.digest;
  }
  return details;
}

export type DraftOperation = 'saved' | 'restored' | 'imported';

export async function auditDraft(audit: AuditLog, actor: string, op: DraftOperation, before: DefinitionSummary | null, after: DefinitionSummary): Promise<void> {
  await audit.append({ action: 'form.draft_changed', actor, subjectId: after.formId, details: { area: 'form_draft', op, ...definitionDetails(before, after) } });
}

export async function auditPublish(audit: AuditLog, actor: string, before: DefinitionSummary, after: DefinitionSummary): Promise<void> {
  await audit.append({ action: 'form.published', actor, subjectId: `${after.formId}@${after.version}`, details: definitionDetails(before, after) });
}

export async function auditCertificate(
  audit: AuditLog,
  actor: string,
  op: 'regenerated' | 'imported',
  before: { readonly fingerprintSha256: string; readonly notAfter: string } | null,
  after: { readonly fingerprintSha256: string; readonly notAfter: string },
): Promise<void> {
  await audit.append({
    action: 'certificate.changed',
    actor,
    details: {
      area: 'signing_certificate',
      op,
      before_fingerprint: before ? before.fingerprintSha256.slice(0, 47) : '(none)',
      before_expires: before ? before.notAfter.slice(0, 10) : '(none)',
      after_fingerprint: after.fingerprintSha256.slice(0, 47),
      after_expires: after.notAfter.slice(0, 10),
    },
  });
}
