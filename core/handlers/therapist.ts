/**
 * The therapist's workspace channels. Each is `staff` (a live session, therapist or admin,
 * checked and extended before the body runs) and answers about one submission at a time: the
 * renderer never gets another client's data beyond the queue's listed fields.
 * Views, acknowledgements, prints and exports are audited with ids only.
 */
import { basename } from 'node:path';
import { ok } from '../../api/result.ts';
import type { Acknowledgement, AuditListEntry, RosterEntry } from '../../api/contract.ts';
import type { CoreDeps } from '../deps.ts';
import { AUDIT_CHAIN } from '../audit/log.ts';
import { CoreError, defineHandler, type HandlerTable } from '../handler.ts';
import { initialsOf } from '../intake/identity.ts';
import type { StoredSubmission } from '../submissions/repository.ts';
import { checkAcknowledgement } from '../therapist/acknowledge.ts';
import { createOutcomeRepository } from '../therapist/outcomes.ts';
import { AUDIT_GROUP_ACTIONS, createAuditQuery, subjectKindOf } from '../audit/audit-query.ts';
import { buildSubmissionDetail } from '../therapist/detail.ts';
import { formSettingsOf } from '../settings/store.ts';
import { visitFormSettings } from '../therapist/visit-settings.ts';
import { verifyStoredPdf } from '../therapist/verify-pdf.ts';
import { assertNever } from '../../forms/engine/index.ts';

type TherapistChannel =
  | 'submission:get'
  | 'submission:pdf'
  | 'submission:acknowledge'
  | 'submission:print'
  | 'submission:export'
  | 'audit:list'
  | 'audit:verify'
  | 'staff:touch';

/** Earlier visits compared with: enough for "since last time" and the two-session referral rule. */
const EARLIER_VISITS = 5;

/**
 * The detail screen fetches the detail, then its signed PDF: one opening, one "viewed" entry.
 * The PDF fetch logs its own entry only when the same staff member has not opened that
 * submission's detail within this window (a PDF asked for on its own is still audited).
 */
const SAME_OPENING_MS = 10 * 60_000;

type TherapistDeps = Pick<CoreDeps, 'store' | 'vault' | 'clock' | 'settings' | 'staff' | 'submissions' | 'audit' | 'loginFailures' | 'forms' | 'printer' | 'exporter' | 'handlerOptions' | 'events'>;

