import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { QueueItem } from '../../../api/contract.ts';
import type { ApiError } from '../../../api/result.ts';
import { KeyboardOwnerContext } from '../widgets/keyboard-context.ts';
import { TextField } from '../widgets/TextField.tsx';
import { SeverityBadge } from './SeverityBadge.tsx';
import { localDayRange, localIsoDate, queueOrder, SEVERITIES } from './queue-view.ts';

type StatusFilter = 'all' | 'new' | 'acknowledged';

interface QueueScreenProps {
  readonly onOpen: (submissionId: string) => void;
  readonly onError: (error: ApiError) => void;
}

const REFRESH_MS = 15_000;
const parseStatus = (value: string): StatusFilter => (value === 'new' || value === 'acknowledged' ? value : 'all');
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Today's submissions (or a date range), unacknowledged first, newest first; search by name in main. */
export function QueueScreen({ onOpen, onError }: QueueScreenProps) {
  const today = localIsoDate(new Date());
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  // The name search has the on-screen keyboard too: staff use the same lobby touchscreen.
  const [keyboardId, setKeyboardId] = useState<string | null>(null);
  const keyboardOwner = useMemo(() => ({ activeId: keyboardId, setActiveId: setKeyboardId }), [keyboardId]);
  const [items, setItems] = useState<readonly QueueItem[] | null>(null);

  // Bumped by the Refresh button and the timer: each bump reloads with the current filters.
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    let isCancelled = false;
    const [first, last] = from <= to ? [from, to] : [to, from];
    const query = { ...localDayRange(first, last), status, limit: 500, ...(search.trim() ? { search: search.trim() } : {}) };
    void window.kiosk.listQueue(query).then((result) => {
      if (isCancelled) return;
      if (!result.ok) return onError(result.error);
      setItems(queueOrder(result.value.items));
    });
    return () => {
      isCancelled = true;
    };
  }, [from, to, status, search, reloads, onError]);

  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setKeyboardId(null);
    setSearch(searchText);
  };
  const isToday = from === today && to === today;
  const showDay = from !== to;

  return (
    <section className="staff-panel" aria-labelledby="queue-title">
      <div className="queue-head">
        <h2 id="queue-title">{isToday ? "Today's clients" : 'Clients'}</h2>
        <button type="button" className="button secondary" onClick={reload}>
          Refresh
        </button>
      </div>
      <form className="queue-filters" onSubmit={submitSearch} role="search" aria-label="Find submissions">
        <label className="filter">
          <span className="field-label">From</span>
          <input type="date" className="text-input" value={from} max={today} onChange={(e) => setFrom(e.target.value || today)} />
        </label>
        <label className="filter">
          <span className="field-label">To</span>
          <input type="date" className="text-input" value={to} max={today} onChange={(e) => setTo(e.target.value || today)} />
        </label>
        <label className="filter">
          <span className="field-label">Status</span>
          <select className="text-input" value={status} onChange={(e) => setStatus(parseStatus(e.target.value))}>
            <option value="all">All</option>
            <option value="new">Not yet acknowledged</option>
            <option value="acknowledged">Acknowledged</option>
          </select>
        </label>
        <div className="filter filter-search">
          <span className="field-label" id="queue-search-label">
            Client name
          </span>
          <KeyboardOwnerContext value={keyboardOwner}>
            <TextField id="queue-search" kind="short" lang="en" value={searchText} maxLength={120} onChange={setSearchText} describedBy={undefined} invalid={false} labelId="queue-search-label" />
          </KeyboardOwnerContext>
        </div>
        <button type="submit" className="button primary">
          Search
        </button>
        {search || !isToday || status !== 'all' ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setFrom(today);
              setTo(today);
              setStatus('all');
              setSearchText('');
              setSearch('');
              setKeyboardId(null);
            }}
          >
            Clear filters
          </button>
        ) : null}
      </form>
      {items === null ? (
        <p aria-busy="true">Loading…</p>
      ) : items.length === 0 ? (
        <p className="queue-empty">{search ? 'No client matches that name in these dates.' : 'No submissions in these dates.'}</p>
      ) : (
        <table className="queue-table">
          <caption className="visually-hidden">Submissions, not yet acknowledged first, newest first</caption>
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
              <tr key={item.submissionId} className={item.status === 'new' ? 'is-new' : 'is-done'} data-submission={item.submissionId}>
                <th scope="row">
                  <button type="button" className="queue-open" onClick={() => onOpen(item.submissionId)}>
                    {item.clientName}
                  </button>
                </th>
                <td>
                  {showDay ? `${dayFormat.format(new Date(item.createdAt))} ` : ''}
                  {timeFormat.format(new Date(item.createdAt))}
                </td>
                <td>
                  <span className="badges">
                    {SEVERITIES.filter((s) => item.severities[s] > 0).map((s) => (
                      <SeverityBadge key={s} severity={s} count={item.severities[s]} />
                    ))}
                    {SEVERITIES.every((s) => item.severities[s] === 0) ? <span className="no-flags">No flags</span> : null}
                  </span>
                </td>
                <td>
                  <span className={`status status-${item.status}`}>{item.status === 'new' ? '● New' : '✓ Acknowledged'}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
