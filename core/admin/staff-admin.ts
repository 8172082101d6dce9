/**
 * Staff members as the admin manages them: everyone, active or not, and never a PIN or
 * a hash. Writes go through the staff service (its rules: PIN format, last admin stays
 * active); this module only reads the roster with the fields the admin screen needs.
 */
import type { Queryable } from '../db/port.ts';
import type { AdminStaffEntry, StaffLanguage, StaffRole } from '../../api/contract.ts';
import { CoreError } from '../handler.ts';
import type { Clock } from '../ports.ts';
import type { StaffService } from '../staff/service.ts';

type Row = {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly active: number;
  readonly locked_until: string | null;
  readonly created_at: string;
  readonly language: StaffLanguage | null;
}

export type StaffAdmin = ReturnType<typeof createStaffAdmin>;

// Only the columns the screen shows: pin_hash is never selected.
const COLUMNS = 'id, name, role, active, locked_until, created_at, language';

export function createStaffAdmin(db: Queryable, staff: StaffService, clock: Clock) {
  const toEntry = (r: Row): AdminStaffEntry => ({
    staffId: r.id,
    name: r.name,
    role: r.role,
    active: r.active === 1,
    lockedOut: r.locked_until !== null && Date.parse(r.locked_until) > clock.now().getTime(),
    createdAt: r.created_at,
    language: r.language,
  });
  const find = async (staffId: string): Promise<AdminStaffEntry> => {
    const row = await db.one<Row>(`SELECT ${COLUMNS} FROM staff WHERE id = ?`, [staffId]);
    if (!row) throw new CoreError('not_found', 'No such staff member.');
    return toEntry(row);
  };

  return {
    list: async (): Promise<AdminStaffEntry[]> => (await db.all<Row>(`SELECT ${COLUMNS} FROM staff ORDER BY active DESC, lower(name), id`)).map(toEntry),
    find,
    async add(name: string, role: StaffRole, pin: string): Promise<AdminStaffEntry> {
      return find((await staff.addStaff(name, role, pin)).staffId);
    },
    async setActive(staffId: string, active: boolean): Promise<{ readonly before: AdminStaffEntry; readonly after: AdminStaffEntry }> {
      const before = await find(staffId);
      await staff.setActive(staffId, active);
      return { before, after: await find(staffId) };
    },
    async setLanguage(staffId: string, language: StaffLanguage | null): Promise<{ readonly before: AdminStaffEntry; readonly after: AdminStaffEntry }> {
      const before = await find(staffId);
      await staff.setLanguage(staffId, language);
      return { before, after: await find(staffId) };
    },
    async resetPin(staffId: string, pin: string): Promise<AdminStaffEntry> {
      await find(staffId);
      await staff.resetPin(staffId, pin);
      return find(staffId);
    },
  };
}
