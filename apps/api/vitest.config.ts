import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files whose database does not follow NTM_TEST_DATABASE_URL: the CLI drives the embedded database
 * by design, and the others always use the real PostgreSQL server (PGlite has one connection). A
 * run on PostgreSQL (CI's second phase) would only repeat them.
 */
const SAME_ON_EVERY_BACKEND = [
  'test/cli.test.ts',
  'test/faults.test.ts',
  'test/concurrent-writes.test.ts',
  'test/two-processes.test.ts',
];

export default defineConfig({
  // graphql ships ESM and CJS builds; Node loads the CJS one for Pothos and Apollo, so tests must
  // too, or the schema's types come from a second copy of graphql.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      ...(process.env['NTM_TEST_DATABASE_URL'] ? SAME_ON_EVERY_BACKEND : []),
    ],
    // One database per test file; files run one at a time to stay within 2 cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
