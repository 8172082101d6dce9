import { defineConfig } from '@playwright/test';

// Browser e2e runs in Debian's Chromium (Playwright's own browser download is not
// available here). The Electron spec (e2e/electron.spec.ts) uses _electron.launch
// and skips itself with a printed reason where the Electron binary is missing.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'kiosk', testIgnore: /clinic-(server|system)\.spec\.ts$/ },
    // The clinic server's web app over HTTPS: its specs launch Chromium with an NSS database
    // that trusts the server's clinic CA (e2e/harness/nss-trust.ts), as a tablet would;
    // clinic-system.spec.ts runs the server as a child process on PostgreSQL with two kiosks.
    { name: 'clinic-server', testMatch: /clinic-(server|system)\.spec\.ts$/ },
  ],
});
