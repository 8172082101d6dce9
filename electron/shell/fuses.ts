/**
 * Electron fuses flipped on the packaged binary (build/after-pack.mjs runs this from
 * electron-builder's afterPack hook, before code signing). Fuses are compiled-in
 * switches: unlike command-line flags, nothing at run time can turn them back on.
 */
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * Every fuse set explicitly (`strictlyRequireAllFuses`), so an Electron upgrade that
 * adds a fuse fails the build until someone decides its value.
 */
export const KIOSK_FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed kiosk binary into a general Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS / --inspect would let anyone with a shell inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // We serve files through app://, never file://, so file: needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies FuseV1Config;

/** The file @electron/fuses must patch inside electron-builder's appOutDir, per platform. */
export function electronBinaryPath(platform: string, appOutDir: string, productFilename: string, executableName: string): string {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return `${appOutDir}/${productFilename}.app`;
    case 'win32':
      return `${appOutDir}/${productFilename}.exe`;
    case 'linux':
      return `${appOutDir}/${executableName}`;
    default:
      throw new Error(`No Electron binary location known for platform "${platform}".`);
  }
}

/** The parts of electron-builder's AfterPackContext the hook needs. */
export interface PackedApp {
  readonly electronPlatformName: string;
  readonly appOutDir: string;
  /** True for arm64 macOS builds, whose ad-hoc signature must be redone after flipping. */
  readonly isDarwinArm64: boolean;
  readonly productFilename: string;
  readonly executableName: string;
}

/** Flips KIOSK_FUSES on the packaged binary; returns the path it patched. */
export async function flipKioskFuses(app: PackedApp): Promise<string> {
  const binary = electronBinaryPath(app.electronPlatformName, app.appOutDir, app.productFilename, app.executableName);
  await flipFuses(binary, { ...KIOSK_FUSES, resetAdHocDarwinSignature: app.isDarwinArm64 });
  return binary;
}
