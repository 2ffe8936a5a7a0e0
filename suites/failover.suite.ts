import { describe } from 'vitest';
import { faultKindOf } from '../core/errors.ts';
import type { FailoverEvidence } from '../core/evidence.ts';
import type { ProviderAdapter, SendRequest } from '../providers/contract.ts';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { check, forEachTarget, type CheckContext } from './support/check.ts';
import type { ScenarioName } from './support/failover/fault-drivers.ts';
import { judgeScenario } from './support/failover/judge-scenario.ts';
import { runScenario } from './support/failover/run-scenario.ts';
import { failoverParts } from './support/failover/targets.ts';
import { throttlingSignalled } from './support/failover/throttling.ts';
import { scenarioTiming } from './support/failover/timing.ts';
import { createAdapter } from '../providers/registry.ts';
import { inboxAt } from './support/handset.ts';
import { providedRunId } from './support/provided.ts';
import { requireReceipts } from './support/require-receipts.ts';
import { first } from './support/send-tracked.ts';
import { simulatorFaults as setFaults } from './support/failover/sim-faults.ts';

const SCENARIOS: readonly { readonly name: ScenarioName; readonly title: string }[] = [
  { name: 'primary-outage', title: 'a primary outage: messages move to the secondary, none lost' },
  { name: 'primary-slow', title: 'a primary slow to deliver is demoted, none lost or sent twice' },
  {
    name: 'primary-silent',
    title: 'a primary that accepts and goes silent: none lost, none delivered twice',
  },
  { name: 'primary-flapping', title: 'a flapping primary: none lost, none delivered twice' },
];

/**
 * Failover as a service lives it: a failover sender with the target as primary and the
 * configured secondary, messages arriving at a steady pace, and the primary failing in four ways.
 * Lost and duplicated messages are counted at the handsets where the simulator shows them.
 * Targets run side by side; one target's scenarios run one after another, since they share its
 * fault plan.
 */
describe.concurrent('failover', () => {
  forEachTarget('failover', (target) => {
    describe.sequential('scenarios', () => {
      for (const scenario of SCENARIOS) {
        check(
          'failover',
          target,
          {
            id: scenario.name,
            title: scenario.title,
            // Against a real supplier the handsets cannot be seen, only what the supplier says.
            covers: [target.simulator ? 'AGG-03' : { id: 'AGG-03', scope: 'partial' }],
          },
          (c) => failoverScenario(c, scenario.name),
        );
      }

      check(
        'failover',
        target,
        {
          id: 'internal-reroute',
          title: 'when its own route fails, the supplier delivers through another',
          covers: ['FOV-01'],
        },
        internalReroute,
      );

      check(
        'failover',
        target,
        {
          id: 'throttling',
          title: 'throttling is said clearly: 429 with Retry-After',
          // Only the signalling is tested, not whether the planned volume is carried.
          covers: [{ id: 'AGG-01', scope: 'partial' }],
        },
        throttlingSignalled,
      );
    });
  });
});

async function failoverScenario(c: CheckContext, scenario: ScenarioName): Promise<void> {
  if (!c.target.failover) {
    return c.skip('no failover is configured for this target (targets[].failover)');
  }
  // Only receipts tell a service that an accepting primary has gone silent.
  if (scenario === 'primary-silent') requireReceipts(c);
  const timing = scenarioTiming(c.target);
  const parts = failoverParts(c, timing);
  const unmakeable = parts.driver.cannotMake(scenario);
  if (unmakeable) {
    await parts.close();
    return c.skip(unmakeable);
  }
  let evidence: FailoverEvidence | undefined;
  try {
    evidence = await runScenario(scenario, {
      ...parts,
      timing,
      pollIntervalMs: Math.max(c.target.pollIntervalMs, timing.pollIntervalMs),
      to: first(c.target.numbers.delivered, 'delivered'),
    });
  } finally {
    await parts.close();
  }
  if (!evidence) {
    return c.skip(parts.driver.cannotMake(scenario) ?? `${scenario} could not be made`);
  }

  c.evidence(evidence);
  judgeScenario(c, evidence);
}

/**
 * FOV-01: a route of the supplier's own fails (injected in the simulator) and its message must
 * still reach the handset, once, through another route. Judged at the handset, so a supplier
 * whose receipts or answers are broken in another way is still judged on this alone. A real
 * supplier cannot be made to lose a route; its questionnaire answers for it.
 */
async function internalReroute(c: CheckContext): Promise<void> {
  const primary = c.target.failover?.primary;
  const simulator = primary?.simulator;
  if (!primary || !simulator) {
    return c.skip('a real supplier cannot be told to lose a route; see its FOV-01 attestation');
  }
  const to = first(c.target.numbers.delivered, 'delivered');
  const adapter = createAdapter(primary, { redactor: c.redactor, sink: (e) => c.evidence(e) });
  const body = `sms-assure route-failure ${randomBytes(6).toString('hex')}`;

  await setFaults(simulator.controlUrl, { routeFailure: { rate: 1 } }, primary.trustedCa);
  try {
    await sendJudgedAtHandset(c, adapter, { to, body, reference: `assure-${providedRunId()}-fov` });
    const arrived = await arrivals(c, simulator.controlUrl, to, body);
    if (arrived !== 1) {
      c.finding({
        code: 'route_failure_not_rerouted',
        requirement: 'FOV-01',
        message: 'a message whose route failed did not reach the handset through another route',
        expected: 'on the handset once',
        actual: `on the handset ${arrived} time(s)`,
      });
    }
  } finally {
    await setFaults(simulator.controlUrl, undefined, primary.trustedCa);
  }
}

/** A send whose answer the supplier garbles may still have been taken: the handset will tell. */
async function sendJudgedAtHandset(
  c: CheckContext,
  adapter: ProviderAdapter,
  request: SendRequest,
) {
  try {
    await adapter.send(request);
  } catch (error) {
    if (faultKindOf(error) !== 'supplier') throw error;
    c.note(`the send's answer could not be read (${String(error)}); judged at the handset`);
  }
}

/** How many times the text reached the handset, waiting for it up to the receipt deadline. */
async function arrivals(c: CheckContext, controlUrl: string, to: string, body: string) {
  const deadline = Date.now() + c.target.receiptDeadlineMs;
  for (;;) {
    const count = (await inboxAt(controlUrl, to, c.target.trustedCa)).filter(
      (m) => m.body === body,
    ).length;
    if (count > 0 || Date.now() >= deadline) return count;
    await sleep(c.target.pollIntervalMs);
  }
}
