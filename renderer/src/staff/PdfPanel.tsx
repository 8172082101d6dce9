import { useCallback, useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useTranslation } from 'react-i18next';
import type { SignatureStatus } from '../../../api/contract.ts';
import { CallError } from '../data/CallError.tsx';
import { useKioskQuery } from '../data/use-kiosk-data.ts';
import { useFormat } from '../i18n/use-format.ts';
import { base64ToBytes, openPdf, renderPage } from './pdf-render.ts';

const PAGE_WIDTH_CSS = 720;

/** Drawing the fetched PDF with pdf.js (the fetch itself is useKioskQuery's). */
type PdfState = { readonly kind: 'opening' } | { readonly kind: 'ready'; readonly doc: PDFDocumentProxy } | { readonly kind: 'unreadable' };

export function SignatureBadge({ signature }: { readonly signature: SignatureStatus }) {
  const { t } = useTranslation('staff');
  const format = useFormat();
  return signature.valid ? (
    <p className="signature-status signature-valid" data-testid="signature-status">
      <span aria-hidden="true">✔</span> {t('pdf.signatureValid', { signer: signature.signer ?? t('pdf.theClinic'), when: format.dateTime(signature.signedAt) })}
    </p>
  ) : (
    <p className="signature-status signature-invalid" role="alert" data-testid="signature-status">
      <span aria-hidden="true">✖</span> {t('pdf.signatureInvalid', { problem: signature.problem ?? t('pdf.cannotVerify') })}
    </p>
  );
}

function PdfPageCanvas({ doc, pageNumber, pages, onDone }: { readonly doc: PDFDocumentProxy; readonly pageNumber: number; readonly pages: number; readonly onDone: (pageNumber: number) => void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let isCancelled = false;
    void renderPage(doc, pageNumber, canvas, PAGE_WIDTH_CSS).then(
      () => {
        if (!isCancelled) onDone(pageNumber);
      },
      () => {
        // A page that cannot be drawn stays blank; the PDF can still be printed or exported.
        if (!isCancelled) onDone(pageNumber);
      },
    );
    return () => {
      isCancelled = true;
    };
  }, [doc, pageNumber, onDone]);
  const { t } = useTranslation('staff');
  return <canvas ref={canvasRef} className="pdf-page" role="img" aria-label={t('pdf.pageLabel', { page: pageNumber, pages })} />;
}

/** The signed summary PDF, drawn page by page with pdf.js, and its signature status. */
export function PdfPanel({ submissionId }: { readonly submissionId: string }) {
  const { t } = useTranslation('staff');
  const pdf = useKioskQuery((api) => api.getSubmissionPdf({ submissionId }), [submissionId]);
  const [state, setState] = useState<PdfState>({ kind: 'opening' });
  const [rendered, setRendered] = useState<ReadonlySet<number>>(new Set());
  const pageDone = useCallback((pageNumber: number) => setRendered((done) => new Set(done).add(pageNumber)), []);
  const pdfBase64 = pdf.data?.pdfBase64;

  // pdf.js opens the document asynchronously and it must be destroyed: this flag is about
  // pdf.js, not the bridge (its answer is already current).
  useEffect(() => {
    if (pdfBase64 === undefined) return;
    let isCancelled = false;
    let opened: PDFDocumentProxy | undefined;
    openPdf(base64ToBytes(pdfBase64)).then(
      (doc) => {
        opened = doc;
        if (isCancelled) return void doc.destroy();
        setState({ kind: 'ready', doc });
      },
      () => {
        if (!isCancelled) setState({ kind: 'unreadable' });
      },
    );
    return () => {
      isCancelled = true;
      void opened?.destroy();
    };
  }, [pdfBase64]);

  const signature = pdf.data?.signature;
  return (
    <section className="detail-block pdf-panel" aria-labelledby="pdf-title">
      <h3 id="pdf-title">{t('pdf.title')}</h3>
      {pdf.isLoading || (signature && state.kind === 'opening') ? <p aria-busy="true">{t('pdf.loading')}</p> : null}
      <CallError errors={[pdf.error]} />
      {state.kind === 'unreadable' ? <p className="error-text">{t('pdf.unreadable')}</p> : null}
      {state.kind === 'ready' && signature ? (
        <>
          <SignatureBadge signature={signature} />
          <p className="pdf-hash">
            {t('pdf.sha256')} <code>{signature.sha256}</code>
          </p>
          <div className="pdf-pages" data-testid="pdf-pages" data-rendered={rendered.size >= state.doc.numPages ? 'true' : 'false'}>
            {Array.from({ length: state.doc.numPages }, (_, i) => (
              <PdfPageCanvas key={i} doc={state.doc} pageNumber={i + 1} pages={state.doc.numPages} onDone={pageDone} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
