import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'build/**'],
    typecheck: { enabled: false },
    testTimeout: 60_000,
    reporters: ['default', './testing/summary-reporter.ts'],
  },
});
