/**
 * One audit entry as a sentence a clinic owner reads ("Dana (therapist) opened the intake of
 * Ana García", "The kiosk stored an intake", "12 failed PIN attempts for Sam"): the action picks
 * the text (staff namespace `auditLog`), the actor and subject fill it. Client names are there
 * for admins only (main leaves them out for therapists; the sentence then says "an intake").
 */
import type { AuditListEntry } from '../../../api/contract.ts';

/** i18next's t, narrowed to what the sentences need. */
export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

const detail = (e: AuditListEntry, key: string): string | number | boolean | undefined => e.details[key];

/** Who did it, in words: "Dana (therapist)", "The kiosk", "The kiosk (automatic)". */
export function actorWords(e: Pick<AuditListEntry, 'actor' | 'actorName' | 'actorRole'>, t: Translate): string {
  if (e.actor === 'kiosk-client') return t('auditLog.kiosk');
  if (e.actor === 'system') return t('auditLog.system');
  if (e.actorName && e.actorRole) return t('auditLog.person', { name: e.actorName, role: t(`roles.${e.actorRole}`) });
  return e.actor === 'unknown' ? t('auditLog.notStaff') : t('auditLog.formerStaff');
}

export function auditSentence(e: AuditListEntry, t: Translate): string {
  const who = actorWords(e, t);
  const client = e.subjectKind === 'submission' ? e.subjectName : null;
  const subject = e.subjectKind === 'staff' ? (e.subjectName ?? t('auditLog.formerStaffObject')) : '';
  const aboutClient = (key: string) => (client ? t(`auditLog.${key}`, { who, client }) : t(`auditLog.${key}Anon`, { who }));
  switch (e.action) {
    case 'submission.created':
      return aboutClient('created');
    case 'submission.viewed':
      return aboutClient('viewed');
    case 'submission.acknowledged': {
      const outcome = detail(e, 'outcome');
      const base = aboutClient('acknowledged');
      return typeof outcome === 'string' ? `${base} ${t('outcome.recorded', { outcome: t(`outcome.codes.${outcome}`) })}` : base;
    }
    case 'submission.printed':
      return aboutClient('printed');
    case 'submission.exported':
      // Manual: "exported again"; otherwise the kiosk's own copy to the export folder.
      return aboutClient(detail(e, 'manual') === true ? 'exported' : 'exportedAuto');
    case 'submission.conflict':
      return t('auditLog.conflict');
    case 'submission.purged':
      return t('auditLog.purged', { count: Number(detail(e, 'count') ?? 0) });
    case 'staff.login':
      return t('auditLog.login', { who });
    case 'staff.logout':
      return t('auditLog.logout', { who });
    case 'staff.login_failed':
      return t('auditLog.loginFailed', { who });
    case 'staff.login_failures':
      return t('auditLog.loginFailures', { who, count: Number(detail(e, 'failures') ?? 0) });
    case 'staff.added':
      return detail(e, 'firstRun') === true ? t('auditLog.firstAdmin', { who }) : t('auditLog.staffAdded', { who, subject, role: t(`roles.${String(detail(e, 'role') ?? 'therapist')}`) });
    case 'staff.changed': {
      const op = detail(e, 'op');
      const key = op === 'enabled' ? 'staffEnabled' : op === 'disabled' ? 'staffDisabled' : op === 'language' ? 'staffLanguage' : op === 'pin_reset' ? 'staffPinReset' : 'staffChanged';
      return t(`auditLog.${key}`, { who, subject });
    }
    case 'settings.changed':
      return t('auditLog.settings', { who });
    case 'form.draft_changed':
      return t('auditLog.formDraft', { who });
    case 'form.published':
      return t('auditLog.formPublished', { who, version: e.subjectId?.split('@')[1] ?? '' });
    case 'certificate.changed':
      return t('auditLog.certificate', { who });
    case 'keys.rotated':
      return t('auditLog.keysRotated', { who });
    case 'kiosk.quit':
      return t('auditLog.kioskQuit', { who });
    case 'audit.verified':
      return detail(e, 'ok') === false ? t('auditLog.verifiedBroken', { who, id: String(detail(e, 'firstBrokenId') ?? '') }) : t('auditLog.verifiedOk', { who });
    case 'audit.legacy_sealed':
      return t('auditLog.legacySealed');
    case 'device.pairing_code_created':
      return t('auditLog.pairingCode', { who });
    case 'device.paired':
      return t('auditLog.devicePaired', { who, name: String(detail(e, 'name') ?? '') });
    case 'device.pairing_refused':
      return t('auditLog.pairingRefused', { count: Number(detail(e, 'failures') ?? 0) });
    case 'device.pairing_codes_voided':
      return t('auditLog.pairingVoided');
    case 'device.revoked':
      return t('auditLog.deviceRevoked', { who });
    case 'submission.queued':
      return t('auditLog.queued');
    case 'submission.forwarded':
      return t('auditLog.forwarded');
    case 'network.joined':
      return t('auditLog.networkJoined', { who, server: String(detail(e, 'serverUrl') ?? '') });
    case 'network.left':
      return t('auditLog.networkLeft', { who, server: String(detail(e, 'serverUrl') ?? '') });
    default:
      return t('auditLog.other', { action: e.action });
  }
}
