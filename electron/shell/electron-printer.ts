/**
 * The Electron Printer: loads the signed PDF into a hidden, locked-down window and
 * prints it with webContents.print to the system's default printer. Printer errors come
 * back as PrintOutcome 'failed' with a message for staff. The PDF never touches disk and
 * is never loaded from file://: the window loads a one-time app:// URL (print-jobs.ts).
 *
 * Printing a PDF document with webContents.print printed blank pages before Electron
 * 30 (https://github.com/electron/electron/issues/30947, fixed by
 * https://github.com/electron/electron/pull/43309); Electron 45 has the fix.
 */
import { BrowserWindow } from 'electron';
import { rm } from 'node:fs/promises';
import type { PrintOutcome, Printer } from '../../core/ports.ts';
import type { PrintJobs } from './print-jobs.ts';
import { printSetupFailure, toPrintOutcome } from './print-outcome.ts';
import { shellLog } from './log.ts';

export interface ElectronPrinterOptions {
  /** Where the window fetches the PDF from (the same store registerAppProtocol serves). */
  readonly jobs: PrintJobs;
  /** How long to wait for the printer before reporting a failure. */
  readonly timeoutMs?: number;
}

/** Removes the spool directory earlier versions wrote PDFs to, with anything a crash left there (call at start). */
export async function clearPrintSpool(spoolDir: string): Promise<void> {
  await rm(spoolDir, { recursive: true, force: true });
}

export function createElectronPrinter(options: ElectronPrinterOptions): Printer {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return {
    // The job name may contain a client's name: it is not passed to the OS queue or logged.
    async print(pdf: Uint8Array, _jobName: string): Promise<PrintOutcome> {
      const job = options.jobs.add(pdf);
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          // Chromium's PDF viewer is a plugin; without it the PDF would be downloaded, not shown.
          plugins: true,
          devTools: false,
        },
      });
      try {
        try {
          await window.loadURL(job.url);
        } catch {
          shellLog('print: the PDF could not be loaded');
          return printSetupFailure('load');
        }
        const outcome = await new Promise<PrintOutcome>((resolve) => {
          const timer = setTimeout(() => resolve(printSetupFailure('timeout')), timeoutMs);
          window.webContents.print({ silent: true, printBackground: true }, (success, failureReason) => {
            clearTimeout(timer);
            resolve(toPrintOutcome(success, failureReason));
          });
        });
        shellLog(`print: ${outcome.kind}`);
        return outcome;
      } finally {
        window.destroy();
        options.jobs.revoke(job.token);
      }
    },
  };
}
