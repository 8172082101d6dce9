/**
 * What electron-builder.yml puts into the package from node_modules, checked with
 * electron-builder's own dependency file matcher (app-builder-lib, installed with
 * electron-builder) over the installed files. Packaging itself needs the Electron binary,
 * which this machine cannot download.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { RUNTIME_FILES } from '../core/pdf/fonts.ts';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

interface FileMatcherModule {
  getNodeModuleFileMatcher(appDir: string, destination: string, macroExpander: (s: string) => string, platformOptions: object, packager: object): { createFilter(): (file: string, stat: Stats) => boolean };
}
const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher') as FileMatcherModule;

/** Files under node_modules that electron-builder.yml lets into the package. */
function packagedDependencyFiles(): string[] {
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] };
  const filter = getNodeModuleFileMatcher(root, '/app', (s) => s, {}, { config, debugLogger: { isEnabled: false } }).createFilter();
  const kept: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === '.bin') continue; // electron-builder never copies it
      const file = join(dir, name);
      const stat = statSync(file);
      if (!filter(file, stat)) continue;
      if (stat.isDirectory()) walk(file);
      else kept.push(relative(root, file));
    }
  };
  walk(join(root, 'node_modules'));
  return kept.sort();
}

describe('packaged dependencies', () => {
  // Everything else is bundled; scripts/build-electron.ts fails if main.cjs requires a package.
  it('are exactly the run-time fonts and HarfBuzz wasm files with their licences', () => {
    const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const packages = [...new Set(RUNTIME_FILES.map(packageOf))];
    const expected = [
      ...RUNTIME_FILES,
      ...packages.flatMap((pkg) => [`${pkg}/LICENSE`, `${pkg}/package.json`]),
    ].map((f) => join('node_modules', f));
    const kept = packagedDependencyFiles();
    expect(kept).toEqual(expected.sort());
    const bytes = kept.reduce((sum, f) => sum + statSync(join(root, f)).size, 0);
    // One font per script, two for the five with a bold face (the CJK four are ~1.4 MB each, already compressed WOFF) and HarfBuzz: 8.8 MB (docs/PDF-TEXT.md).
    expect(bytes).toBeLessThan(10_000_000);
  });

});

describe('the Linux package', () => {
  it('depends on system fonts for every script the screens show (the PDF embeds its own; the screens do not)', () => {
    const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { deb: { depends: string[] } };
    // Chinese, Japanese, Korean: fonts-noto-cjk; Arabic, Devanagari, Thai, Hebrew: fonts-noto-core.
    expect(config.deb.depends).toEqual(expect.arrayContaining(['fonts-noto-core', 'fonts-noto-cjk']));
  });
});
