import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../data/CallError.tsx';
import { useKioskQuery } from '../data/use-kiosk-data.ts';
import { useQueueChanges } from '../data/use-queue-changes.ts';
import { useFormat } from '../i18n/use-format.ts';
import { KeyboardOwnerContext } from '../widgets/keyboard-context.ts';
import { TextField } from '../widgets/TextField.tsx';
import { SeverityBadge } from './SeverityBadge.tsx';
import { ArrivalBadges } from './ArrivalBadges.tsx';
import { localDayRange, localIsoDate, queueOrder, SEVERITIES } from './queue-view.ts';

type StatusFilter = 'all' | 'new' | 'acknowledged';

interface QueueScreenProps {
  readonly onOpen: (submissionId: string) => void;
}

const REFRESH_MS = 15_000;
const parseStatus = (value: string): StatusFilter => (value === 'new' || value === 'acknowledged' ? value : 'all');

/**
 * Today's submissions (or a date range), unacknowledged first, newest first; search by name in
 * main. Reloads on a timer, and on the changes the host pushes (the clinic server), a burst of
 * them as one reload (use-queue-changes.ts).
 */
export function QueueScreen({ onOpen }: QueueScreenProps) {
  const { t, i18n } = useTranslation('staff');
  const format = useFormat();
  const today = localIsoDate(new Date());
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  // The name search has the on-screen keyboard too: staff use the same lobby touchscreen.
  const [keyboardId, setKeyboardId] = useState<string | null>(null);
  const keyboardOwner = useMemo(() => ({ activeId: keyboardId, setActiveId: setKeyboardId }), [keyboardId]);
  // Reloads with the current filters when they change, on Refresh and every REFRESH_MS.
  const queue = useKioskQuery(
    (api) => {
      const [first, last] = from <= to ? [from, to] : [to, from];
      return api.listQueue({ ...localDayRange(first, last), status, limit: 500, ...(search.trim() ? { search: search.trim() } : {}) });
    },
    [from, to, status, search],
    { refreshMs: REFRESH_MS },
  );
  const items = useMemo(() => (queue.data ? queueOrder(queue.data.items) : null), [queue.data]);
  const reload = queue.reload;
  // Where the host pushes changes (the clinic server), a new intake shows at once (bursts coalesced).
  const isLive = useQueueChanges(queue.refresh);

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
        <h2 id="queue-title">{isToday ? t('queue.titleToday') : t('queue.title')}</h2>
        <button type="button" className="button secondary" onClick={reload}>
          {t('queue.refresh')}
        </button>
      </div>
      {isLive ? <p className="queue-live">{t('queue.live')}</p> : null}
      <form className="queue-filters" onSubmit={submitSearch} role="search" aria-label={t('queue.filtersLabel')}>
        <label className="filter">
          <span className="field-label">{t('queue.from')}</span>
          <input type="date" className="text-input" value={from} max={today} onChange={(e) => setFrom(e.target.value || today)} />
        </label>
        <label className="filter">
          <span className="field-label">{t('queue.to')}</span>
          <input type="date" className="text-input" value={to} max={today} onChange={(e) => setTo(e.target.value || today)} />
        </label>
        <label className="filter">
          <span className="field-label">{t('queue.status')}</span>
          <select className="text-input" value={status} onChange={(e) => setStatus(parseStatus(e.target.value))}>
            <option value="all">{t('queue.statusAll')}</option>
            <option value="new">{t('queue.statusNew')}</option>
            <option value="acknowledged">{t('queue.statusAcknowledged')}</option>
          </select>
        </label>
        <div className="filter filter-search">
          <span className="field-label" id="queue-search-label">
            {t('queue.clientName')}
          </span>
          <KeyboardOwnerContext value={keyboardOwner}>
            <TextField id="queue-search" kind="short" lang={i18n.language} value={searchText} maxLength={120} onChange={setSearchText} describedBy={undefined} invalid={false} labelId="queue-search-label" />
          </KeyboardOwnerContext>
        </div>
        <button type="submit" className="button primary">
          {t('queue.search')}
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
            {t('queue.clearFilters')}
          </button>
        ) : null}
      </form>
      <CallError errors={[queue.error]} />
      {items === null ? (
        queue.isLoading ? <p aria-busy="true">{t('common.loading')}</p> : null
      ) : items.length === 0 ? (
        <p className="queue-empty">{search ? t('queue.noMatch') : t('queue.empty')}</p>
      ) : (
        <table className="queue-table">
          <caption className="visually-hidden">{t('queue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.colClient')}</th>
              <th scope="col">{t('queue.colTime')}</th>
              <th scope="col">{t('queue.colFlags')}</th>
              <th scope="col">{t('queue.colStatus')}</th>
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
                  {showDay ? format.dateTime(item.createdAt) : format.time(item.createdAt)}
                </td>
                <td>
                  <span className="badges">
                    {SEVERITIES.filter((s) => item.severities[s] > 0).map((s) => (
                      <SeverityBadge key={s} severity={s} count={item.severities[s]} />
                    ))}
                    {SEVERITIES.every((s) => item.severities[s] === 0) ? <span className="no-flags">{t('queue.noFlags')}</span> : null}
                  </span>
                  <ArrivalBadges item={item} />
                </td>
                <td>
                  <span className={`status status-${item.status}`}>{item.status === 'new' ? t('queue.statusBadgeNew') : t('queue.statusBadgeAcknowledged')}</span>
                  {item.outcome ? (
                    <span className="queue-outcome" data-outcome={item.outcome}>
                      {t(`outcome.codes.${item.outcome}`)}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
