import { defineConfig } from 'vitest/config';

/**
 * Unit tests (pure logic) and API tests (real HTTP server, real database). API tests run on the
 * embedded PGlite always and, when KARNA_TEST_DATABASE_URL is set, a second time on that
 * PostgreSQL server (see server/test/global-setup.ts).
 */
export default defineConfig({
  test: {
    include: ['contracts/src/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
