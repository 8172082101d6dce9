import { useCallback, useEffect, useState } from 'react';
import type { AdminStaffEntry, StaffRole } from '../../../api/contract.ts';

/** Staff members: add with role and PIN, disable/enable, reset a PIN. PINs are never shown. */
export function StaffPanel({ onSessionEnded }: { readonly onSessionEnded: () => void }) {
  const [staff, setStaff] = useState<readonly AdminStaffEntry[]>([]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('therapist');
  const [pin, setPin] = useState('');
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [newPin, setNewPin] = useState('');
  const [status, setStatus] = useState('');

  const handle = useCallback(
    (error: { code: string; message: string }) => (error.code === 'unauthenticated' ? onSessionEnded() : setStatus(error.message)),
    [onSessionEnded],
  );
  const load = useCallback(async () => {
    const r = await window.kiosk.adminListStaff({});
    if (r.ok) setStaff(r.value.staff);
    else handle(r.error);
  }, [handle]);
  useEffect(() => {
    void window.kiosk.adminListStaff({}).then((r) => (r.ok ? setStaff(r.value.staff) : handle(r.error)));
  }, [handle]);

  const add = async () => {
    const r = await window.kiosk.adminAddStaff({ name, role, pin });
    setPin('');
    if (!r.ok) return handle(r.error);
    setName('');
    setStatus(`${r.value.name} added as ${r.value.role}.`);
    await load();
  };
  const toggle = async (s: AdminStaffEntry) => {
    const r = await window.kiosk.adminSetStaffActive({ staffId: s.staffId, active: !s.active });
    if (!r.ok) return handle(r.error);
    setStatus(`${s.name} ${r.value.active ? 'enabled' : 'disabled'}.`);
    await load();
  };
  const reset = async (s: AdminStaffEntry) => {
    const r = await window.kiosk.adminResetStaffPin({ staffId: s.staffId, pin: newPin });
    setNewPin('');
    if (!r.ok) return handle(r.error);
    setResetFor(null);
    setStatus(`PIN for ${s.name} changed.`);
    await load();
  };

  return (
    <section className="staff-panel" aria-labelledby="staff-admin-heading">
      <h2 id="staff-admin-heading">Staff members</h2>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.staffId}>
              <th scope="row">{s.name}</th>
              <td>{s.role}</td>
              <td>
                {s.active ? '✓ Active' : '✕ Disabled'}
                {s.lockedOut ? ' · 🔒 locked out' : ''}
              </td>
              <td>
                <div className="item-actions">
                  <button type="button" className="button secondary small" onClick={() => void toggle(s)}>
                    {s.active ? 'Disable' : 'Enable'}
                    <span className="visually-hidden"> {s.name}</span>
                  </button>
                  <button type="button" className="button secondary small" aria-expanded={resetFor === s.staffId} onClick={() => setResetFor(resetFor === s.staffId ? null : s.staffId)}>
                    Reset PIN<span className="visually-hidden"> for {s.name}</span>
                  </button>
                </div>
                {resetFor === s.staffId ? (
                  <div className="row-fields">
                    <div className="field">
                      <label htmlFor={`new-pin-${s.staffId}`} className="field-label">
                        New PIN for {s.name} (6-12 digits)
                      </label>
                      <input id={`new-pin-${s.staffId}`} className="admin-input narrow" type="password" inputMode="numeric" autoComplete="new-password" value={newPin} onChange={(e) => setNewPin(e.target.value)} />
                    </div>
                    <button type="button" className="button primary small" onClick={() => void reset(s)}>
                      Set PIN
                    </button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Add a staff member</h3>
      <div className="row-fields">
        <div className="field">
          <label htmlFor="new-staff-name" className="field-label">
            Name
          </label>
          <input id="new-staff-name" className="admin-input" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-staff-role" className="field-label">
            Role
          </label>
          <select id="new-staff-role" className="admin-input" value={role} onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'therapist')}>
            <option value="therapist">Therapist</option>
            <option value="admin">Administrator</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-staff-pin" className="field-label">
            PIN (6-12 digits)
          </label>
          <input id="new-staff-pin" className="admin-input narrow" type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(e.target.value)} />
        </div>
        <button type="button" className="button primary" onClick={() => void add()}>
          Add staff member
        </button>
      </div>
      <p role="status" className="admin-status">
        {status}
      </p>
    </section>
  );
}
