import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './app-url.ts';
import { KNOWN_PERMISSIONS, shouldGrantPermission } from './permission-policy.ts';

describe('shouldGrantPermission', () => {
  it.each(KNOWN_PERMISSIONS.map((permission) => [permission]))('%s from the kiosk page is refused', (permission) => {
    expect(shouldGrantPermission({ permission, requestingUrl: APP_ENTRY_URL })).toBe(false);
  });

  it.each([
    ['camera/microphone from a foreign page', 'media', 'https://example.com/'],
    ['a permission name Electron may add later', 'some-future-permission', APP_ENTRY_URL],
    ['a request with no requesting URL', 'notifications', ''],
  ])('%s is refused', (_label, permission, requestingUrl) => {
    expect(shouldGrantPermission({ permission, requestingUrl })).toBe(false);
  });

  it('covers camera/microphone, location and notifications in its list', () => {
    expect(KNOWN_PERMISSIONS).toEqual(expect.arrayContaining(['media', 'geolocation', 'notifications', 'display-capture', 'clipboard-read']));
  });
});
