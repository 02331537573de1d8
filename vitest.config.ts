import { defineConfig } from 'vitest/config';

// Four projects: pure unit tests, the API suite on PGlite and again on PostgreSQL, and browser
// journeys. `npm test` (scripts/test.mjs) runs them all and prints the plain summary for CI.
const api = ['src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/robustness/**/*.test.ts'];
const notApi = ['src/**/*.unit.test.ts', 'node_modules/**'];
// Tests that need two real connections run on PostgreSQL only.
const pgOnly = ['src/**/*.pg.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each API file opens its own in-memory PGlite; two workers suit a 2-core machine.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.unit.test.ts', 'test/process/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'api-pglite',
          include: api,
          exclude: [...notApi, ...pgOnly],
          env: { TEST_DB: 'pglite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'api-postgres',
          include: api,
          exclude: notApi,
          env: { TEST_DB: 'postgres' },
          globalSetup: ['test/support/postgres-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/support/demo-template-setup.ts'],
          testTimeout: 90_000,
          // Browser journeys run after the API suites, one at a time (Chromium is heavy on 2 cores).
          maxWorkers: 1,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
