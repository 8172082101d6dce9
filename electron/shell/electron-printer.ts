/**
 * The Electron Printer: loads the signed PDF into a hidden, locked-down window and
 * prints it with webContents.print to the system's default printer. Printer errors come
 * back as PrintOutcome 'failed' with a message for staff.
 *
 * Printing a PDF document with webContents.print printed blank pages before Electron
 * 30 (https://github.com/electron/electron/issues/30947, fixed by
 * https://github.com/electron/electron/pull/43309); Electron 45 has the fix.
 */
import { BrowserWindow } from 'electron';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrintOutcome, Printer } from '../../core/ports.ts';
import { printSetupFailure, toPrintOutcome } from './print-outcome.ts';
import { shellLog } from './log.ts';

export interface ElectronPrinterOptions {
  /** A private directory for the few seconds a PDF exists as a file (health data: 0700/0600, removed after). */
  readonly spoolDir: string;
  /** How long to wait for the printer before reporting a failure. */
  readonly timeoutMs?: number;
}

/** Removes PDFs a crash may have left behind in the spool directory (call at start). */
export async function clearPrintSpool(spoolDir: string): Promise<void> {
  await rm(spoolDir, { recursive: true, force: true });
}

export function createElectronPrinter(options: ElectronPrinterOptions): Printer {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return {
    // The job name may contain a client's name: it is not passed to the OS queue or logged.
    async print(pdf: Uint8Array, _jobName: string): Promise<PrintOutcome> {
      await mkdir(options.spoolDir, { recursive: true, mode: 0o700 });
      const file = join(options.spoolDir, `${randomUUID()}.pdf`);
      await writeFile(file, pdf, { mode: 0o600 });
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
          await window.loadFile(file);
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
        await rm(file, { force: true });
      }
    },
  };
}
