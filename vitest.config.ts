import { defineConfig } from 'vitest/config';

/**
 * The project's own tests. The assurance suites under suites/ are not tests of this project:
 * the CLI runs them through vitest's Node API with a configuration of its own.
 */
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'reports/run-*/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './test/support/closing-line-reporter.ts'],
  },
});
