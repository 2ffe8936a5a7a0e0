import { expect, test } from 'vitest';
import { SmsAssureSimulatorContainer } from './simulator-container.ts';

// Starting the container needs an engine: test/e2e/container.test.ts does that.
test('an unknown profile is refused before any container starts', () => {
  expect(() => new SmsAssureSimulatorContainer().withProfile('no-such')).toThrow(
    /withProfile: 'no-such' is not one of compliant, /,
  );
});
