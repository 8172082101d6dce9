/**
 * Navigation policy for the kiosk window: the page may never leave app://kiosk,
 * open windows or embed <webview>. main.ts wires these decisions to will-navigate,
 * will-redirect, will-frame-navigate, setWindowOpenHandler and will-attach-webview.
 * (Electron security checklist items 13, 14 and 12.)
 */
import { isAppUrl } from './app-url.ts';

export type NavigationDecision = 'allow' | 'deny';

/** will-navigate / will-redirect / will-frame-navigate: stay on app://kiosk or go nowhere. */
export function decideNavigation(targetUrl: string): NavigationDecision {
  return isAppUrl(targetUrl) ? 'allow' : 'deny';
}

/**
 * setWindowOpenHandler: the kiosk never opens a second window, not even one of its
 * own pages (a second window would escape the kiosk's single fullscreen surface).
 * The URL is taken so the caller can log that a request was refused without logging it.
 */
export function decideWindowOpen(_targetUrl: string): { readonly action: 'deny' } {
  return { action: 'deny' };
}

/** will-attach-webview: <webview> is disabled in webPreferences too; this is the second lock. */
export function allowWebviewAttach(): boolean {
  return false;
}
