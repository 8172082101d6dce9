import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditCheck, AuditGroup } from '../../../api/contract.ts';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { useFormat } from '../i18n/use-format.ts';
import { auditSentence, type Translate } from './audit-sentence.ts';
import { localDayRange } from './queue-view.ts';

const PAGE = 50;
/** The contract's AUDIT_GROUPS, in menu order (the renderer holds the contract's types only). */
const GROUPS = ['records', 'sign_ins', 'staff', 'settings', 'system'] as const satisfies readonly AuditGroup[];

interface Filters {
  readonly what: AuditGroup | '';
  readonly who: string;
  /** Local ISO dates; '' for open-ended. */
  readonly from: string;
  readonly to: string;
}
const NO_FILTERS: Filters = { what: '', who: '', from: '', to: '' };
const parseGroup = (value: string): AuditGroup | '' => GROUPS.find((g) => g === value) ?? '';

/** The filters as the channel takes them: a local day range becomes instants. */
function query(f: Filters) {
  const [first, last] = f.from && f.to && f.from > f.to ? [f.to, f.from] : [f.from, f.to];
  const range = first || last ? localDayRange(first || last, last || first) : null;
  return {
    ...(f.what ? { what: f.what } : {}),
    ...(f.who ? { who: f.who } : {}),
    ...(range && first ? { since: range.since } : {}),
    ...(range && last ? { before: range.before } : {}),
  };
}

/**
 * The tamper-evident audit log as sentences, newest first, filtered by what, who and dates,
 * with a chain check. Client names are in it for admins only (main decides).
 */
export function AuditScreen({ onBack, isAdmin }: { readonly onBack: () => void; readonly isAdmin: boolean }) {
  const { t } = useTranslation('staff');
  const format = useFormat();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const roster = useKioskQuery((api) => api.staffRoster({}), []);
  // The newest page; older pages are appended to it as they are asked for.
  const log = useKioskQuery((api) => api.listAudit({ limit: PAGE, ...query(filters) }), [filters]);
  const older = useKioskAction((api, beforeId: number) => api.listAudit({ limit: PAGE, beforeId, ...query(filters) }));
  const say = t as unknown as Translate;
  const verifyCall = useKioskAction((api) => api.verifyAudit({}));
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const entries = log.data?.entries ?? [];
  const nextBeforeId = log.data?.nextBeforeId ?? null;
  const loginFailures = log.data?.loginFailures ?? [];

  const showOlder = async (beforeId: number) => {
    const result = await older.run(beforeId);
    if (result.ok) log.setData((page) => ({ ...page, entries: [...page.entries, ...result.value.entries], nextBeforeId: result.value.nextBeforeId }));
  };
  const verify = async () => {
    const result = await verifyCall.run();
    if (!result.ok) return;
    setCheck(result.value);
    log.reload();
  };

  return (
    <section className="staff-panel" aria-labelledby="audit-title">
      <div className="queue-head">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <button type="button" className="button secondary" onClick={onBack}>
          {t('detail.backArrow')}
        </button>
        <button type="button" className="button primary" onClick={() => void verify()}>
          {t('audit.verify')}
        </button>
      </div>
      <div aria-live="polite">
        {check === null ? null : check.ok ? (
          <p className="ok-text">{t('audit.intact', { count: check.entries })}</p>
        ) : (
          <p className="error-text">{t('audit.broken', { id: check.firstBrokenId, reason: check.reason })}</p>
        )}
        {check && check.notes.length > 0 ? (
          <ul className="audit-notes">
            {check.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <form className="queue-filters audit-filters" role="search" aria-label={t('auditLog.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <label className="filter">
          <span className="field-label">{t('auditLog.what')}</span>
          <select className="text-input" value={filters.what} onChange={(e) => set({ what: parseGroup(e.target.value) })}>
            <option value="">{t('auditLog.whatAll')}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`auditLog.groups.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="field-label">{t('auditLog.who')}</span>
          <select className="text-input" value={filters.who} onChange={(e) => set({ who: e.target.value })}>
            <option value="">{t('auditLog.whoAll')}</option>
            {(roster.data ?? []).map((r) => (
              <option key={r.staffId} value={r.staffId}>
                {t('auditLog.person', { name: r.name, role: t(`roles.${r.role}`) })}
              </option>
            ))}
            <option value="kiosk-client">{t('auditLog.kiosk')}</option>
            <option value="system">{t('auditLog.system')}</option>
          </select>
        </label>
        <label className="filter">
          <span className="field-label">{t('auditLog.from')}</span>
          <input type="date" className="text-input" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="filter">
          <span className="field-label">{t('auditLog.to')}</span>
          <input type="date" className="text-input" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        {filters !== NO_FILTERS ? (
          <button type="button" className="button secondary" onClick={() => setFilters(NO_FILTERS)}>
            {t('auditLog.clear')}
          </button>
        ) : null}
      </form>
      {isAdmin ? null : <p className="audit-names-note">{t('auditLog.namesForAdmins')}</p>}
      <CallError errors={[log.error, older.error, verifyCall.error, roster.error]} />
      {log.isLoading ? <p aria-busy="true">{t('common.loading')}</p> : null}
      {loginFailures.length > 0 ? (
        <table className="queue-table audit-table" aria-labelledby="login-failures-title">
          <caption id="login-failures-title">{t('audit.failuresTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.failuresWho')}</th>
              <th scope="col">{t('audit.failuresFrom')}</th>
              <th scope="col">{t('audit.failuresCount')}</th>
              <th scope="col">{t('audit.failuresFirst')}</th>
              <th scope="col">{t('audit.failuresLast')}</th>
            </tr>
          </thead>
          <tbody>
            {loginFailures.map((f) => (
              <tr key={`${f.staffId ?? ''}|${f.source}`} data-login-failures={f.failures}>
                <td>{f.staffName ?? f.staffId ?? t('audit.failuresNotStaff')}</td>
                <td>{f.source}</td>
                <td>{format.number(f.failures)}</td>
                <td>{format.dateTime(f.firstAt)}</td>
                <td>{format.dateTime(f.lastAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {log.data && entries.length === 0 ? <p className="queue-empty">{t('auditLog.none')}</p> : null}
      {entries.length > 0 ? (
        <table className="queue-table audit-table">
          <thead>
            <tr>
              <th scope="col">{t('auditLog.colWhen')}</th>
              <th scope="col">{t('auditLog.colWhat')}</th>
              <th scope="col">{t('auditLog.colEntry')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>{format.dateTime(e.at)}</td>
                <td className="audit-sentence">{auditSentence(e, say)}</td>
                <td>{format.number(e.id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {nextBeforeId !== null ? (
        <button type="button" className="button secondary" disabled={older.isBusy} onClick={() => void showOlder(nextBeforeId)}>
          {t('audit.showOlder')}
        </button>
      ) : null}
    </section>
  );
}
