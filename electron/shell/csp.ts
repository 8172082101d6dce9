/**
 * The Content-Security-Policy the app:// protocol sends with every response. The
 * directives themselves live in core/csp.ts, shared with the http server the
 * e2e tests use, so both run the page under the same rules; this module adds an audit
 * the shell's tests (and anyone loosening the policy) run against it.
 *
 * Why no 'unsafe-inline' for styles: Vite's production build emits CSS as <link>ed
 * files, and React applies `style={...}` through the CSSOM (element.style), which CSP
 * does not restrict. Only style *attributes in markup* and <style> elements would need it.
 */
import { RENDERER_CSP } from '../../core/csp.ts';

/** The header value for every app:// response. */
export const KIOSK_CSP: string = RENDERER_CSP;

/** Splits a CSP header into directive -> source list (lower-cased names, first wins, as browsers do). */
export function parseCsp(header: string): ReadonlyMap<string, readonly string[]> {
  const directives = new Map<string, readonly string[]>();
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, values);
  }
  return directives;
}

/** Directives the kiosk's policy must set explicitly (not rely on default-src for). */
export const REQUIRED_DIRECTIVES = ['default-src', 'script-src', 'style-src', 'object-src', 'base-uri', 'frame-ancestors', 'form-action', 'connect-src'] as const;

const UNSAFE_SOURCES = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'ws:', 'wss:', 'file:'];

/**
 * Weaknesses in a policy, as sentences (empty when the policy is strict enough for the
 * kiosk): a missing required directive, an unsafe keyword or wildcard anywhere, a
 * remote origin, or object-src/base-uri/frame-ancestors/form-action not 'none'.
 */
export function auditCsp(header: string): readonly string[] {
  const directives = parseCsp(header);
  const problems: string[] = [];
  for (const name of REQUIRED_DIRECTIVES) {
    if (!directives.has(name)) problems.push(`${name} is missing`);
  }
  for (const [name, values] of directives) {
    for (const value of values) {
      const lower = value.toLowerCase();
      if (UNSAFE_SOURCES.includes(lower)) problems.push(`${name} allows ${value}`);
      else if (/^[a-z][a-z0-9+.-]*:\/\//.test(lower)) problems.push(`${name} allows the remote origin ${value}`);
    }
  }
  for (const name of ['object-src', 'base-uri', 'frame-ancestors', 'form-action'] as const) {
    const values = directives.get(name);
    if (values && (values.length !== 1 || values[0] !== "'none'")) problems.push(`${name} should be 'none'`);
  }
  return problems;
}
