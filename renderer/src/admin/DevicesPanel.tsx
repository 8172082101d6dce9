import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairedDevice, PairedDeviceKind, PairingCodeInfo } from '../../../api/contract.ts';
import { ModalDialog } from '../client/ModalDialog.tsx';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { useCountdown } from '../hooks/use-countdown.ts';
import { useFormat } from '../i18n/use-format.ts';
import './devices.css';

const KINDS: readonly PairedDeviceKind[] = ['browser', 'kiosk'];
/** The list is read again now and then while shown: "last seen" moves, another admin may pair a device. */
const REFRESH_MS = 30_000;

/**
 * Paired devices of the clinic server: create a pairing code for a tablet/PC or a kiosk (shown
 * big, with its expiry counting down and what to do with it), list the devices, revoke one
 * after a confirmation. Revoking signs out whoever is signed in on that device at once.
 */
export function DevicesPanel() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const list = useKioskQuery((api) => api.adminListDevices({}), [], { refreshMs: REFRESH_MS });
  const createCall = useKioskAction((api, kind: PairedDeviceKind) => api.adminCreatePairingCode({ kind }));
  const revokeCall = useKioskAction((api, deviceId: string) => api.adminRevokeDevice({ deviceId }));
  const [code, setCode] = useState<PairingCodeInfo | null>(null);
  const [confirming, setConfirming] = useState<PairedDevice | null>(null);
  const [status, setStatus] = useState('');
  const devices = list.data?.devices ?? [];

  const create = async (kind: PairedDeviceKind) => {
    setStatus(t('devices.creating'));
    setCode(null);
    const r = await createCall.run(kind);
    setStatus('');
    if (r.ok) setCode(r.value);
  };
  const revoke = async (device: PairedDevice) => {
    setConfirming(null);
    setStatus('');
    const r = await revokeCall.run(device.id);
    if (!r.ok) return;
    list.setData(() => r.value);
    setStatus(t('devices.revokedStatus', { name: device.name }));
  };

  return (
    <section className="staff-panel" aria-labelledby="devices-heading">
      <div inert={confirming !== null}>
        <h2 id="devices-heading">{t('devices.title')}</h2>
        <p>{t('devices.intro')}</p>
        <div className="item-actions">
          {KINDS.map((kind) => (
            <button key={kind} type="button" className="button primary" disabled={createCall.isBusy} onClick={() => void create(kind)}>
              {kind === 'browser' ? t('devices.pairBrowser') : t('devices.pairKiosk')}
            </button>
          ))}
        </div>
        {/* A new code remounts the card, so its countdown starts again. */}
        {code ? (
          <PairingCodeCard
            key={code.code}
            code={code}
            onDone={() => {
              // Done after pairing: the list shows the new device.
              setCode(null);
              list.reload();
            }}
          />
        ) : null}
        <p role="status" className="admin-status">
          {status}
        </p>
        <CallError errors={[createCall.error, revokeCall.error, list.error]} />
        <h3>{t('devices.listTitle')}</h3>
        {list.isLoading ? <p aria-busy="true">{t('common.loading')}</p> : null}
        {!list.isLoading && devices.length === 0 ? <p>{t('devices.none')}</p> : null}
        {devices.length > 0 ? (
          <table className="admin-table" data-testid="devices-table">
            <thead>
              <tr>
                <th scope="col">{t('devices.colName')}</th>
                <th scope="col">{t('devices.colKind')}</th>
                <th scope="col">{t('devices.colPaired')}</th>
                <th scope="col">{t('devices.colLastSeen')}</th>
                <th scope="col">{t('devices.colStatus')}</th>
                <th scope="col">{t('devices.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.name}</th>
                  <td>{t(`devices.kind.${d.kind}`)}</td>
                  <td>{format.dateTime(d.pairedAt)}</td>
                  <td>{d.lastSeenAt ? format.dateTime(d.lastSeenAt) : t('devices.neverSeen')}</td>
                  <td>{d.revokedAt ? t('devices.revokedOn', { date: format.dateTime(d.revokedAt) }) : t('devices.active')}</td>
                  <td>
                    {d.revokedAt ? null : (
                      <button type="button" className="button secondary small" disabled={revokeCall.isBusy} onClick={() => setConfirming(d)}>
                        {t('devices.revoke')}
                        <span className="visually-hidden"> {t('devices.revokeFor', { name: d.name })}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      {confirming ? <RevokeDialog device={confirming} onConfirm={() => void revoke(confirming)} onCancel={() => setConfirming(null)} /> : null}
    </section>
  );
}

function PairingCodeCard({ code, onDone }: { readonly code: PairingCodeInfo; readonly onDone: () => void }) {
  const { t } = useTranslation('admin');
  // Counted on this screen's clock from the server's answer (the code's life is 10 minutes).
  const [lifeMs] = useState(() => Math.min(Math.max(0, Date.parse(code.expiresAt) - Date.now()), 10 * 60_000));
  const [hasExpired, setHasExpired] = useState(lifeMs === 0);
  const seconds = useCountdown(lifeMs, () => setHasExpired(true));
  const time = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <div className="pairing-code-card" role="group" aria-labelledby="pairing-code-title" data-testid="pairing-code">
      <h3 id="pairing-code-title">
        {t('devices.codeTitle')} · {t(`devices.codeFor.${code.kind}`)}
      </h3>
      {hasExpired ? (
        <p className="admin-warn">{t('devices.expired')}</p>
      ) : (
        <>
          <p className="pairing-code" dir="ltr" translate="no">
            {code.code}
          </p>
          <p className="pairing-expiry" role="timer">
            {t('devices.expiresIn', { time })}
          </p>
          <p>{t(`devices.instructions.${code.kind}`)}</p>
          {code.caFingerprint ? (
            <>
              <p>{t('devices.caFingerprint')}</p>
              <p className="pairing-fingerprint" dir="ltr" translate="no" data-testid="pairing-ca-fingerprint">
                {code.caFingerprint}
              </p>
            </>
          ) : null}
        </>
      )}
      <button type="button" className="button secondary" onClick={onDone}>
        {t('devices.doneWithCode')}
      </button>
    </div>
  );
}

function RevokeDialog({ device, onConfirm, onCancel }: { readonly device: PairedDevice; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  const { t } = useTranslation('admin');
  // The safe choice takes focus: Enter on a dialog that just opened keeps the device.
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog titleId="revoke-title" describedBy="revoke-text" initialFocus={cancelRef} onEscape={onCancel} testId="revoke-dialog">
      <h2 id="revoke-title">{t('devices.confirmTitle', { name: device.name })}</h2>
      <p id="revoke-text">{t('devices.confirmText')}</p>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button danger" onClick={onConfirm}>
          {t('devices.confirmRevoke')}
        </button>
      </div>
    </ModalDialog>
  );
}
