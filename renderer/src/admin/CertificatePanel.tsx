import { useCallback, useEffect, useState } from 'react';
import type { CertificateInfo } from '../../../api/contract.ts';
import { fileToBase64 } from './files.ts';

/** The clinic's signing certificate: what it is, when it expires, regenerate or import. */
export function CertificatePanel({ onSessionEnded }: { readonly onSessionEnded: () => void }) {
  const [info, setInfo] = useState<CertificateInfo | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const handle = useCallback(
    (error: { code: string; message: string }) => (error.code === 'unauthenticated' ? onSessionEnded() : setStatus(error.message)),
    [onSessionEnded],
  );

  useEffect(() => {
    void window.kiosk.adminGetCertificate({}).then((r) => (r.ok ? setInfo(r.value) : handle(r.error)));
  }, [handle]);

  const regenerate = async () => {
    setConfirming(false);
    setStatus('Creating a new certificate…');
    const r = await window.kiosk.adminRegenerateCertificate({});
    if (!r.ok) return handle(r.error);
    setInfo(r.value);
    setStatus('A new certificate was created. New PDFs are signed with it.');
  };
  const importP12 = async () => {
    if (!file) return setStatus('Choose a .p12 file first.');
    const r = await window.kiosk.adminImportCertificate({ p12Base64: await fileToBase64(file), passphrase });
    setPassphrase('');
    if (!r.ok) return handle(r.error);
    setInfo(r.value);
    setStatus('Certificate imported.');
  };

  return (
    <section className="staff-panel" aria-labelledby="cert-heading">
      <h2 id="cert-heading">Signing certificate</h2>
      {info ? (
        <dl className="cert-facts">
          <dt>Subject</dt>
          <dd>{info.subject}</dd>
          <dt>Issuer</dt>
          <dd>{info.issuer}</dd>
          <dt>Valid from</dt>
          <dd>{info.notBefore.slice(0, 10)}</dd>
          <dt>Expires</dt>
          <dd>
            {info.notAfter.slice(0, 10)} ({info.daysLeft >= 0 ? `${info.daysLeft} days left` : 'expired'})
            {info.daysLeft < 60 ? <strong> ⚠ renew soon</strong> : null}
          </dd>
          <dt>SHA-256 fingerprint</dt>
          <dd className="mono fingerprint">{info.fingerprintSha256}</dd>
        </dl>
      ) : (
        <p aria-busy="true">Loading…</p>
      )}
      <h3>Create a new certificate</h3>
      <p>PDFs signed before keep verifying with the old certificate; new PDFs use the new one.</p>
      {confirming ? (
        <div className="item-actions">
          <button type="button" className="button primary" onClick={() => void regenerate()}>
            Yes, create a new certificate
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          Regenerate certificate…
        </button>
      )}
      <h3>Import a certificate (.p12)</h3>
      <div className="row-fields">
        <label htmlFor="cert-file" className="button secondary file-button">
          Choose .p12 file…
        </label>
        <input id="cert-file" type="file" accept=".p12,.pfx,application/x-pkcs12" className="visually-hidden" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <span>{file ? file.name : 'No file chosen'}</span>
        <div className="field">
          <label htmlFor="cert-passphrase" className="field-label">
            Passphrase
          </label>
          <input id="cert-passphrase" className="admin-input" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </div>
        <button type="button" className="button primary" onClick={() => void importP12()}>
          Import
        </button>
      </div>
      <p role="status" className="admin-status">
        {status}
      </p>
    </section>
  );
}
