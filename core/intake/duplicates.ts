/**
 * A submission id that is already stored. The renderer makes the id, so a retry after a lost
 * answer repeats it with the same request: that is answered with the receipt of what was
 * stored (its flags, its language), never of the new request. The same id with a different
 * request (another name, a stop answer, consent withdrawn) is refused as a conflict and
 * audited: silently keeping the first answers would lose the second without anyone knowing.
 *
 * "Same request" is decided by a keyed digest (HMAC-SHA-256 under a vault-derived key, so the
 * clear column cannot be used to guess answers) of what the client sent: form, version,
 * language, start time and answers. The primary key makes it safe under concurrency: of twenty
 * simultaneous submits one inserts, the others land here and compare with what it stored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../../api/result.ts';
import type { ParsedRequest, SubmitReceipt } from '../../api/contract.ts';
import { localize, type Answers, type Flag, type FormDefinition } from '../../forms/engine/index.ts';
import { canonicalJson } from '../audit/chain.ts';
import type { AuditLog } from '../audit/log.ts';
import type { Vault } from '../crypto/vault.ts';
import type { FormRegistry } from '../forms/registry.ts';
import type { SubmissionRepository } from '../submissions/repository.ts';

const REQUEST_KEY_LABEL = 'kiosk:intake-request:v1';

type Request = Pick<ParsedRequest<'intake:submit'>, 'formId' | 'formVersion' | 'language' | 'startedAt' | 'answers'>;

export function requestDigest(vault: Pick<Vault, 'deriveKey'>, req: Request): Uint8Array {
  const text = canonicalJson({ formId: req.formId, formVersion: req.formVersion, language: req.language, startedAt: req.startedAt, answers: req.answers });
  return new Uint8Array(createHmac('sha256', vault.deriveKey(REQUEST_KEY_LABEL)).update(text).digest());
}

export function buildReceipt(id: string, duplicate: boolean, flags: readonly Flag[], language: string, form: FormDefinition): SubmitReceipt {
  return {
    submissionId: id,
    duplicate,
    needsFrontDesk: flags.some((f) => f.severity === 'stop'),
    // Several stop flags share the same kind sentence; say it once.
    clientMessages: [...new Set(flags.flatMap((f) => (f.clientMessage ? [localize(f.clientMessage, language, form.defaultLanguage)] : [])))],
  };
}

export const CONFLICT_MESSAGE =
  'This intake was already sent with different answers, so these answers were not saved. Please tap "Start over" to begin a new intake, or ask the front desk.';

export interface DuplicateDeps {
  readonly submissions: Pick<SubmissionRepository, 'receiptFacts'>;
  readonly forms: Pick<FormRegistry, 'get'>;
  readonly audit: Pick<AuditLog, 'append'>;
}

/**
 * null when `req.submissionId` is not stored yet; otherwise the stored receipt (same request)
 * or a `conflict` error (different request, audited). `prunedAnswers` is only called for rows
 * stored before digests existed, which are compared by their answers instead.
 */
export async function answerStoredId(
  deps: DuplicateDeps,
  req: Request & { readonly submissionId: string },
  digest: Uint8Array,
  prunedAnswers: () => Answers,
): Promise<Result<SubmitReceipt> | null> {
  const stored = await deps.submissions.receiptFacts(req.submissionId);
  if (!stored) return null;
  const isSame = stored.requestDigest
    ? stored.requestDigest.length === digest.length && timingSafeEqual(stored.requestDigest, digest)
    : stored.formId === req.formId && stored.formVersion === req.formVersion && stored.language === req.language && canonicalJson(stored.answers()) === canonicalJson(prunedAnswers());
  const form = await deps.forms.get(stored.formId, stored.formVersion);
  if (isSame && form) return ok(buildReceipt(stored.id, true, stored.flags, stored.language, form));
  await deps.audit.append({ action: 'submission.conflict', actor: 'kiosk-client', subjectId: stored.id, details: { reason: 'different_content' } });
  return fail('conflict', CONFLICT_MESSAGE);
}
