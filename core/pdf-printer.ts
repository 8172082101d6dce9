import type { Printer } from './ports.ts';

/**
 * The printer used where there is no Electron (Chromium mode and tests): instead of
 * printing, it hands the PDF back for the browser to open and print itself.
 */
export function createPdfPrinter(): Printer {
  return {
    print: async (pdf) => ({ kind: 'pdf', pdfBase64: Buffer.from(pdf).toString('base64') }),
  };
}
