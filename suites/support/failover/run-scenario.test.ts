import { afterEach, describe, expect, test } from 'vitest';
import { ClientFaults } from '../../../providers/failover/index.ts';
import { clientFaults } from './fault-drivers.ts';
import { runScenario } from './run-scenario.ts';
import type { ScenarioTiming } from './timing.ts';
import { FAST_POLICIES, simulatedSupplier } from '../../../providers/failover/test-support.ts';

/**
 * The path a real target takes: faults made on the client side, figures from what the
 * suppliers say. Two simulators stand in for the real suppliers; no fault is set in them.
 */
const TIMING: ScenarioTiming = {
  intervalMs: 25,
  pollIntervalMs: 10,
  faultMs: 300,
  recoveryBudgetMs: 1_500,
  settleMs: 5_000,
  giveUpAfterMs: 1_000,
  policies: {
    ...FAST_POLICIES,
    slowDelivery: { ...FAST_POLICIES.slowDelivery, minSamples: 3 },
    demotedForMs: 300,
  },
};

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((stop) => stop()));
});

async function setUp() {
  const faults = new ClientFaults();
  cleanup.push(() => faults.close());
  const primary = await simulatedSupplier('primary', cleanup, faults);
  const secondary = await simulatedSupplier('secondary', cleanup);
  return {
    primary: primary.target,
    secondary: secondary.target,
    driver: clientFaults(faults, TIMING),
    timing: TIMING,
  };
}

describe('a scenario with client-side faults', () => {
  test.each(['primary-outage', 'primary-flapping'] as const)(
    '%s: switches, recovers, and every message is delivered by the suppliers',
    async (scenario) => {
      const setup = await setUp();

      const evidence = await runScenario(scenario, {
        ...setup,
        pollIntervalMs: 10,
        to: '07700900461',
      });

      expect(evidence?.countedAt).toBe('sender');
      expect(evidence?.figures).toMatchObject({ lost: 0, duplicated: 0 });
      expect(evidence?.figures.timeToSwitchMs).not.toBeNull();
      expect(evidence?.figures.timeToRecoverMs).not.toBeNull();
      expect(evidence?.timeline.some((c) => c.target === 'primary' && c.state === 'open')).toBe(
        true,
      );
    },
  );

  test('an accepting-then-silent primary cannot be made from the client side', async () => {
    const setup = await setUp();

    const evidence = await runScenario('primary-silent', {
      ...setup,
      pollIntervalMs: 10,
      to: '07700900461',
    });

    expect(evidence).toBeUndefined();
  });
});
