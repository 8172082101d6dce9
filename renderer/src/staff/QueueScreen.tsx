import { useEffect, useState } from 'react';
import type { QueueItem, Severity } from '../../../api/contract.ts';

const SEVERITY_WORDS: Readonly<Record<Severity, string>> = {
  stop: 'Stop',
  clearance: 'Clearance',
  modify: 'Modify',
  info: 'Info',
};
const SEVERITIES: readonly Severity[] = ['stop', 'clearance', 'modify', 'info'];

/** Today's submissions, newest first, with severity badges in words. */
export function QueueScreen({ onSessionEnded }: { readonly onSessionEnded: () => void }) {
  const [items, setItems] = useState<readonly QueueItem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void window.kiosk.listQueue({}).then((r) => {
      if (r.ok) setItems(r.value.items);
      else if (r.error.code === 'unauthenticated') onSessionEnded();
      else setMessage(r.error.message);
    });
  }, [onSessionEnded]);

  return (
    <section className="staff-panel" aria-labelledby="queue-title">
      <h2 id="queue-title">Waiting clients</h2>
      {message ? (
        <p role="alert" className="error-text">
          {message}
        </p>
      ) : null}
      {items === null ? null : items.length === 0 ? (
        <p>No submissions yet.</p>
      ) : (
        <table className="queue">
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Time</th>
              <th scope="col">Flags</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.submissionId}>
                <td>{item.clientName}</td>
                <td>{new Date(item.createdAt).toLocaleString()}</td>
                <td>
                  {SEVERITIES.filter((s) => item.severities[s] > 0).map((s) => (
                    <span key={s} className={`badge badge-${s}`}>
                      {SEVERITY_WORDS[s]} × {item.severities[s]}
                    </span>
                  ))}
                  {SEVERITIES.every((s) => item.severities[s] === 0) ? 'None' : null}
                </td>
                <td>{item.status === 'new' ? 'New' : 'Acknowledged'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
