/**
 * Turns webContents.print's callback into the core's PrintOutcome, with a message a
 * therapist can act on (the core shows it to staff). Never includes the job name: it
 * may contain a client's name.
 */
import type { PrintOutcome } from '../../core/ports.ts';
import { assertNever } from '../../forms/engine/index.ts';

export function toPrintOutcome(success: boolean, failureReason: string): PrintOutcome {
  if (success) return { kind: 'printed' };
  if (failureReason === 'cancelled') return { kind: 'failed', message: 'Printing was cancelled.' };
  if (/no (printer|device)|invalid printer/i.test(failureReason)) return { kind: 'failed', message: 'No printer is available. Check that the printer is on and connected, then try again.' };
  return { kind: 'failed', message: 'The printer reported an error. Check the printer (paper, power, connection) and try again.' };
}

/** What to tell staff when the print window itself failed (PDF not loaded, timed out). */
export function printSetupFailure(stage: 'load' | 'timeout'): PrintOutcome {
  switch (stage) {
    case 'load':
      return { kind: 'failed', message: 'The summary could not be prepared for printing. Try again, or open the PDF from the export folder.' };
    case 'timeout':
      return { kind: 'failed', message: 'The printer did not answer in time. Check the printer, then try again.' };
    default:
      return assertNever(stage, 'print stage');
  }
}
