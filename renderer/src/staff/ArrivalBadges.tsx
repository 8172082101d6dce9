import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../api/contract.ts';

/**
 * On the clinic server's queue, for an intake a kiosk forwarded: "arrived late (queued on the
 * kiosk)" when it waited in the kiosk's outbox, and "kiosk clock off by N min" when the kiosk's
 * clock was more than 2 minutes from the server's (its visit time is the kiosk's). Words, not colour.
 */
export function ArrivalBadges({ item }: { readonly item: Pick<QueueItem, 'arrival'> }) {
  const { t } = useTranslation('staff');
  const arrival = item.arrival;
  if (!arrival || (!arrival.late && arrival.clockSkewMinutes === null)) return null;
  return (
    <span className="badges arrival-badges">
      {arrival.late ? <span className="arrival-badge">{t('queue.arrivedLate')}</span> : null}
      {arrival.clockSkewMinutes !== null ? <span className="arrival-badge">{t('queue.clockOff', { minutes: Math.abs(arrival.clockSkewMinutes) })}</span> : null}
    </span>
  );
}
