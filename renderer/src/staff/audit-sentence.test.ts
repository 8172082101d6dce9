import { describe, expect, it } from 'vitest';
import type { AuditListEntry } from '../../../api/contract.ts';
import { createStaffI18n, initI18n } from '../i18n/index.ts';
import { auditSentence, type Translate } from './audit-sentence.ts';

initI18n();

const base: AuditListEntry = { id: 1, at: '2026-03-20T10:00:00.000Z', action: 'staff.login', actor: 'dana', actorName: 'Dana', actorRole: 'therapist', subjectId: null, subjectKind: null, subjectName: null, details: {} };
const ANA = '11111111-1111-4111-8111-111111111111';
const entry = (patch: Partial<AuditListEntry>): AuditListEntry => ({ ...base, ...patch });
const onRecord = (action: string, subjectName: string | null, details = {}) => entry({ action, subjectId: ANA, subjectKind: 'submission', subjectName, details });

function sentencesIn(language: string): (e: AuditListEntry) => string {
  const i18n = createStaffI18n(language);
  const t = i18n.getFixedT(language, 'staff') as unknown as Translate;
  return (e) => auditSentence(e, t);
}

describe('audit entries as sentences a clinic owner reads', () => {
  const en = sentencesIn('en');
  it.each<[string, AuditListEntry, string]>([
    ['a view, for an admin', onRecord('submission.viewed', 'Ana García'), 'Dana (therapist) opened the intake of Ana García.'],
    ['a view, for a therapist (no name)', onRecord('submission.viewed', null), 'Dana (therapist) opened an intake.'],
    ['the kiosk stores an intake', { ...onRecord('submission.created', null), actor: 'kiosk-client', actorName: null, actorRole: null }, 'The kiosk stored an intake.'],
    ['an acknowledgement with its outcome', onRecord('submission.acknowledged', 'Ana García', { outcome: 'rebooked' }), 'Dana (therapist) acknowledged the intake of Ana García. Outcome: Rebooked'],
    ['an export copy by the kiosk itself', { ...onRecord('submission.exported', null), actor: 'system', actorName: null, actorRole: null }, 'The kiosk (automatic) copied an intake summary to the export folder.'],
    ['an export again, by hand', onRecord('submission.exported', 'Ana García', { manual: true }), 'Dana (therapist) exported the summary of Ana García again.'],
    ['failed PIN attempts, counted', entry({ action: 'staff.login_failures', actor: 'sam', actorName: 'Sam', actorRole: 'admin', details: { failures: 12 } }), '12 failed PIN attempts for Sam (admin).'],
    ['one failed PIN attempt', entry({ action: 'staff.login_failures', details: { failures: 1 } }), '1 failed PIN attempt for Dana (therapist).'],
    ['failed attempts on an id that is not staff', entry({ action: 'staff.login_failures', actor: 'unknown', actorName: null, actorRole: null, details: { failures: 3 } }), '3 failed PIN attempts for someone not on the staff list.'],
    ['a purge', entry({ action: 'submission.purged', actor: 'system', actorName: null, actorRole: null, details: { count: 4 } }), 'The kiosk deleted 4 intakes older than the retention period.'],
    ['the first administrator', entry({ action: 'staff.added', actorRole: 'admin', subjectId: 'dana', subjectKind: 'staff', subjectName: 'Dana', details: { role: 'admin', firstRun: true } }), 'Dana (admin) set up the kiosk as its first administrator.'],
    ['a staff member added', entry({ action: 'staff.added', actorName: 'Olivia', actorRole: 'admin', subjectId: 'x', subjectKind: 'staff', subjectName: 'Theo', details: { role: 'therapist' } }), 'Olivia (admin) added Theo as therapist.'],
    ['an account turned off, by someone since removed', entry({ action: 'staff.changed', actorName: null, actorRole: null, subjectId: 'x', subjectKind: 'staff', subjectName: 'Theo', details: { op: 'disabled' } }), 'A former staff member turned off the account of Theo.'],
    ['a publish', entry({ action: 'form.published', subjectId: 'massage-intake@3', subjectKind: 'form' }), 'Dana (therapist) published version 3 of the form.'],
    ['a broken log', entry({ action: 'audit.verified', details: { ok: false, firstBrokenId: 17 } }), 'Dana (therapist) checked the log: it is broken at entry 17.'],
    ['a device paired with the clinic server', entry({ action: 'device.paired', actorName: 'Olivia', actorRole: 'admin', subjectId: 'd1', details: { kind: 'browser', name: 'Room 2 tablet' } }), 'The device “Room 2 tablet” was paired with the clinic server (code from Olivia (admin)).'],
    ['a device revoked', entry({ action: 'device.revoked', actorName: 'Olivia', actorRole: 'admin', subjectId: 'd1', details: { kind: 'browser' } }), 'Olivia (admin) removed a paired device; it can no longer reach the clinic server.'],
    ['wrong pairing codes, counted', entry({ action: 'device.pairing_refused', actor: 'system', actorName: null, actorRole: null, details: { failures: 10 } }), 'Wrong pairing codes were entered (10 so far).'],
    ['an intake kept for the clinic server', entry({ action: 'submission.queued', actor: 'kiosk-client', actorName: null, actorRole: null }), 'The kiosk kept an intake to send to the clinic server.'],
    ['the kiosk joined to a clinic server', entry({ action: 'network.joined', actorName: 'Olivia', actorRole: 'admin', subjectId: 'd1', details: { serverUrl: 'https://clinic-server.local:8443' } }), 'Olivia (admin) joined this kiosk to the clinic server https://clinic-server.local:8443.'],
    ['the kiosk taken off it', entry({ action: 'network.left', actorName: 'Olivia', actorRole: 'admin', subjectId: 'd1', details: { serverUrl: 'https://clinic-server.local:8443' } }), 'Olivia (admin) took this kiosk off the clinic server https://clinic-server.local:8443: it works on its own again.'],
    ['an action the screen does not know yet', entry({ action: 'future.thing' }), 'Other entry (future.thing).'],
  ])('%s', (_label, e, expected) => {
    expect(en(e)).toBe(expected);
  });

  it.each(['es', 'fr', 'zh', 'vi', 'ko', 'ar', 'ru'])('%s: every sentence is in that language (no key, no English left)', (language) => {
    const say = sentencesIn(language);
    for (const e of [onRecord('submission.viewed', 'Ana García'), onRecord('submission.created', null), entry({ action: 'staff.login_failures', details: { failures: 12 } }), entry({ action: 'submission.purged', details: { count: 2 } })]) {
      const text = say(e);
      expect(text).not.toMatch(/auditLog\.|opened|stored|failed|deleted/);
      expect(text.length).toBeGreaterThan(5);
    }
  });
});
