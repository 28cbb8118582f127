import { defineConfig } from 'vitest/config';

// Unit tests cover pure modules (i18n, view models); no DOM needed.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
