import { describe, expect, it } from 'vitest';
import { buildWindowOptions, isDevToolsAllowed } from './window-options.ts';

const preloadPath = '/opt/kiosk/resources/app.asar/dist-electron/preload.cjs';
const packaged = buildWindowOptions({ preloadPath, isPackaged: true, env: { KIOSK_DEVTOOLS: '1', KIOSK_WINDOWED: '1' } });

describe('buildWindowOptions (packaged kiosk)', () => {
  it.each([
    ['kiosk', true],
    ['fullscreen', true],
    ['frame', false],
    ['autoHideMenuBar', true],
    ['show', false],
  ] as const)('%s is %s', (option, value) => {
    expect(packaged[option]).toBe(value);
  });

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['plugins', false],
    ['navigateOnDragDrop', false],
    ['backgroundThrottling', false],
    ['devTools', false],
  ] as const)('webPreferences.%s is %s', (preference, value) => {
    expect(packaged.webPreferences?.[preference]).toBe(value);
  });

  it('uses the bundled preload', () => {
    expect(packaged.webPreferences?.preload).toBe(preloadPath);
  });

  it('ignores the developer variables (KIOSK_WINDOWED, KIOSK_DEVTOOLS) when packaged', () => {
    expect(packaged.kiosk).toBe(true);
    expect(packaged.webPreferences?.devTools).toBe(false);
  });
});

describe('isDevToolsAllowed', () => {
  it.each([
    ['packaged, flag set', true, { KIOSK_DEVTOOLS: '1' }, false],
    ['packaged, no flag', true, {}, false],
    ['from source, no flag', false, {}, false],
    ['from source, flag set to something else', false, { KIOSK_DEVTOOLS: 'true' }, false],
    ['from source, flag set', false, { KIOSK_DEVTOOLS: '1' }, true],
  ])('%s -> %s', (_label, isPackaged, env, expected) => {
    expect(isDevToolsAllowed({ isPackaged, env })).toBe(expected);
  });
});

describe('developer window', () => {
  it('a developer may run unpackaged in a normal window, still with every web preference locked', () => {
    const dev = buildWindowOptions({ preloadPath, isPackaged: false, env: { KIOSK_WINDOWED: '1' } });
    expect(dev.kiosk).toBe(false);
    expect(dev.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false });
  });
});
