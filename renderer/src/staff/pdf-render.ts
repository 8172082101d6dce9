/**
 * Renders a PDF's pages to canvases with pdf.js. The kiosk's CSP allows no workers
 * (worker-src 'none') and no frames, so Chromium's own viewer is out and pdf.js runs
 * its "worker" on the main thread: setting globalThis.pdfjsWorker makes pdf.js use the
 * bundled WorkerMessageHandler instead of spawning a Worker. Both chunks load from 'self'.
 * Summaries are a few pages, so parsing on the main thread is quick.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';

type PdfJs = typeof PdfJsModule;
let loading: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist');
  })();
  return loading;
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Opens a PDF from bytes; the caller destroys it when done. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  // isEvalSupported: false — the CSP has no 'unsafe-eval'; fonts are embedded in our PDFs.
  return pdfjs.getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, stopAtErrors: false }).promise;
}

/** Draws page `pageNumber` (1-based) into `canvas` at `cssWidth` CSS pixels wide. */
export async function renderPage(doc: PDFDocumentProxy, pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void> {
  const page = await doc.getPage(pageNumber);
  const unscaled = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / unscaled.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
}
