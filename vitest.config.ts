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
    // E2E files give their set-up hooks (whole CLI runs) 15 minutes: on two loaded cores a
    // matrix run has taken six, and a generous limit costs nothing when the run is healthy.
    hookTimeout: 30_000,
    reporters: ['default', './test/support/closing-line-reporter.ts'],
  },
});
