import type { WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hardenWebContents } from './electron-hardening.ts';

/** Enough of a WebContents to see what hardenWebContents wires up. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
  });
  const fire = (event: string, fields: Record<string, unknown> = {}) => {
    let prevented = false;
    contents.emit(event, { ...fields, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  it.each([
    ['will-navigate to a website', 'will-navigate', { url: 'https://example.com/' }, true],
    ['will-navigate within the kiosk', 'will-navigate', { url: 'app://kiosk/index.html' }, false],
    ['will-redirect to file://', 'will-redirect', { url: 'file:///etc/passwd' }, true],
    ['a subframe navigating away', 'will-frame-navigate', { url: 'https://example.com/', isMainFrame: false }, true],
    ['a webview being attached', 'will-attach-webview', {}, true],
  ])('%s -> prevented: %s', (_label, event, fields, prevented) => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents);
    expect(fire(event, fields)).toBe(prevented);
  });

  it('denies window.open', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
  });
});
