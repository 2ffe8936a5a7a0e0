import type { ResolvedTarget } from '../../../core/target.ts';
import type { LanePolicies } from '../../../providers/failover/index.ts';

/**
 * Every duration of a failover scenario, in real ms. On a simulator they follow its clock, so a
 * scenario is a few seconds at the default time scale; against a real supplier they are its
 * real delivery times, so a scenario takes minutes.
 */
export interface ScenarioTiming {
  /** Between two messages of the service. */
  readonly intervalMs: number;
  /** The shortest pause between two polls of the sender. */
  readonly pollIntervalMs: number;
  /** How long the primary is faulty while messages keep coming. */
  readonly faultMs: number;
  /** How long to keep sending after the fault, waiting for traffic to return. */
  readonly recoveryBudgetMs: number;
  /** How long, after the last message, every message gets to settle. */
  readonly settleMs: number;
  /** A message no target took by then is lost to the service. */
  readonly giveUpAfterMs: number;
  /** On a simulator: when a silent primary gives a message up; slow delivery's extra delay. */
  readonly simulated?: { readonly silentFailsAfterMs: number; readonly slowExtraMs: number };
  readonly policies: LanePolicies;
}

/** Simulated durations, scaled to real ms by the target's clock; real ones for a real target. */
export function scenarioTiming(target: ResolvedTarget): ScenarioTiming {
  const scale = target.simulator?.timeScale;
  // HTTP happens in real time: nothing on that side may shrink below a few round trips.
  const ms = (simulated: number, floor = 20) =>
    scale === undefined ? simulated : Math.max(floor, simulated / scale);

  return {
    intervalMs: ms(8_000),
    pollIntervalMs: ms(5_000),
    faultMs: ms(60_000, 300),
    recoveryBudgetMs: ms(150_000, 1_500),
    // Generous: settling ends as soon as every message is final, and a loaded machine is slow.
    settleMs: Math.max(target.receiptDeadlineMs * 2, ms(240_000)),
    // Shorter than the longest fault, so that a sender with nowhere to go shows its losses.
    giveUpAfterMs: ms(60_000, 1_000),
    ...(scale === undefined
      ? {}
      : { simulated: { silentFailsAfterMs: 40_000, slowExtraMs: 60_000 } }),
    policies: {
      attemptTimeoutMs: scale === undefined ? 10_000 : 5_000,
      retries: 1,
      retryDelayMs: ms(1_000, 10),
      breakAfter: 2,
      halfOpenAfterMs: ms(15_000, 50),
      slowDelivery: {
        thresholdMs: ms(30_000),
        maxSlowShare: 0.3,
        window: 10,
        minSamples: 3,
      },
      demotedForMs: ms(80_000, 200),
    },
  };
}
