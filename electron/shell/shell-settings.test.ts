import { describe, expect, it } from 'vitest';
import { DEFAULT_SHELL_SETTINGS, loginItemSettings, parseShellSettings } from './shell-settings.ts';

describe('parseShellSettings', () => {
  it.each([
    ['no file gives the safe defaults', null, { startAtLogin: false, acceptUnprotectedKeyStorage: false }],
    ['an empty object gives the defaults', '{}', { startAtLogin: false, acceptUnprotectedKeyStorage: false }],
    ['start at login', '{"startAtLogin": true}', { startAtLogin: true, acceptUnprotectedKeyStorage: false }],
    ['admin accepted unprotected key storage', '{"acceptUnprotectedKeyStorage": true}', { startAtLogin: false, acceptUnprotectedKeyStorage: true }],
  ])('%s', (_label, text, settings) => {
    expect(parseShellSettings(text)).toEqual({ ok: true, settings });
  });

  it.each([
    ['broken JSON', '{startAtLogin: true', /not valid JSON/],
    ['a string where a boolean belongs ("true" is not an acceptance)', '{"acceptUnprotectedKeyStorage": "true"}', /acceptUnprotectedKeyStorage/],
    ['a misspelt key', '{"startAtLogon": true}', /kiosk-shell.json/],
  ])('%s is an error, not the defaults', (_label, text, message) => {
    const result = parseShellSettings(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('loginItemSettings', () => {
  it.each([
    ['Windows, enabled', 'win32', true, { openAtLogin: true }],
    ['macOS, disabled', 'darwin', false, { openAtLogin: false }],
    ['Linux uses a systemd unit instead', 'linux', true, null],
  ] as const)('%s', (_label, platform, startAtLogin, expected) => {
    expect(loginItemSettings({ ...DEFAULT_SHELL_SETTINGS, startAtLogin }, platform)).toEqual(expected);
  });
});
