import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath, KIOSK_FUSES } from './fuses.ts';

describe('KIOSK_FUSES', () => {
  it.each([
    ['RunAsNode', FuseV1Options.RunAsNode, false],
    ['EnableCookieEncryption', FuseV1Options.EnableCookieEncryption, true],
    ['EnableNodeOptionsEnvironmentVariable', FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
    ['EnableNodeCliInspectArguments', FuseV1Options.EnableNodeCliInspectArguments, false],
    ['EnableEmbeddedAsarIntegrityValidation', FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
    ['OnlyLoadAppFromAsar', FuseV1Options.OnlyLoadAppFromAsar, true],
    ['GrantFileProtocolExtraPrivileges', FuseV1Options.GrantFileProtocolExtraPrivileges, false],
  ])('%s is %s', (_label, fuse, value) => {
    expect(KIOSK_FUSES[fuse]).toBe(value);
  });

  it('decides every fuse this Electron knows, so a new one fails the build', () => {
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    expect(KIOSK_FUSES.strictlyRequireAllFuses).toBe(true);
    for (const fuse of known) expect(typeof KIOSK_FUSES[fuse as FuseV1Options]).toBe('boolean');
  });
});

describe('electronBinaryPath', () => {
  it.each([
    ['linux', '/out/linux-unpacked', '/out/linux-unpacked/clinic-intake-kiosk'],
    ['win32', '/out/win-unpacked', '/out/win-unpacked/Clinic Intake Kiosk.exe'],
    ['darwin', '/out/mac', '/out/mac/Clinic Intake Kiosk.app'],
  ])('%s', (platform, outDir, expected) => {
    expect(electronBinaryPath(platform, outDir, 'Clinic Intake Kiosk', 'clinic-intake-kiosk')).toBe(expected);
  });

  it('refuses a platform it does not know', () => {
    expect(() => electronBinaryPath('aix', '/out', 'x', 'x')).toThrow(/aix/);
  });
});
