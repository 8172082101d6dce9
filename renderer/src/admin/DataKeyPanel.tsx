import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction } from '../data/use-kiosk-data.ts';

/** Rotate the data key (docs/KEYS.md, "Data-key rotation"): asks to confirm, then says what changed. */
export function DataKeyPanel() {
  const { t } = useTranslation('admin');
  const rotateCall = useKioskAction((api) => api.adminRotateDataKey({}));
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');

  const rotate = async () => {
    setConfirming(false);
    setStatus(t('keys.rotating'));
    const r = await rotateCall.run();
    if (!r.ok) return setStatus('');
    setStatus(t('keys.rotated', { count: r.value.resealed, keyId: r.value.keyId }));
  };

  return (
    <section className="staff-panel" aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('keys.title')}</h2>
      <p>{t('keys.intro')}</p>
      {confirming ? (
        <div className="item-actions" role="group" aria-labelledby="keys-confirm-text">
          <p id="keys-confirm-text">{t('keys.confirmText')}</p>
          <button type="button" className="button primary" onClick={() => void rotate()}>
            {t('keys.confirm')}
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" disabled={rotateCall.isBusy} onClick={() => setConfirming(true)}>
          {t('keys.rotate')}
        </button>
      )}
      <p role="status" className="admin-status">
        {status}
      </p>
      <CallError errors={[rotateCall.error]} />
    </section>
  );
}
