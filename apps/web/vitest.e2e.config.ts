import { defineConfig } from 'vitest/config';

// Browser tests against the built app (run `vite build` first; turbo does).
export default defineConfig({
  // graphql ships ESM and CJS builds; the API server must see one copy (see apps/api/vitest.config.ts).
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
