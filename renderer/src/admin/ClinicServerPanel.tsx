import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkStatus } from '../../../api/contract.ts';
import { ModalDialog } from '../client/ModalDialog.tsx';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { TextField } from '../widgets/TextField.tsx';
import { CodeInput } from './forms/CodeInput.tsx';
import './devices.css';

/** The count moves while intakes go out: read again now and then while shown. */
const REFRESH_MS = 15_000;

type Field = 'serverUrl' | 'code' | 'caFingerprint' | 'name';
const CODE_FIELDS: readonly Exclude<Field, 'name'>[] = ['serverUrl', 'code', 'caFingerprint'];
const LABEL: Readonly<Record<Field, string>> = { serverUrl: 'network.serverUrl', code: 'network.code', caFingerprint: 'network.fingerprint', name: 'network.name' };
const HINT: Readonly<Partial<Record<Field, string>>> = { serverUrl: 'network.serverUrlHint', caFingerprint: 'network.fingerprintHint', name: 'network.nameHint' };

const EMPTY_FORM: Readonly<Record<Field, string>> = { serverUrl: 'https://', code: '', caFingerprint: '', name: '' };

/** Joined here, and the server answered the last forward that it no longer accepts this kiosk: join again. */
const isRefusedHere = (status: NetworkStatus) => status.mode === 'network' && status.source === 'paired' && status.lastError?.kind === 'not_paired';

/**
 * The kiosk's Clinic server panel (at the kiosk only): whether it works on its own or is joined
 * to a clinic server, how many intakes wait to reach it; joining with what the server's
 * pairing-code screen shows (address, code, CA fingerprint) and a name; leaving after a
 * confirmation (main refuses while intakes wait, and says so). A kiosk the server no longer
 * accepts (revoked there) cannot leave while intakes wait: it shows why and the join form
 * again, to join with a new code, its outbox kept (core/network/pairing-handlers.ts).
 */
