import { useEffect, useState } from 'react';
import type { AuditCheck, AuditListEntry, LoginFailureSummary } from '../../../api/contract.ts';
import type { ApiError } from '../../../api/result.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });
const PAGE = 50;

/** The tamper-evident audit log, newest first, with a chain check. Ids only: no client names. */
export function AuditScreen({ onBack, onError }: { readonly onBack: () => void; readonly onError: (error: ApiError) => void }) {
  const [entries, setEntries] = useState<readonly AuditListEntry[]>([]);
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null);
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [loginFailures, setLoginFailures] = useState<readonly LoginFailureSummary[]>([]);

  const load = async (beforeId?: number) => {
    const result = await window.kiosk.listAudit({ limit: PAGE, ...(beforeId === undefined ? {} : { beforeId }) });
    if (!result.ok) return onError(result.error);
    setEntries((current) => (beforeId === undefined ? result.value.entries : [...current, ...result.value.entries]));
    setNextBeforeId(result.value.nextBeforeId);
    setLoginFailures(result.value.loginFailures);
  };

  useEffect(() => {
    void (async () => {
      const result = await window.kiosk.listAudit({ limit: PAGE });
      if (!result.ok) return onError(result.error);
      setEntries(result.value.entries);
      setNextBeforeId(result.value.nextBeforeId);
      setLoginFailures(result.value.loginFailures);
    })();
  }, [onError]);

  const verify = async () => {
    const result = await window.kiosk.verifyAudit({});
    if (!result.ok) return onError(result.error);
    setCheck(result.value);
    await load();
  };

  return (
    <section className="staff-panel" aria-labelledby="audit-title">
      <div className="queue-head">
        <h2 id="audit-title">Audit log</h2>
        <button type="button" className="button secondary" onClick={onBack}>
          ← Back to the list
        </button>
        <button type="button" className="button primary" onClick={() => void verify()}>
          Check the log is intact
        </button>
      </div>
      <div aria-live="polite">
        {check === null ? null : check.ok ? (
          <p className="ok-text">✓ Intact: all {check.entries} entries chain correctly.</p>
        ) : (
          <p className="error-text">
            Broken at entry {check.firstBrokenId}: {check.reason}.
          </p>
        )}
        {check && check.notes.length > 0 ? (
          <ul className="audit-notes">
            {check.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {loginFailures.length > 0 ? (
        <table className="queue-table audit-table" aria-labelledby="login-failures-title">
          <caption id="login-failures-title">Failed sign-ins (counted; the log holds summaries)</caption>
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">From</th>
              <th scope="col">Failures</th>
              <th scope="col">First</th>
              <th scope="col">Last</th>
            </tr>
          </thead>
          <tbody>
            {loginFailures.map((f) => (
              <tr key={`${f.staffId ?? ''}|${f.source}`} data-login-failures={f.failures}>
                <td>{f.staffName ?? f.staffId ?? 'Not a staff member'}</td>
                <td>{f.source}</td>
                <td>{f.failures}</td>
                <td>{dateTime.format(new Date(f.firstAt))}</td>
                <td>{dateTime.format(new Date(f.lastAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <table className="queue-table audit-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Who</th>
            <th scope="col">Record</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td>{e.id}</td>
              <td>{dateTime.format(new Date(e.at))}</td>
              <td>{e.action}</td>
              <td>{e.actorName ?? e.actor}</td>
              <td>{e.subjectId ? e.subjectId.slice(0, 8) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextBeforeId !== null ? (
        <button type="button" className="button secondary" onClick={() => void load(nextBeforeId)}>
          Show older entries
        </button>
      ) : null}
    </section>
  );
}
