import { defineConfig } from 'vitest/config';

// Unit tests live next to the code they test (`*.test.ts`). e2e/ is Playwright's.
export default defineConfig({
  test: {
    include: ['{api,forms,core,electron,server,renderer,scripts,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Offers a PostgreSQL test cluster, started only if a test asks (core/db/testing/).
    globalSetup: ['core/db/testing/pg-global-setup.ts'],
  },
});
