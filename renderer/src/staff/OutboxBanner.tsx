import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from '../../../api/contract.ts';
import { useKioskQuery } from '../data/use-kiosk-data.ts';
import { useFormat } from '../i18n/use-format.ts';

const REFRESH_MS = 15_000;

/**
 * On a kiosk in network mode, the staff home says how many intakes are still waiting to reach
 * the clinic server, since when, and the last problem (unreachable, or refused by the server).
 * When the server no longer accepts this kiosk (its device was revoked), waiting does not help:
 * the banner says so first, that the intakes are kept, and what to do (join it again).
 * Nothing at all on a single kiosk or when the outbox is empty. A failed status call shows
 * nothing either: the banner is a hint, the queue below is the work.
 */
export function OutboxBanner() {
  const status = useKioskQuery((api) => api.outboxStatus({}), [], { refreshMs: REFRESH_MS });
  return status.data ? <OutboxNotice status={status.data} /> : null;
}

export function OutboxNotice({ status }: { readonly status: OutboxStatus }) {
  const { t } = useTranslation('staff');
  const format = useFormat();
  if (!status.networkMode || status.waiting === 0) return null;
  const { lastError } = status;
  const oldest = status.oldestAt ? ` ${t('outbox.oldest', { time: format.dateTime(status.oldestAt) })}` : null;
  const detail = lastError ? <p className="outbox-detail">{t('outbox.lastError', { time: format.dateTime(lastError.at), message: lastError.message })}</p> : null;
  if (lastError?.kind === 'not_paired') {
    return (
      <section className="outbox-banner" role="status" aria-label={t('outbox.label')}>
        <p className="outbox-count">
          <strong>{t('outbox.notPaired')}</strong>
        </p>
        <p>
          {t('outbox.kept', { count: status.waiting })}
          {oldest}
        </p>
        <p>{t('outbox.notPairedAction')}</p>
        {detail}
      </section>
    );
  }
  return (
    <section className="outbox-banner" role="status" aria-label={t('outbox.label')}>
      <p className="outbox-count">
        <strong>{t('outbox.waiting', { count: status.waiting })}</strong>
        {oldest}
      </p>
      {status.refused > 0 ? <p>{t('outbox.refused', { count: status.refused })}</p> : lastError?.kind === 'unreachable' ? <p>{t('outbox.unreachable')}</p> : null}
      {detail}
    </section>
  );
}
