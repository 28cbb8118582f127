import { defineConfig } from 'vitest/config';

// PGlite needs a few seconds to start and migrate; real PostgreSQL needs a database per file.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
