import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { useFormat } from '../i18n/use-format.ts';
import { fileToBase64 } from './files.ts';
import { TextField } from '../widgets/TextField.tsx';

/** The clinic's signing certificate: what it is, when it expires, regenerate or import. */
export function CertificatePanel() {
  const { t, i18n } = useTranslation('admin');
  const format = useFormat();
  const certificate = useKioskQuery((api) => api.adminGetCertificate({}), []);
  const regenerateCall = useKioskAction((api) => api.adminRegenerateCertificate({}));
  const importCall = useKioskAction((api, p12Base64: string, passphrase: string) => api.adminImportCertificate({ p12Base64, passphrase }));
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const info = certificate.data;

  const regenerate = async () => {
    setConfirming(false);
    setStatus(t('certificate.creating'));
    const r = await regenerateCall.run();
    if (!r.ok) return setStatus('');
    certificate.setData(() => r.value);
    setStatus(t('certificate.created'));
  };
  const importP12 = async () => {
    if (!file) return setStatus(t('certificate.chooseFirst'));
    setStatus('');
    const r = await importCall.run(await fileToBase64(file), passphrase);
    setPassphrase('');
    if (!r.ok) return;
    certificate.setData(() => r.value);
    setStatus(t('certificate.imported'));
  };

  return (
    <section className="staff-panel" aria-labelledby="cert-heading">
      <h2 id="cert-heading">{t('certificate.title')}</h2>
      {info ? (
        <dl className="cert-facts">
          <dt>{t('certificate.subject')}</dt>
          <dd>{info.subject}</dd>
          <dt>{t('certificate.issuer')}</dt>
          <dd>{info.issuer}</dd>
          <dt>{t('certificate.validFrom')}</dt>
          <dd>{format.date(info.notBefore)}</dd>
          <dt>{t('certificate.expires')}</dt>
          <dd>
            {format.date(info.notAfter)} ({info.daysLeft >= 0 ? format.relative(info.notAfter) : t('certificate.expired')})
            {info.daysLeft < 60 ? <strong> {t('certificate.renewSoon')}</strong> : null}
          </dd>
          <dt>{t('certificate.fingerprint')}</dt>
          <dd className="mono fingerprint">{info.fingerprintSha256}</dd>
        </dl>
      ) : certificate.isLoading ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : null}
      <h3>{t('certificate.newTitle')}</h3>
      <p>{t('certificate.newIntro')}</p>
      {confirming ? (
        <div className="item-actions">
          <button type="button" className="button primary" onClick={() => void regenerate()}>
            {t('certificate.confirmNew')}
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          {t('certificate.regenerate')}
        </button>
      )}
      <h3>{t('certificate.importTitle')}</h3>
      <div className="row-fields">
        <label htmlFor="cert-file" className="button secondary file-button">
          {t('certificate.chooseFile')}
        </label>
        <input id="cert-file" type="file" accept=".p12,.pfx,application/x-pkcs12" className="visually-hidden" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <span>{file ? file.name : t('certificate.noFile')}</span>
        <div className="field">
          <label htmlFor="cert-passphrase" id="cert-passphrase-label" className="field-label">
            {t('certificate.passphrase')}
          </label>
          <TextField id="cert-passphrase" kind="short" secret lang={i18n.language} value={passphrase} onChange={setPassphrase} describedBy={undefined} invalid={false} labelId="cert-passphrase-label" />
        </div>
        <button type="button" className="button primary" disabled={importCall.isBusy} onClick={() => void importP12()}>
          {t('certificate.import')}
        </button>
      </div>
      <p role="status" className="admin-status">
        {status}
      </p>
      <CallError errors={[certificate.error, regenerateCall.error, importCall.error]} />
    </section>
  );
}
