// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers point one way (docs/ARCHITECTURE.md):
//   forms/    pure engine and form data: imports nothing of ours but itself
//   api/      the IPC contract: may import forms/
//   core/     the app core, plain Node: may import forms/ and api/; never a host or the UI
//   electron/ host: Electron main process, preload, shell: may import core/, forms/, api/
//   server/   host: the clinic server (headless core over HTTPS): may import core/, forms/, api/
//             electron/ and server/ are two hosts over one core: they never import each other
//   renderer/ React UI: may import forms/, and api/ for types only; never core/, a host or Node
const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'child_process', 'os', 'url', 'http', 'net'];
const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'artifacts/**', 'forms/schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // The app core and its hosts are async end to end (the storage port): a promise nobody awaits
    // is a write that may not have happened, or an error nobody sees. Tests are covered too.
    files: ['core/**/*.ts', 'server/**/*.ts', 'electron/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.node.json', tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['forms/**/*.ts'],
    rules: restrict([
      { group: ['**/electron/**', '**/core/**', '**/server/**', '**/renderer/**', '**/api/**', 'electron', 'react', 'react-dom', ...nodeBuiltins], message: 'forms/ is pure TypeScript: no Node, DOM, React, Electron or other layers.' },
    ]),
  },
  {
    files: ['api/**/*.ts'],
    rules: restrict([
      { group: ['**/electron/**', '**/core/**', '**/server/**', '**/renderer/**', 'electron', 'react', 'react-dom', ...nodeBuiltins], message: 'api/ is the pure IPC contract: it may import forms/ and zod only.' },
    ]),
  },
  {
    files: ['core/**/*.ts'],
    rules: restrict([
      { group: ['**/electron/**', '**/server/**', '**/renderer/**', 'electron'], message: 'core/ is the host-free app core: hosts (electron/, server/) import it, never the other way; it never imports renderer/.' },
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict([
      { group: ['**/renderer/**'], message: 'electron/ must not import renderer/: share code through forms/ or api/.' },
      { group: ['**/server/**'], message: 'electron/ and server/ are two hosts over core/: they never import each other (share through core/).' },
    ]),
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict([
      { group: ['**/renderer/**', 'electron'], message: 'server/ must not import renderer/ or Electron.' },
      { group: ['**/electron/**'], message: 'electron/ and server/ are two hosts over core/: they never import each other (share through core/).' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // useKioskQuery takes a deps list like useEffect's: check it the same way.
      'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^useKioskQuery$' }],
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', '**/core/**', '**/server/**', 'electron', ...nodeBuiltins], message: 'The renderer has no Node, core or host access: ask through window.kiosk.' },
          { group: ['**/api/**'], allowTypeImports: true, message: 'The renderer imports the IPC contract for types only (import type).' },
        ],
      }],
    },
  },
  {
    // The clinic server's web app builds window.kiosk in the page itself (there is no preload),
    // with the very api/bridge.ts the preload uses: that one module of api/ as a value, nothing else.
    files: ['renderer/src/web-main.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', '**/core/**', '**/server/**', 'electron', ...nodeBuiltins], message: 'The renderer has no Node, core or host access: ask through window.kiosk.' },
          { group: ['**/api/**', '!**/api/bridge.ts'], allowTypeImports: true, message: 'The renderer imports the IPC contract for types only (import type); the web app entry may build window.kiosk with api/bridge.ts.' },
        ],
      }],
    },
  },
  {
    // Staff and admin screens load and change data only through renderer/src/data/ (one way to
    // handle loading, errors and the end of a session); the client flow keeps its own two hooks.
    files: ['renderer/src/staff/**/*.{ts,tsx}', 'renderer/src/admin/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[object.name='window'][property.name='kiosk']", message: 'Staff and admin screens call the bridge through useKioskQuery/useKioskAction (renderer/src/data/), never window.kiosk.' },
        { selector: "MemberExpression[object.name='globalThis'][property.name='kiosk']", message: 'Staff and admin screens call the bridge through useKioskQuery/useKioskAction (renderer/src/data/), never the global.' },
      ],
    },
  },
);
