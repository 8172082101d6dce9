import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmitReceipt } from '../../../api/contract.ts';
import { useCountdown } from '../hooks/use-countdown.ts';
import { FRONT_DESK_HOLD_MS } from '../lib/done-timing.ts';

interface DoneScreenProps {
  readonly receipt: SubmitReceipt;
  readonly resetMs: number;
  readonly onReset: () => void;
}

/**
 * The clear end. On a stop or clearance flag the client is asked, kindly and unmissably,
 * to see the front desk, and the screen stays until they (or staff) tap OK; the receipt's
 * client messages are the only flag text shown, never clinical guidance.
 */
export function DoneScreen({ receipt, resetMs, onReset }: DoneScreenProps) {
  return receipt.needsFrontDesk ? <FrontDeskDone messages={receipt.clientMessages} onReset={onReset} /> : <ThanksDone receipt={receipt} resetMs={resetMs} onReset={onReset} />;
}

function ThanksDone({ receipt, resetMs, onReset }: DoneScreenProps) {
  const { t } = useTranslation();
  const seconds = useCountdown(resetMs, onReset);
  const messages = [...new Set(receipt.clientMessages)];
  return (
    <main className="screen screen-center done">
      <p className="done-icon" aria-hidden="true">
        ✓
      </p>
      <h1>{t('done.title')}</h1>
      <p className="lead">{t('done.seat')}</p>
      {messages.map((m) => (
        <p key={m} className="done-messages">
          {m}
        </p>
      ))}
      <p>{t('done.resetNotice', { count: seconds })}</p>
      <button type="button" className="button primary large" onClick={onReset}>
        {t('done.finish')}
      </button>
    </main>
  );
}

function FrontDeskDone({ messages, onReset }: { readonly messages: readonly string[]; readonly onReset: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useCountdown(FRONT_DESK_HOLD_MS, onReset);
  // The message is the page: a screen reader starts on it.
  useEffect(() => headingRef.current?.focus(), []);
  const distinct = [...new Set(messages.map((m) => m.trim()).filter((m) => m !== ''))];
  // One message (the usual case) is the heading itself, so nothing is said twice.
  const [only] = distinct.length === 1 ? distinct : [];
  return (
    <main className="screen screen-center done done-front-desk" data-testid="front-desk">
      <div className="front-desk-card">
        <FrontDeskIcon />
        <h1 tabIndex={-1} ref={headingRef}>
          {only ?? t('done.frontDeskTitle')}
        </h1>
        {distinct.length > 1 ? (
          <ul className="front-desk-messages">
            {distinct.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        <p className="front-desk-saved">{t('done.frontDeskSaved')}</p>
      </div>
      <button type="button" className="button primary large front-desk-ok" onClick={onReset}>
        {t('done.frontDeskOk')}
      </button>
    </main>
  );
}

/** A reception bell: the front desk, in a picture as well as in words. */
function FrontDeskIcon() {
  return (
    <svg className="front-desk-icon" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="14" r="4" />
      <rect x="30" y="16" width="4" height="6" />
      <path d="M8 46a24 24 0 0 1 48 0z" />
      <rect x="4" y="48" width="56" height="6" rx="3" />
    </svg>
  );
}
