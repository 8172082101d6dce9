/**
 * The renderer's Content-Security-Policy, shared by the Electron app:// protocol
 * handler, the http server used by e2e and start:chromium, and the clinic server, so every
 * host runs the page under the same rules. The kiosk renderer never talks to the network:
 * all data goes through window.kiosk. The clinic server's staff web app is the one page whose
 * window.kiosk is fetch() to its own origin: WEB_APP_CSP differs only in `connect-src 'self'`.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'none'"],
  'media-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'worker-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export function buildCsp(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export const RENDERER_CSP = buildCsp();

/** The clinic server's staff web app: the same policy, but window.kiosk fetches /api on its own origin (and its event stream). */
export const WEB_APP_CSP = buildCsp({ ...CSP_DIRECTIVES, 'connect-src': ["'self'"] });
