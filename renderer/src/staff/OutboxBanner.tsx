import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from '../../../api/contract.ts';
import { useKioskQuery } from '../data/use-kiosk-data.ts';
import { useFormat } from '../i18n/use-format.ts';

const REFRESH_MS = 15_000;

/**
 * On a kiosk in network mode, the staff home says how many intakes are still waiting to reach
 * the clinic server, since when, and the last problem (unreachable, or refused by the server).
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
  return (
    <section className="outbox-banner" role="status" aria-label={t('outbox.label')}>
      <p className="outbox-count">
        <strong>{t('outbox.waiting', { count: status.waiting })}</strong>
        {status.oldestAt ? ` ${t('outbox.oldest', { time: format.dateTime(status.oldestAt) })}` : null}
      </p>
      {status.refused > 0 ? <p>{t('outbox.refused', { count: status.refused })}</p> : lastError?.kind === 'unreachable' ? <p>{t('outbox.unreachable')}</p> : null}
      {lastError ? <p className="outbox-detail">{t('outbox.lastError', { time: format.dateTime(lastError.at), message: lastError.message })}</p> : null}
    </section>
  );
}
