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
  const messages = [...new Set(receipt.clientMessages)];
  return (
    <main className="screen screen-center done">
      <p className="done-icon" aria-hidden="true">
        ✓
      </p>
      <h1>{t('done.title')}</h1>
      {receipt.needsFrontDesk ? (
        <div className="notice-box done-messages" role="status" data-testid="front-desk">
          {(messages.length > 0 ? messages : [t('done.frontDesk')]).map((m) => (
            <p key={m}>
              <strong>{m}</strong>
            </p>
          ))}
        </div>
      ) : (
        <>
          <p className="lead">{t('done.seat')}</p>
          {messages.map((m) => (
            <p key={m} className="done-messages">
              {m}
            </p>
          ))}
        </>
      )}
      <p>{t('done.resetNotice', { count: seconds })}</p>
      <button type="button" className="button primary large" onClick={onReset}>
        {t('done.finish')}
      </button>
    </main>
  );
}
