/**
 * Staff members as the admin manages them: everyone, active or not, and never a PIN or
 * a hash. Writes go through the staff service (its rules: PIN format, last admin stays
 * active); this module only reads the roster with the fields the admin screen needs.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { AdminStaffEntry, StaffLanguage, StaffRole } from '../../api/contract.ts';
import { CoreError } from '../handler.ts';
import type { Clock } from '../ports.ts';
import type { StaffService } from '../staff/service.ts';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly active: number;
  readonly locked_until: string | null;
  readonly created_at: string;
  readonly language: StaffLanguage | null;
}

export type StaffAdmin = ReturnType<typeof createStaffAdmin>;

export function createStaffAdmin(db: DatabaseSync, staff: StaffService, clock: Clock) {
  // Only the columns the screen shows: pin_hash is never selected.
  const all = db.prepare('SELECT id, name, role, active, locked_until, created_at, language FROM staff ORDER BY active DESC, name COLLATE NOCASE, id');
  const one = db.prepare('SELECT id, name, role, active, locked_until, created_at, language FROM staff WHERE id = ?');
  const toEntry = (r: Row): AdminStaffEntry => ({
    staffId: r.id,
    name: r.name,
    role: r.role,
    active: r.active === 1,
    lockedOut: r.locked_until !== null && Date.parse(r.locked_until) > clock.now().getTime(),
    createdAt: r.created_at,
    language: r.language,
  });
  const find = (staffId: string): AdminStaffEntry => {
    const row = one.get(staffId) as Row | undefined;
    if (!row) throw new CoreError('not_found', 'No such staff member.');
    return toEntry(row);
  };

  return {
    list: (): AdminStaffEntry[] => (all.all() as unknown as Row[]).map(toEntry),
    find,
    add(name: string, role: StaffRole, pin: string): AdminStaffEntry {
      return find(staff.addStaff(name, role, pin).staffId);
    },
    setActive(staffId: string, active: boolean): { readonly before: AdminStaffEntry; readonly after: AdminStaffEntry } {
      const before = find(staffId);
      staff.setActive(staffId, active);
      return { before, after: find(staffId) };
    },
    setLanguage(staffId: string, language: StaffLanguage | null): { readonly before: AdminStaffEntry; readonly after: AdminStaffEntry } {
      const before = find(staffId);
      staff.setLanguage(staffId, language);
      return { before, after: find(staffId) };
    },
    resetPin(staffId: string, pin: string): AdminStaffEntry {
      find(staffId);
      staff.resetPin(staffId, pin);
      return find(staffId);
    },
  };
}
