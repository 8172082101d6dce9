import { describe, expect, it } from 'vitest';
import { auditCsp, KIOSK_CSP, parseCsp } from './csp.ts';
import { FAULT_PAGE_CSP } from './fault-page.ts';

describe('KIOSK_CSP', () => {
  it('passes the audit (no unsafe keywords, no remote origins, all required directives)', () => {
    expect(auditCsp(KIOSK_CSP)).toEqual([]);
  });

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('sets %s to %j', (directive, values) => {
    expect(parseCsp(KIOSK_CSP).get(directive)).toEqual(values);
  });

  it('lets the page connect nowhere (all data goes through window.kiosk)', () => {
    expect(parseCsp(KIOSK_CSP).get('connect-src')).toEqual(["'none'"]);
  });
});

describe('auditCsp', () => {
  const strict = KIOSK_CSP;
  it.each([
    ['inline scripts', strict.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"), "script-src allows 'unsafe-inline'"],
    ['eval', strict.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"), "script-src allows 'unsafe-eval'"],
    ['inline styles', strict.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"), "style-src allows 'unsafe-inline'"],
    ['a wildcard image source', strict.replace("img-src 'self'", "img-src *"), 'img-src allows *'],
    ['any https origin', strict.replace("connect-src 'none'", 'connect-src https:'), 'connect-src allows https:'],
    ['a remote origin', strict.replace("script-src 'self'", "script-src 'self' https://cdn.example.com"), 'script-src allows the remote origin https://cdn.example.com'],
    ['plugins allowed', strict.replace("object-src 'none'", "object-src 'self'"), "object-src should be 'none'"],
    ['a missing base-uri', strict.replace(/base-uri [^;]+;?\s*/, ''), 'base-uri is missing'],
  ])('flags %s', (_label, policy, problem) => {
    expect(auditCsp(policy)).toContain(problem);
  });

  it('judges the first of duplicated directives, as browsers do', () => {
    expect(auditCsp(`${strict}; script-src 'unsafe-inline'`)).toEqual([]);
  });
});

describe('FAULT_PAGE_CSP', () => {
  it('allows nothing but its own hashed inline style', () => {
    const directives = parseCsp(FAULT_PAGE_CSP);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('style-src')?.[0]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(directives.has('script-src')).toBe(false);
  });
});
