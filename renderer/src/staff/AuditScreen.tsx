import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditCheck } from '../../../api/contract.ts';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { NO_VALUE } from '../i18n/format.ts';
import { useFormat } from '../i18n/use-format.ts';

const PAGE = 50;

/** The tamper-evident audit log, newest first, with a chain check. Ids only: no client names. */
export function AuditScreen({ onBack }: { readonly onBack: () => void }) {
  const { t } = useTranslation('staff');
  const format = useFormat();
  // The newest page; older pages are appended to it as they are asked for.
  const log = useKioskQuery((api) => api.listAudit({ limit: PAGE }), []);
  const older = useKioskAction((api, beforeId: number) => api.listAudit({ limit: PAGE, beforeId }));
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
      <CallError errors={[log.error, older.error, verifyCall.error]} />
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
      <table className="queue-table audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.colNumber')}</th>
            <th scope="col">{t('audit.colWhen')}</th>
            <th scope="col">{t('audit.colWhat')}</th>
            <th scope="col">{t('audit.colWho')}</th>
            <th scope="col">{t('audit.colRecord')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td>{e.id}</td>
              <td>{format.dateTime(e.at)}</td>
              <td>{e.action}</td>
              <td>{e.actorName ?? e.actor}</td>
              <td>{e.subjectId ? e.subjectId.slice(0, 8) : NO_VALUE}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextBeforeId !== null ? (
        <button type="button" className="button secondary" disabled={older.isBusy} onClick={() => void showOlder(nextBeforeId)}>
          {t('audit.showOlder')}
        </button>
      ) : null}
    </section>
  );
}
