import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_FAULT_URL, isAppUrl } from './app-url.ts';
import { allowWebviewAttach, decideNavigation, decideWindowOpen } from './navigation-policy.ts';

describe('decideNavigation', () => {
  it.each([
    ['the attract screen', APP_ENTRY_URL, 'allow'],
    ['the fault page', APP_FAULT_URL, 'allow'],
    ['an in-app hash route', 'app://kiosk/index.html#/staff', 'allow'],
    ['a public website', 'https://example.com/', 'deny'],
    ['plain http to localhost', 'http://127.0.0.1:5173/index.html', 'deny'],
    ['a local file', 'file:///etc/passwd', 'deny'],
    ['a javascript: URL', 'javascript:alert(1)', 'deny'],
    ['a data: page', 'data:text/html,<h1>hi</h1>', 'deny'],
    ['app:// with another host', 'app://evil/index.html', 'deny'],
    ['app:// with credentials', 'app://user:pw@kiosk/index.html', 'deny'],
    ['app:// with a port', 'app://kiosk:8080/index.html', 'deny'],
    ['a look-alike host', 'app://kiosk.evil.com/index.html', 'deny'],
    ['devtools', 'devtools://devtools/bundled/inspector.html', 'deny'],
    ['chrome internals', 'chrome://settings', 'deny'],
    ['an unparseable URL', 'not a url', 'deny'],
    ['empty', '', 'deny'],
  ] as const)('%s -> %s', (_label, url, expected) => {
    expect(decideNavigation(url)).toBe(expected);
  });
});

describe('window.open and <webview>', () => {
  it.each([
    ['a public website', 'https://example.com/'],
    ['the kiosk itself (a second window would escape the kiosk surface)', APP_ENTRY_URL],
    ['about:blank', 'about:blank'],
  ])('window.open of %s is denied', (_label, url) => {
    expect(decideWindowOpen(url)).toEqual({ action: 'deny' });
  });

  it('never attaches a webview', () => {
    expect(allowWebviewAttach()).toBe(false);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['scheme is case-insensitive as URLs are', 'APP://kiosk/index.html', true],
    ['the bare origin', 'app://kiosk', true],
    ['a different scheme with the same host', 'https://kiosk/index.html', false],
  ])('%s', (_label, url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});
