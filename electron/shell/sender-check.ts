/**
 * Defence in depth for IPC: before main hands a call to the app core (which checks the
 * origin again), the shell checks that the call came from the kiosk window's own main
 * frame on app://kiosk. Subframes, other windows (e.g. the hidden print window) and any
 * page that somehow left app://kiosk are refused. (Electron security checklist item 17.)
 */
import { isAppUrl } from './app-url.ts';

export interface IpcSender {
  /** event.senderFrame?.url; empty when the frame is gone (navigated or destroyed). */
  readonly frameUrl: string;
  /** event.senderFrame?.parent === null: true for the top-level frame. */
  readonly isMainFrame: boolean;
  /** event.sender.id: the webContents that sent the call. */
  readonly webContentsId: number;
}

/** Why a call was refused; for the shell's log line (never the payload). */
export type SenderVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'no-frame' | 'not-main-frame' | 'other-window' | 'foreign-origin' };

/**
 * @param expectedWebContentsId the kiosk window's webContents id, or null before it exists
 *   (then nothing is trusted).
 */
export function checkSender(sender: IpcSender, expectedWebContentsId: number | null): SenderVerdict {
  if (sender.frameUrl === '') return { ok: false, reason: 'no-frame' };
  if (expectedWebContentsId === null || sender.webContentsId !== expectedWebContentsId) return { ok: false, reason: 'other-window' };
  if (!sender.isMainFrame) return { ok: false, reason: 'not-main-frame' };
  if (!isAppUrl(sender.frameUrl)) return { ok: false, reason: 'foreign-origin' };
  return { ok: true };
}
