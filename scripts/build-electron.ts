/**
 * `node scripts/build-electron.ts` (npm run build:electron): bundles the main process
 * and the preload with esbuild.
 *
 *   electron/main.ts    -> dist-electron/main.cjs     Node/CJS, `electron` and node:* external
 *   electron/preload.ts -> dist-electron/preload.cjs  sandboxed preload: only `electron` external
 *
 * A sandboxed preload cannot require our files or npm packages, only 'electron' (and a
 * few polyfilled modules), so it must be one self-contained file; the build fails if
 * anything else is left as a require in it. main.cjs likewise may require only electron and
 * Node built-ins: the package carries no dependencies' code (electron-builder.yml).
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'dist-electron';

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  target: 'node22', // Electron 45 ships Node 22
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * `pg` requires its optional native binding (`pg-native`, libpq) only when someone asks for
 * `pg.native`, which the core never does. In the bundle that require answers what Node answers
 * for a module that is not installed (MODULE_NOT_FOUND, which pg handles), so main.cjs still
 * requires no package from outside the bundle.
 */
const optionalNativeBindings: Plugin = {
  name: 'optional-native-bindings',
  setup(b) {
    b.onResolve({ filter: /^pg-native$/ }, (args) => ({ path: args.path, namespace: 'not-installed' }));
    b.onLoad({ filter: /.*/, namespace: 'not-installed' }, (args) => ({
      contents: `const e = new Error(${JSON.stringify(`Cannot find module '${args.path}' (not shipped with the kiosk)`)}); e.code = 'MODULE_NOT_FOUND'; throw e;`,
      loader: 'js',
    }));
  },
};

const [mainBuild] = await Promise.all([
  build({
    ...common,
    metafile: true,
    entryPoints: { main: 'electron/main.ts' },
    outExtension: { '.js': '.cjs' },
    outdir,
    platform: 'node',
    external: ['electron', 'node:*'],
    plugins: [optionalNativeBindings],
    // Our sources are ESM and may use import.meta.url; in the CJS bundle it becomes the bundle's own URL.
    define: { 'import.meta.url': '__kioskImportMetaUrl' },
    banner: { js: 'const __kioskImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/preload.ts' },
    outExtension: { '.js': '.cjs' },
    outdir,
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
  }),
]);

const preload = readFileSync(`${root}/${outdir}/preload.cjs`, 'utf8');
const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const unexpected = requires.filter((name) => name !== 'electron');
if (unexpected.length > 0) {
  console.error(`The sandboxed preload may only require "electron", but it requires: ${unexpected.join(', ')}`);
  process.exit(1);
}
// The package ships no dependencies' code (electron-builder.yml keeps only fonts from node_modules).
const externals = Object.values(mainBuild.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
const unbundled = [...new Set(externals)].filter((name) => name !== 'electron' && !isBuiltin(name));
if (unbundled.length > 0) {
  console.error(`main.cjs must bundle its dependencies (the package leaves them out), but it requires: ${unbundled.join(', ')}`);
  process.exit(1);
}
console.log(`Built ${outdir}/main.cjs and ${outdir}/preload.cjs (${preload.length} bytes).`);
