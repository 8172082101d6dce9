import { FuseV1Options } from '@electron/fuses';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath, flipKioskFuses, KIOSK_FUSES } from './fuses.ts';

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

describe('flipKioskFuses', () => {
  // A stand-in for a packaged Linux binary: Electron's fuse sentinel, wire version 1,
  // 8 fuses in Electron 45's default state ('1' enabled, '0' disabled).
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  const ELECTRON_DEFAULTS = '10110001';

  it('writes the kiosk fuse wire into the packaged binary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fuses-'));
    try {
      const binary = join(dir, 'clinic-intake-kiosk');
      await writeFile(binary, Buffer.concat([Buffer.from('ELF...code...'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(ELECTRON_DEFAULTS), Buffer.from('...more code')]));
      const patched = await flipKioskFuses({ electronPlatformName: 'linux', appOutDir: dir, isDarwinArm64: false, productFilename: 'Clinic Intake Kiosk', executableName: 'clinic-intake-kiosk' });
      expect(patched).toBe(binary);
      const bytes = await readFile(binary);
      const wireAt = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
      // RunAsNode 0, cookies 1, NODE_OPTIONS 0, --inspect 0, ASAR integrity 1, only ASAR 1, V8 snapshot 0, file: privileges 0
      expect(bytes.subarray(wireAt, wireAt + 8).toString()).toBe('01001100');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