export function ClinicServerPanel() {
  const { t, i18n } = useTranslation('admin');
  const [form, setForm] = useState<Readonly<Record<Field, string>>>(EMPTY_FORM);
  const status = useKioskQuery((api) => api.networkStatus({}), [], {
    refreshMs: REFRESH_MS,
    // Joining again is most likely to the same server: start from its address.
    onData: (next) => {
      const serverUrl = isRefusedHere(next) ? next.serverUrl : null;
      if (serverUrl) setForm((f) => (f.serverUrl === EMPTY_FORM.serverUrl ? { ...f, serverUrl } : f));
    },
  });
  const pairCall = useKioskAction((api, form: Readonly<Record<Field, string>>) =>
    api.networkPair({ serverUrl: form.serverUrl.trim(), code: form.code.trim(), name: form.name.trim(), ...(form.caFingerprint.trim() ? { caFingerprint: form.caFingerprint.trim() } : {}) }),
  );
  const leaveCall = useKioskAction((api) => api.networkLeave({}));
  const [isConfirming, setIsConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const current = status.data;
  const isRejoin = current !== undefined && isRefusedHere(current);
  const canJoin = current !== undefined && current.canPair && (current.mode === 'single' || isRejoin);

  const adopt = (next: NetworkStatus, text: string) => {
    status.setData(() => next);
    setMessage(text);
  };
  const join = async () => {
    setMessage(t('network.joining'));
    const r = await pairCall.run(form);
    if (r.ok) {
      setForm(EMPTY_FORM);
      adopt(r.value, t('network.joinedStatus'));
    } else setMessage('');
  };
  const leave = async () => {
    setIsConfirming(false);
    setMessage('');
    const r = await leaveCall.run();
    if (r.ok) adopt(r.value, t('network.leftStatus'));
  };

  const hint = (field: Field) => (HINT[field] ? <p id={`network-${field}-hint`} className="field-hint">{t(HINT[field])}</p> : null);

  return (
    <section className="staff-panel" aria-labelledby="network-heading">
      <div inert={isConfirming}>
        <h2 id="network-heading">{t('network.title')}</h2>
        {status.isLoading ? <p aria-busy="true">{t('common.loading')}</p> : null}
        {current ? <StatusText status={current} /> : null}
        {current?.mode === 'single' && !current.canPair ? <p>{t('network.cannotPair')}</p> : null}
        {canJoin ? (
          <form
            className="network-join"
            aria-labelledby="network-join-title"
            onSubmit={(e) => {
              e.preventDefault();
              void join();
            }}
          >
            <h3 id="network-join-title">{t(isRejoin ? 'network.rejoinTitle' : 'network.joinTitle')}</h3>
            <p>{t(isRejoin ? 'network.rejoinIntro' : 'network.joinIntro')}</p>
            {CODE_FIELDS.map((field) => (
              <div className="field" key={field}>
                <label htmlFor={`network-${field}`} id={`network-${field}-label`} className="field-label">
                  {t(LABEL[field])}
                </label>
                <CodeInput id={`network-${field}`} value={form[field]} onChange={(value) => setForm({ ...form, [field]: value })} describedBy={HINT[field] ? `network-${field}-hint` : undefined} maxLength={field === 'caFingerprint' ? 100 : 300} />
                {hint(field)}
              </div>
            ))}
            <div className="field">
              <label htmlFor="network-name" id="network-name-label" className="field-label">
                {t(LABEL.name)}
              </label>
              <TextField id="network-name" kind="short" lang={i18n.language} value={form.name} maxLength={60} onChange={(name) => setForm({ ...form, name })} describedBy="network-name-hint" invalid={false} labelId="network-name-label" />
              {hint('name')}
            </div>
            <button type="submit" className="button primary" disabled={pairCall.isBusy}>
              {t(isRejoin ? 'network.rejoin' : 'network.join')}
            </button>
          </form>
        ) : null}
        {current?.mode === 'network' && current.source === 'paired' && !isRejoin ? (
          <button type="button" className="button secondary" disabled={leaveCall.isBusy} onClick={() => setIsConfirming(true)}>
            {t('network.leave')}
          </button>
        ) : null}
        <p role="status" className="admin-status">
          {message}
        </p>
        <CallError errors={[pairCall.error, leaveCall.error, status.error]} />
      </div>
      {isConfirming ? <LeaveDialog onConfirm={() => void leave()} onCancel={() => setIsConfirming(false)} /> : null}
    </section>
  );
}

function StatusText({ status }: { readonly status: NetworkStatus }) {
  const { t } = useTranslation('admin');
  if (status.mode === 'single') return <p data-testid="network-status">{t('network.single')}</p>;
  const server = status.serverUrl ?? '';
  return (
    <div data-testid="network-status">
      <p>{status.source === 'config' ? t('network.joinedByConfig', { server }) : t('network.joined', { server, name: status.deviceName ?? '' })}</p>
      <p>{status.waiting > 0 ? t('network.waiting', { count: status.waiting }) : t('network.nothingWaiting')}</p>
      {isRefusedHere(status) ? <p className="network-refused">{t('network.notPaired')}</p> : null}
    </div>
  );
}

function LeaveDialog({ onConfirm, onCancel }: { readonly onConfirm: () => void; readonly onCancel: () => void }) {
  const { t } = useTranslation('admin');
  // The safe choice takes focus: Enter on a dialog that just opened keeps the kiosk joined.
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog titleId="leave-title" describedBy="leave-text" initialFocus={cancelRef} onEscape={onCancel} testId="leave-dialog">
      <h2 id="leave-title">{t('network.confirmTitle')}</h2>
      <p id="leave-text">{t('network.confirmText')}</p>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button danger" onClick={onConfirm}>
          {t('network.confirmLeave')}
        </button>
      </div>
    </ModalDialog>
  );
}
