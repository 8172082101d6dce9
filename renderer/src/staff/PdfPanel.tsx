import { useCallback, useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { SignatureStatus } from '../../../api/contract.ts';
import type { ApiError } from '../../../api/result.ts';
import { base64ToBytes, openPdf, renderPage } from './pdf-render.ts';

const PAGE_WIDTH_CSS = 720;
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type PdfState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly doc: PDFDocumentProxy; readonly signature: SignatureStatus }
  | { readonly kind: 'failed'; readonly message: string };

export function SignatureBadge({ signature }: { readonly signature: SignatureStatus }) {
  return signature.valid ? (
    <p className="signature-status signature-valid" data-testid="signature-status">
      <span aria-hidden="true">✔</span> Signature valid: signed by {signature.signer ?? 'the clinic'} on {dateTime.format(new Date(signature.signedAt))}. The file
      is unchanged since signing.
    </p>
  ) : (
    <p className="signature-status signature-invalid" role="alert" data-testid="signature-status">
      <span aria-hidden="true">✖</span> Signature NOT valid: {signature.problem ?? 'the file cannot be verified.'} Do not rely on this copy; tell the clinic
      owner.
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
  return <canvas ref={canvasRef} className="pdf-page" role="img" aria-label={`Summary page ${pageNumber} of ${pages}`} />;
}

/** The signed summary PDF, drawn page by page with pdf.js, and its signature status. */
export function PdfPanel({ submissionId, onError }: { readonly submissionId: string; readonly onError: (error: ApiError) => void }) {
  const [state, setState] = useState<PdfState>({ kind: 'loading' });
  const [rendered, setRendered] = useState<ReadonlySet<number>>(new Set());
  const pageDone = useCallback((pageNumber: number) => setRendered((done) => new Set(done).add(pageNumber)), []);

  useEffect(() => {
    let isCancelled = false;
    let opened: PDFDocumentProxy | undefined;
    void (async () => {
      const result = await window.kiosk.getSubmissionPdf({ submissionId });
      if (isCancelled) return;
      if (!result.ok) {
        onError(result.error);
        setState({ kind: 'failed', message: result.error.message });
        return;
      }
      try {
        opened = await openPdf(base64ToBytes(result.value.pdfBase64));
        if (isCancelled) return void opened.destroy();
        setState({ kind: 'ready', doc: opened, signature: result.value.signature });
      } catch {
        if (!isCancelled) setState({ kind: 'failed', message: 'The PDF could not be shown here. Print or export it to read it.' });
      }
    })();
    return () => {
      isCancelled = true;
      void opened?.destroy();
    };
  }, [submissionId, onError]);

  return (
    <section className="detail-block pdf-panel" aria-labelledby="pdf-title">
      <h3 id="pdf-title">Signed summary (PDF)</h3>
      {state.kind === 'loading' ? <p aria-busy="true">Loading the signed PDF…</p> : null}
      {state.kind === 'failed' ? <p className="error-text">{state.message}</p> : null}
      {state.kind === 'ready' ? (
        <>
          <SignatureBadge signature={state.signature} />
          <p className="pdf-hash">
            SHA-256 <code>{state.signature.sha256}</code>
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
