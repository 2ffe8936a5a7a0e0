import { randomBytes } from 'node:crypto';
import type { FailoverEvidence } from '../../../core/evidence.ts';
import {
  FailoverSender,
  type FailoverTarget,
  type MessageRoute,
} from '../../../providers/failover/index.ts';
import { providedRunId } from '../provided.ts';
import type { FaultDriver, ScenarioName } from './fault-drivers.ts';
import { routeRecord, scenarioFigures, timelineRecord, type ScenarioClock } from './figures.ts';
import type { ScenarioTiming } from './timing.ts';

export interface ScenarioSetup {
  readonly primary: FailoverTarget;
  readonly secondary?: FailoverTarget;
  readonly driver: FaultDriver;
  readonly timing: ScenarioTiming;
  readonly pollIntervalMs: number;
  readonly to: string;
  /** How many times each message reached a handset, where handsets can be read. */
  readonly tally?: (routes: readonly MessageRoute[]) => Promise<number[]>;
}

/** Messages sent while the primary is healthy, before the fault starts. */
const BEFORE_FAULT = 3;

/**
 * One scenario as a service lives it: messages keep coming at a steady pace while the primary
 * is healthy, faulty, then healthy again, and every message is followed to the handset.
 * Undefined when the fault cannot be made on this target.
 */
export async function runScenario(
  scenario: ScenarioName,
  setup: ScenarioSetup,
): Promise<FailoverEvidence | undefined> {
  const { timing, driver } = setup;
  const startedAt = Date.now();
  const sender = new FailoverSender({
    targets: setup.secondary ? [setup.primary, setup.secondary] : [setup.primary],
    policies: timing.policies,
    giveUpAfterMs: timing.giveUpAfterMs,
    pollIntervalMs: setup.pollIntervalMs,
  }).start();
  const token = randomBytes(4).toString('hex');
  let sent = 0;
  const sendOne = async () => {
    const n = sent++;
    await sender.send({
      to: setup.to,
      body: `sms-assure failover ${scenario} ${token} ${n}`,
      reference: `assure-${providedRunId()}-${scenario}-${token}-${n}`,
    });
  };

  let clock: ScenarioClock;
  try {
    for (let i = 0; i < BEFORE_FAULT; i++) await paced(sendOne, timing.intervalMs);

    const faultStart = Date.now();
    if (!(await driver.start(scenario))) return undefined;
    // The fault lasts its time, and longer (up to four times) until traffic has moved: on a
    // loaded machine the few messages of the shortest fault may not be enough to judge by.
    for (;;) {
      const elapsed = Date.now() - faultStart;
      const moved = movedOff(sender, faultStart, setup.primary.name);
      if (elapsed >= timing.faultMs * (moved ? 1 : 4)) break;
      await paced(sendOne, timing.intervalMs);
    }
    await driver.end();

    const faultEnd = Date.now();
    clock = { startedAt, faultStart, faultEnd };
    while (
      Date.now() - faultEnd < timing.recoveryBudgetMs &&
      !backOnPrimary(sender, clock, setup.primary.name)
    ) {
      await paced(sendOne, timing.intervalMs);
    }
    await sender.settle(timing.settleMs);
  } finally {
    await driver.end();
    await sender.close();
  }

  const routes = sender.routes();
  const counts = setup.tally ? await setup.tally(routes) : undefined;
  const names = { primary: setup.primary.name, ...secondaryName(setup) };
  return {
    kind: 'failover',
    scenario,
    ...names,
    countedAt: counts ? 'handsets' : 'sender',
    figures: scenarioFigures(routes, clock, names, counts),
    faultWindow: { startMs: clock.faultStart - startedAt, endMs: clock.faultEnd - startedAt },
    timeline: timelineRecord(sender.timeline(), clock),
    routes: routes.map((r, i) => routeRecord(r, clock, counts?.[i])),
  };
}

function movedOff(sender: FailoverSender, since: number, primary: string): boolean {
  return sender
    .routes()
    .some((r) => r.holder !== undefined && r.holder.target !== primary && r.holder.at >= since);
}

function backOnPrimary(sender: FailoverSender, clock: ScenarioClock, primary: string): boolean {
  return sender
    .routes()
    .some((r) => r.submittedAt >= clock.faultEnd && r.holder?.target === primary);
}

function secondaryName(setup: ScenarioSetup) {
  return setup.secondary ? { secondary: setup.secondary.name } : {};
}

async function paced(work: () => Promise<void>, intervalMs: number): Promise<void> {
  const started = Date.now();
  await work();
  const rest = intervalMs - (Date.now() - started);
  if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
}
