import { useTranslation } from 'react-i18next';
import type { SubmitReceipt } from '../../../api/contract.ts';
import { useCountdown } from '../hooks/use-countdown.ts';

interface DoneScreenProps {
  readonly receipt: SubmitReceipt;
  readonly resetMs: number;
  readonly onReset: () => void;
}

/**
 * The clear end. On a stop flag the client is asked, kindly, to see the front desk;
 * the receipt's client messages are the only flag text shown, never clinical guidance.
 */
export function DoneScreen({ receipt, resetMs, onReset }: DoneScreenProps) {
  const { t } = useTranslation();
  const seconds = useCountdown(resetMs, onReset);
  return (
    <main className="screen screen-center done">
      <p className="done-icon" aria-hidden="true">
        ✓
      </p>
      <h1>{t('done.title')}</h1>
      {receipt.needsFrontDesk ? (
        <div className="notice-box done-messages" role="status" data-testid="front-desk">
          <p>
            <strong>{t('done.frontDesk')}</strong>
          </p>
          {receipt.clientMessages.length > 0 ? (
            <ul>
              {receipt.clientMessages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p className="lead">{t('done.seat')}</p>
      )}
      {receipt.needsFrontDesk ? null : receipt.clientMessages.length > 0 ? (
        <ul className="done-messages">
          {receipt.clientMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <p>{t('done.resetNotice', { count: seconds })}</p>
      <button type="button" className="button primary large" onClick={onReset}>
        {t('done.finish')}
      </button>
    </main>
  );
}
