import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships ESM and CJS builds; load the CJS one like Node does (see apps/api/vitest.config.ts).
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['src/**/*.test.ts'],
    // PGlite needs a few seconds to start and migrate.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
