/**
 * Reading the audit log with filters, on the storage port: the kind of entry (a group of
 * actions), who did it, and a period. Newest first, paged by id. Read only: appends stay with
 * log.ts (the chain). Also names an entry's subject: a staff member for staff entries, and a
 * client's name (opened from the submission's sealed column) when the caller may see it.
 */
import type { AuditGroup } from '../../api/contract.ts';
import type { Vault } from '../crypto/vault.ts';
import type { Queryable } from '../db/port.ts';
import { submissionSealedColumns } from '../submissions/repository.ts';
import type { AuditAction, AuditDetails } from './log.ts';

/** Which actions each filter group lists; every action is in exactly one group (audit-query.test.ts). */
export const AUDIT_GROUP_ACTIONS: Readonly<Record<AuditGroup, readonly AuditAction[]>> = {
  records: ['submission.created', 'submission.viewed', 'submission.acknowledged', 'submission.printed', 'submission.exported', 'submission.conflict', 'submission.queued', 'submission.forwarded'],
  // Who got in: staff sign-ins and the devices paired with the clinic server.
  sign_ins: ['staff.login', 'staff.logout', 'staff.login_failed', 'staff.login_failures', 'device.pairing_code_created', 'device.paired', 'device.pairing_refused', 'device.pairing_codes_voided', 'device.revoked'],
  staff: ['staff.added', 'staff.changed'],
  settings: ['settings.changed', 'form.draft_changed', 'form.published', 'certificate.changed', 'keys.rotated', 'kiosk.quit', 'network.joined', 'network.left'],
  system: ['submission.purged', 'audit.verified', 'audit.legacy_sealed'],
};

export interface AuditFilter {
  readonly limit: number;
  readonly beforeId?: number | undefined;
  readonly actions?: readonly string[] | undefined;
  readonly actor?: string | undefined;
  /** ISO instants: at or after `since`, before `before`. */
  readonly since?: string | undefined;
  readonly before?: string | undefined;
}

export interface AuditRow {
  readonly id: number;
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly subjectId: string | null;
  readonly details: AuditDetails;
}

/** What an entry's subject id names, by its action. */
export function subjectKindOf(action: string): 'submission' | 'staff' | 'form' | null {
  if (action.startsWith('submission.') && action !== 'submission.purged') return 'submission';
  if (action === 'staff.added' || action === 'staff.changed') return 'staff';
  if (action.startsWith('form.')) return 'form';
  return null;
}

const CLIENT_NAME = submissionSealedColumns.find((c) => c.column === 'client_name');
const CHUNK = 500;

export function createAuditQuery(store: Queryable, vault: Vault) {
  return {
    async list(f: AuditFilter): Promise<AuditRow[]> {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (f.beforeId !== undefined) {
        where.push('id < ?');
        params.push(f.beforeId);
      }
      if (f.actions !== undefined) {
        if (f.actions.length === 0) return [];
        where.push(`action IN (${f.actions.map(() => '?').join(', ')})`);
        params.push(...f.actions);
      }
      if (f.actor !== undefined) {
        where.push('actor = ?');
        params.push(f.actor);
      }
      // ISO-8601 UTC text sorts as time does.
      if (f.since !== undefined) {
        where.push('at >= ?');
        params.push(new Date(f.since).toISOString());
      }
      if (f.before !== undefined) {
        where.push('at < ?');
        params.push(new Date(f.before).toISOString());
      }
      const limit = Math.max(1, Math.min(Math.trunc(f.limit), 1000));
      const rows = await store.all<{ id: number | string; at: string; action: string; actor: string; subject_id: string | null; details: string }>(
        `SELECT id, at, action, actor, subject_id, details FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
        [...params, limit],
      );
      return rows.map((r) => ({ id: Number(r.id), at: r.at, action: r.action, actor: r.actor, subjectId: r.subject_id, details: JSON.parse(r.details) as AuditDetails }));
    },

    /** Client names of the submissions still on the kiosk (purged ones are absent). For admins' eyes only. */
    async clientNames(submissionIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
      const names = new Map<string, string>();
      if (!CLIENT_NAME) return names;
      const unique = [...new Set(submissionIds)];
      for (let i = 0; i < unique.length; i += CHUNK) {
        const ids = unique.slice(i, i + CHUNK);
        const rows = await store.all<{ id: string; client_name: Uint8Array }>(`SELECT id, client_name FROM submissions WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
        for (const row of rows) names.set(row.id, vault.openText(row.client_name, CLIENT_NAME.aad(row.id)));
      }
      return names;
    },
  };
}
