/**
 * electron-builder afterPack hook: flips the Electron fuses (electron/shell/fuses.ts) on
 * the packaged binary before electron-builder signs it. Runs under the Node 24 that npm
 * scripts use, which loads the .ts module directly.
 */
import { flipFuses } from '@electron/fuses';
import { electronBinaryPath, KIOSK_FUSES } from '../electron/shell/fuses.ts';

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const { electronPlatformName, appOutDir, packager, arch } = context;
  // Only the Linux packager has executableName (linux.executableName in electron-builder.yml).
  const executableName = 'executableName' in packager && typeof packager.executableName === 'string' ? packager.executableName : packager.appInfo.sanitizedName;
  const binary = electronBinaryPath(electronPlatformName, appOutDir, packager.appInfo.productFilename, executableName);
  await flipFuses(binary, {
    ...KIOSK_FUSES,
    // Flipping fuses invalidates the ad-hoc signature of arm64 macOS builds; re-sign ad hoc
    // (the real signature is applied afterwards by electron-builder when configured).
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' && arch === 3 /* Arch.arm64 */,
  });
  console.log(`  • electron fuses flipped  binary=${binary}`);
}
