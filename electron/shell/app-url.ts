/**
 * Where the kiosk page lives. The renderer is served only through this privileged
 * custom scheme (never file:// and never http), so every policy in the shell can
 * compare against one origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
/** The origin as Chromium reports it for the standard scheme registered in main.ts. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The attract screen: what the window loads at start and after a crash or hang. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** A static page (no script) shown when the renderer keeps crashing; see recovery-policy.ts. */
export const APP_FAULT_URL = `${APP_ORIGIN}/__kiosk-fault.html`;

/** True for any URL on the kiosk's own origin (app://kiosk/...), whatever its path. */
export function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  // app: is not a WHATWG "special" scheme, so parsed.origin is "null"; compare the parts.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '' && parsed.port === '';
}
