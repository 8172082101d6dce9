/**
 * `npm start`: launch the built app in Electron. Electron 45's npm package downloads
 * its binary on first use; where that cannot happen (download host unreachable),
 * say so in one line and point at Chromium mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  const installed = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!installed) {
    console.log('Fetching the Electron binary (first run only)...');
    const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'pipe' });
    if (result.status !== 0) return null;
  }
  return require('electron') as string;
}

const binary = electronBinary();
if (binary === null) {
  console.error("Electron's binary is not available on this machine (its download failed): run the kiosk in Chromium with `npm run start:chromium`.");
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
