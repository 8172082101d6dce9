import { describe, expect, it } from 'vitest';
import { checkSender, type IpcSender } from './sender-check.ts';

const KIOSK_WINDOW = 7;
const good: IpcSender = { frameUrl: 'app://kiosk/index.html', isMainFrame: true, webContentsId: KIOSK_WINDOW };

describe('checkSender', () => {
  it.each([
    ['the kiosk page in the kiosk window', good, KIOSK_WINDOW, { ok: true }],
    ['a hash route of the kiosk page', { ...good, frameUrl: 'app://kiosk/index.html#/staff' }, KIOSK_WINDOW, { ok: true }],
    ['a destroyed or navigated frame (empty URL)', { ...good, frameUrl: '' }, KIOSK_WINDOW, { ok: false, reason: 'no-frame' }],
    ['a subframe of the kiosk page', { ...good, isMainFrame: false }, KIOSK_WINDOW, { ok: false, reason: 'not-main-frame' }],
    ['another window (e.g. the hidden print window)', { ...good, webContentsId: 8 }, KIOSK_WINDOW, { ok: false, reason: 'other-window' }],
    ['any call before the kiosk window exists', good, null, { ok: false, reason: 'other-window' }],
    ['a remote page that got into the kiosk window', { ...good, frameUrl: 'https://example.com/' }, KIOSK_WINDOW, { ok: false, reason: 'foreign-origin' }],
    ['a file:// page', { ...good, frameUrl: 'file:///tmp/x.html' }, KIOSK_WINDOW, { ok: false, reason: 'foreign-origin' }],
    ['app:// on another host', { ...good, frameUrl: 'app://other/index.html' }, KIOSK_WINDOW, { ok: false, reason: 'foreign-origin' }],
  ] as const)('%s', (_label, sender, expectedId, verdict) => {
    expect(checkSender(sender, expectedId)).toEqual(verdict);
  });
});
