/**
 * Electron-only wiring of the pure policies: session-wide permission and request
 * blocking, and navigation / window / webview locks on every webContents the app ever
 * creates (the kiosk window and the hidden print window alike).
 */
import type { Session, WebContents } from 'electron';
import { APP_SCHEME } from './app-url.ts';
import { allowWebviewAttach, decideNavigation, decideWindowOpen } from './navigation-policy.ts';
import { shouldGrantPermission } from './permission-policy.ts';
import { shellLog } from './log.ts';

/** Network schemes the kiosk never fetches: everything is local (no remote content). */
const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = shouldGrantPermission({ permission, requestingUrl: details.requestingUrl });
    if (!granted) shellLog(`permission request refused: ${permission}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => shouldGrantPermission({ permission, requestingUrl: requestingOrigin }));
  session.setDevicePermissionHandler(() => false);
  // Calling back with no streams refuses screen capture.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) => {
    shellLog('remote request blocked');
    callback({ cancel: true });
  });
  session.on('will-download', (event) => {
    shellLog('download refused');
    event.preventDefault();
  });
  // No spell-check dictionary downloads (they come from a Google CDN).
  session.setSpellCheckerEnabled(false);
}

/** Applies the navigation policy to one webContents (call from app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  const refuse = (event: { preventDefault(): void }, url: string, what: string): void => {
    if (decideNavigation(url) === 'deny') {
      event.preventDefault();
      // The scheme only: a URL may carry a query string with anything in it.
      shellLog(`${what} refused (scheme ${safeScheme(url)})`);
    }
  };
  contents.on('will-navigate', (event) => refuse(event, event.url, 'navigation'));
  contents.on('will-redirect', (event) => refuse(event, event.url, 'redirect'));
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuse(event, event.url, 'frame navigation');
  });
  contents.setWindowOpenHandler(({ url }) => {
    shellLog(`window.open refused (scheme ${safeScheme(url)})`);
    return decideWindowOpen(url);
  });
  contents.on('will-attach-webview', (event) => {
    if (!allowWebviewAttach()) event.preventDefault();
  });
}

function safeScheme(url: string): string {
  return URL.canParse(url) ? new URL(url).protocol.replace(/:$/, '') : 'unparseable';
}

/** Privileges for app:// (call before the app is ready). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // standard: relative URLs and a real origin; secure: a secure context like https;
  // supportFetchAPI: ES module scripts are fetched with the Fetch API; codeCache: faster starts.
  // corsEnabled is deliberately unset: it would let other origins read app:// responses
  // (https://github.com/electron/electron/pull/53407); same-origin module loads need no CORS.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;
