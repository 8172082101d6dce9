import { base64ToBytes } from './pdf-render.ts';

/**
 * Hands a PDF to the browser as a download (Chromium mode has no printer access):
 * the blob URL lives only for the click, so nothing of the client stays in memory.
 */
export function downloadPdf(pdfBase64: string, fileName: string): void {
  const bytes = base64ToBytes(pdfBase64);
  const url = URL.createObjectURL(new Blob([bytes.buffer as ArrayBuffer], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
