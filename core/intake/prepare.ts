/**
 * The checks every intake passes before anything is signed or stored, wherever it is stored:
 * the kiosk's own submission store (single kiosk), the kiosk's outbox (network mode), or the
 * clinic server receiving a forwarded intake (which checks again and never trusts the kiosk).
 * Exact form version, no answers to questions the form lacks, hidden answers dropped, the
 * engine's validation, then the engine's flags and the client's identity.
 */
import { fail, type Result } from '../../api/result.ts';
import type { ParsedRequest } from '../../api/contract.ts';
import {
  evaluateScreening,
  localize,
  pruneHiddenAnswers,
  unknownQuestionIds,
  validateSubmission,
  VALIDATION_MESSAGES,
  type Answers,
  type Flag,
  type FormDefinition,
} from '../../forms/engine/index.ts';
import type { Vault } from '../crypto/vault.ts';
import type { FormRegistry } from '../forms/registry.ts';
import { formSettingsOf, type SettingsStore } from '../settings/store.ts';
import { requestDigest } from './duplicates.ts';
import { clientIdentity, type ClientIdentity } from './identity.ts';

export type IntakeRequest = ParsedRequest<'intake:submit'>;

/** An intake that passed every check: what signing and storing need. */
export interface PreparedIntake {
  readonly form: FormDefinition;
  readonly answers: Answers;
  readonly flags: readonly Flag[];
  readonly identity: ClientIdentity;
  /** Keyed digest of the request as sent (core/intake/duplicates.ts). */
  readonly digest: Uint8Array;
  /** The clinic values the form's conditions read (the age of consent), as checked. */
  readonly formSettings: ReturnType<typeof formSettingsOf>;
}

export type Prepared<R> = { readonly kind: 'answered'; readonly result: Result<R> } | ({ readonly kind: 'ready' } & PreparedIntake);

/**
 * Checks `req` at the instant `now` (visibility and rules can depend on the date). `earlier` is
 * asked, after pruning and before validation, whether this id is already stored (a retry); its
 * answer, when not null, is the answer to the call.
 */
export async function prepareIntake<R>(
  deps: { readonly forms: Pick<FormRegistry, 'get'>; readonly vault: Pick<Vault, 'deriveKey'>; readonly settings: Pick<SettingsStore, 'get'> },
  req: IntakeRequest,
  now: Date,
  earlier: (digest: Uint8Array, prunedAnswers: () => Answers) => Result<R> | null | Promise<Result<R> | null>,
): Promise<Prepared<R>> {
  const answered = (result: Result<R>): Prepared<R> => ({ kind: 'answered', result });
  const form = await deps.forms.get(req.formId, req.formVersion);
  if (!form) {
    return answered(fail('conflict', 'This form has been updated since you started. Please ask the front desk to restart the kiosk.'));
  }
  if (!form.languages.includes(req.language)) {
    return answered(fail('invalid_request', `The form is not available in "${req.language}".`));
  }
  // An answer to a question the form does not have is refused, not pruned: it means the client and main disagree about the form.
  const unknown = unknownQuestionIds(form, req.answers as Answers);
  if (unknown.length > 0) {
    return answered(
      fail('invalid_request', `The answers include ${unknown.length === 1 ? 'a question' : 'questions'} this form does not have (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', ...' : ''}). Nothing was stored.`, {
        issues: unknown.map((id) => ({ path: `answers.${id}`, message: localize(VALIDATION_MESSAGES.unknown_question, req.language, 'en') })),
      }),
    );
  }
  // The clinic values conditions read (the age of consent): the same the kiosk sent with its config.
  const formSettings = formSettingsOf(deps.settings.get());
  const answers: Answers = pruneHiddenAnswers(form, req.answers as Answers, now, formSettings);
  const digest = requestDigest(deps.vault, req);
  const stored = await earlier(digest, () => answers);
  if (stored) return answered(stored);

  const errors = validateSubmission(form, answers, now, formSettings);
  if (errors.length > 0) {
    return answered(
      fail('invalid_request', 'Some answers are missing or not valid. Please go back and check the highlighted questions.', {
        issues: errors.map((e) => ({ path: `answers.${e.questionId}`, message: localize(e.message, req.language, form.defaultLanguage) })),
      }),
    );
  }
  return { kind: 'ready', form, answers, flags: evaluateScreening(form, answers, now, formSettings), identity: clientIdentity(form, answers), digest, formSettings };
}
