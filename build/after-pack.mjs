/**
 * electron-builder afterPack hook: flips the Electron fuses (electron/shell/fuses.ts) on
 * the packaged binary before electron-builder signs it. Runs under the Node 24 that npm
 * scripts use, which loads the .ts module directly.
 */
import { flipKioskFuses } from '../electron/shell/fuses.ts';

const ARCH_ARM64 = 3; // builder-util's Arch.arm64

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const { electronPlatformName, appOutDir, packager, arch } = context;
  // Only the Linux packager has executableName (linux.executableName in electron-builder.yml).
  const executableName = 'executableName' in packager && typeof packager.executableName === 'string' ? packager.executableName : packager.appInfo.sanitizedName;
  const binary = await flipKioskFuses({
    electronPlatformName,
    appOutDir,
    // Flipping fuses breaks the ad-hoc signature of arm64 macOS builds; @electron/fuses re-signs ad hoc.
    isDarwinArm64: electronPlatformName === 'darwin' && arch === ARCH_ARM64,
    productFilename: packager.appInfo.productFilename,
    executableName,
  });
  console.log(`  • electron fuses flipped  binary=${binary}`);
}