export function therapistHandlers(deps: TherapistDeps): Pick<HandlerTable, TherapistChannel> {
  const { handlerOptions: options, staff, submissions, audit } = deps;
  const outcomes = createOutcomeRepository(deps.store, deps.vault);
  const auditQuery = createAuditQuery(deps.store, deps.vault);
  // "staffId submissionId" -> when that staff member last opened the detail (memory only: ids, no names).
  const openedAt = new Map<string, number>();
  const openingKey = (staffId: string, submissionId: string) => `${staffId} ${submissionId}`;
  const rememberOpening = (staffId: string, submissionId: string) => {
    const now = deps.clock.now().getTime();
    for (const [key, at] of openedAt) if (now - at > SAME_OPENING_MS) openedAt.delete(key);
    openedAt.set(openingKey(staffId, submissionId), now);
  };
  const isSameOpening = (staffId: string, submissionId: string) => {
    const at = openedAt.get(openingKey(staffId, submissionId));
    return at !== undefined && deps.clock.now().getTime() - at <= SAME_OPENING_MS;
  };

  const load = async (id: string): Promise<StoredSubmission> => {
    const stored = await submissions.get(id);
    // Purged by retention, or never existed: the same answer either way.
    if (!stored) throw new CoreError('not_found', 'This submission is no longer on the kiosk.');
    return stored;
  };
  const formOf = async (s: Pick<StoredSubmission, 'formId' | 'formVersion'>) => (await deps.forms.get(s.formId, s.formVersion)) ?? (await deps.forms.active());
  const staffById = async (): Promise<ReadonlyMap<string, RosterEntry>> => new Map((await staff.roster()).map((r) => [r.staffId, r] as const));
  const acknowledgementOf = async (s: StoredSubmission): Promise<Acknowledgement> => ({
    status: s.status,
    at: s.acknowledgedAt,
    byStaffId: s.acknowledgedBy,
    byName: s.acknowledgedBy ? ((await staffById()).get(s.acknowledgedBy)?.name ?? null) : null,
    outcome: s.status === 'acknowledged' ? await outcomes.get(s.id) : null,
  });
  const signatureOf = (s: StoredSubmission) => verifyStoredPdf(s.pdf, s.pdfSha256, s.signedAt);

  return {
    'submission:get': defineHandler('submission:get', options, async (req, { session }) => {
      const stored = await load(req.submissionId);
      const earlier = stored.dateOfBirth ? await submissions.findEarlier(stored.clientName, stored.dateOfBirth, stored.createdAt, EARLIER_VISITS) : { visits: [], total: 0 };
      const form = await formOf(stored);
      // The steps the client saw: the age of consent of the visit, not today's (therapist/visit-settings.ts).
      const visit = visitFormSettings({ form, answers: stored.answers, createdAt: stored.createdAt, stored: stored.formSettings ?? null, today: formSettingsOf(deps.settings.get()) });
      const detail = buildSubmissionDetail({
        submissionId: stored.id,
        createdAt: stored.createdAt,
        clientName: stored.clientName,
        dateOfBirth: stored.dateOfBirth,
        language: stored.language,
        form,
        answers: stored.answers,
        flags: stored.flags,
        acknowledgement: await acknowledgementOf(stored),
        signature: signatureOf(stored),
        earlier: await Promise.all(earlier.visits.map(async (e) => ({ submissionId: e.id, createdAt: e.createdAt, form: await formOf(e), answers: e.answers, flags: e.flags }))),
        earlierTotal: earlier.total,
        formSettings: visit.settings,
      });
      await audit.append({ action: 'submission.viewed', actor: session.staffId, subjectId: stored.id, details: { earlierVisits: earlier.total } });
      rememberOpening(session.staffId, stored.id);
      return ok(detail);
    }),

    'submission:pdf': defineHandler('submission:pdf', options, async (req, { session }) => {
      const stored = await load(req.submissionId);
      if (!isSameOpening(session.staffId, stored.id)) await audit.append({ action: 'submission.viewed', actor: session.staffId, subjectId: stored.id, details: { part: 'pdf' } });
      return ok({ pdfBase64: Buffer.from(stored.pdf).toString('base64'), signature: signatureOf(stored) });
    }),

    'submission:acknowledge': defineHandler('submission:acknowledge', options, async (req, { session }) => {
      const stored = await load(req.submissionId);
      if (stored.status === 'acknowledged') throw new CoreError('conflict', 'This submission has already been acknowledged.');
      const check = checkAcknowledgement(stored.flags, req.flagsRead, req.outcome);
      if (!check.ok) throw new CoreError('invalid_request', check.message);
      const outcome = req.outcome ? { code: req.outcome.code, note: req.outcome.note?.trim() || null } : null;
      // The status, the outcome and the audit entry commit together: never one without the others.
      await deps.store.transaction(async () => {
        if (!(await submissions.acknowledge(stored.id, session.staffId))) throw new CoreError('conflict', 'This submission has already been acknowledged.');
        await audit.append({
          action: 'submission.acknowledged',
          actor: session.staffId,
          subjectId: stored.id,
          // The outcome's code only: the note is free text about the client's care and stays sealed.
          details: { flags: stored.flags.length, ticked: stored.flags.filter((f) => req.flagsRead.includes(f.code)).length, ...(outcome ? { outcome: outcome.code } : {}) },
        });
        if (outcome && !(await outcomes.record(stored.id, outcome, session.staffId, deps.clock.now()))) {
          throw new CoreError('conflict', 'This submission has already been acknowledged.');
        }
      }, AUDIT_CHAIN);
      deps.events.queueChanged();
      return ok(await acknowledgementOf(await load(stored.id)));
    }),

    'submission:print': defineHandler('submission:print', options, async (req, { session }) => {
      const stored = await load(req.submissionId);
      // The job name shows in the OS print queue: an id fragment, never the client's name.
      const outcome = await deps.printer.print(stored.pdf, `Intake summary ${stored.id.slice(0, 8)}`);
      switch (outcome.kind) {
        case 'printed':
          await audit.append({ action: 'submission.printed', actor: session.staffId, subjectId: stored.id, details: { mode: 'printer' } });
          return ok({ kind: 'printed' as const });
        case 'pdf':
          await audit.append({ action: 'submission.printed', actor: session.staffId, subjectId: stored.id, details: { mode: 'pdf' } });
          return ok({ kind: 'pdf' as const, pdfBase64: outcome.pdfBase64 });
        case 'failed':
          throw new CoreError('unavailable', `The summary was not printed: ${outcome.message}`);
        default:
          return assertNever(outcome, 'print outcome');
      }
    }),

    'submission:export': defineHandler('submission:export', options, async (req, { session }) => {
      const stored = await load(req.submissionId);
      const result = await deps.exporter.exportPdf(stored.id, stored.pdf, new Date(stored.createdAt), initialsOf(stored.clientName));
      if (!result.ok) throw new CoreError('unavailable', `The summary was not exported: ${result.message}`);
      await audit.append({ action: 'submission.exported', actor: session.staffId, subjectId: stored.id, details: { manual: true } });
      return ok({ fileName: basename(result.path) });
    }),

    'audit:list': defineHandler('audit:list', options, async (req, { session }) => {
      const people = await staffById();
      const entries = await auditQuery.list({
        limit: req.limit,
        beforeId: req.beforeId,
        actions: req.what ? AUDIT_GROUP_ACTIONS[req.what] : undefined,
        actor: req.who,
        since: req.since,
        before: req.before,
      });
      // Client names for admins only; a therapist's log says "an intake".
      const clientIds = entries.filter((e) => e.subjectId && subjectKindOf(e.action) === 'submission').map((e) => e.subjectId ?? '');
      const clients = session.role === 'admin' ? await auditQuery.clientNames(clientIds) : new Map<string, string>();
      const listed = entries.map((e): AuditListEntry => {
        const subjectKind = e.subjectId ? subjectKindOf(e.action) : null;
        const subjectName = !e.subjectId ? null : subjectKind === 'staff' ? (people.get(e.subjectId)?.name ?? null) : subjectKind === 'submission' ? (clients.get(e.subjectId) ?? null) : null;
        return {
          id: e.id,
          at: e.at,
          action: e.action,
          actor: e.actor,
          actorName: people.get(e.actor)?.name ?? null,
          actorRole: people.get(e.actor)?.role ?? null,
          subjectId: e.subjectId,
          subjectKind,
          subjectName,
          details: e.details,
        };
      });
      const last = entries[entries.length - 1];
      const loginFailures = (await deps.loginFailures.list()).map((f) => ({
        staffId: f.staffId,
        staffName: f.staffId ? (people.get(f.staffId)?.name ?? null) : null,
        source: f.source,
        failures: f.failures,
        firstAt: f.firstAt,
        lastAt: f.lastAt,
      }));
      return ok({ entries: listed, nextBeforeId: entries.length === req.limit && last && last.id > 1 ? last.id : null, loginFailures });
    }),

    'audit:verify': defineHandler('audit:verify', options, async (_req, { session }) => {
      const result = await audit.verify();
      await audit.append({ action: 'audit.verified', actor: session.staffId, details: result.ok ? { ok: true, entries: result.entries } : { ok: false, firstBrokenId: result.firstBrokenId } });
      return ok(result);
    }),

    // The access check has already extended the session: answer with its new expiry.
    'staff:touch': defineHandler('staff:touch', options, (_req, { session }) => ok(session)),
  };
}
