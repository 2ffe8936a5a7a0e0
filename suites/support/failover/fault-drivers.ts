import type { ResolvedTarget } from '../../../core/target.ts';
import type { Capabilities } from '../../../providers/contract.ts';
import type { ClientFaults } from '../../../providers/failover/index.ts';
import { simulatorFaults as setFaults } from './sim-faults.ts';
import type { ScenarioTiming } from './timing.ts';

export type ScenarioName =
  'primary-outage' | 'primary-slow' | 'primary-silent' | 'primary-flapping';

/** Starts and ends a scenario's fault on the primary; undefined where it cannot be made. */
export interface FaultDriver {
  readonly where: 'simulator' | 'client';
  /** Why the scenario cannot be made on this target; undefined when it can. */
  cannotMake(scenario: ScenarioName): string | undefined;
  start(scenario: ScenarioName): Promise<boolean>;
  end(): Promise<void>;
}

/** Faults set in the simulator through its control API: the supplier itself misbehaves. */
export function simulatorFaults(
  target: ResolvedTarget,
  timing: ScenarioTiming,
  capabilities: Capabilities,
): FaultDriver {
  const controlUrl = target.simulator?.controlUrl ?? '';
  const simulated = timing.simulated ?? { silentFailsAfterMs: 40_000, slowExtraMs: 60_000 };
  const third = Math.round(timing.faultMs / 3);
  const plans: Record<ScenarioName, object> = {
    'primary-outage': { outages: [{ mode: 'unavailable' }] },
    'primary-slow': { slowDelivery: { rate: 1, extraMs: simulated.slowExtraMs } },
    'primary-silent': { silent: { rate: 1, failsAfterMs: simulated.silentFailsAfterMs } },
    // Refused connections come and go: sends in doubt, breaker opening and closing. The
    // flapping goes on as long as the scenario may stretch the fault (four times its length),
    // so a loaded machine that sends few messages in the first windows still sees it.
    'primary-flapping': { outages: flappingWindows(third, 4 * timing.faultMs) },
  };

  // Kannel answers sendsms itself and retries or reports what its SMSC refuses, so a request
  // fault on the SMSC behind it never reaches the harness as the supplier's refusal.
  const behindKannel = target.dialect === 'kannel';
  // The SMSC answers an outage with ESME_RSYSERR, a refusal the sender can act on; a flapping
  // one cuts connections after reading the submit, and a send left in doubt there can never be
  // settled, since SMPP asks about a message only by the id the lost answer carried. Neither
  // can a supplier that can be asked nothing at all (SNS).
  const unaskable =
    target.dialect === 'smpp' || (!capabilities.listing && capabilities.receipts.length === 0);
  const cannotMake = (scenario: ScenarioName) => {
    if (behindKannel && (scenario === 'primary-outage' || scenario === 'primary-flapping')) {
      return (
        `${scenario} cannot be made through Kannel, which answers sendsms itself and queues ` +
        "what its SMSC refuses; slow and silent delivery are judged, and the SMSC's own " +
        'outage with an smpp target'
      );
    }
    if (unaskable && scenario === 'primary-flapping') {
      return (
        'primary-flapping cannot be judged: the supplier can be asked nothing about a message ' +
        'whose answer was cut off, so a send the fault cuts stays in doubt for ever, however ' +
        'it behaves'
      );
    }
    return undefined;
  };

  return {
    where: 'simulator',
    cannotMake,
    start: async (scenario) => {
      if (cannotMake(scenario)) return false;
      await setFaults(controlUrl, plans[scenario], target.trustedCa);
      return true;
    },
    end: () => setFaults(controlUrl, undefined, target.trustedCa),
  };
}

/** Refusals `length` ms long with as long a pause between them, until `until` ms. */
export function flappingWindows(length: number, until: number) {
  const windows = [];
  for (let startMs = 0; startMs < until; startMs += 2 * length) {
    windows.push({ mode: 'refuse' as const, startMs, endMs: startMs + length });
  }
  return windows;
}

/**
 * Faults made on the harness's side of the wire, for a supplier that cannot be told to fail:
 * requests dropped (outage), held back past the attempt timeout (slow), or dropped on and off
 * (flapping). A supplier that accepts and stays silent cannot be imitated from here.
 */
export function clientFaults(faults: ClientFaults, timing: ScenarioTiming): FaultDriver {
  let flapping: NodeJS.Timeout | undefined;
  const slowMs = timing.policies.attemptTimeoutMs * 1.5;

  const cannotMake = (scenario: ScenarioName) =>
    scenario === 'primary-silent'
      ? 'a supplier that accepts and stays silent cannot be imitated from the client side'
      : undefined;

  return {
    where: 'client',
    cannotMake,
    start: (scenario) => {
      if (scenario === 'primary-silent') return Promise.resolve(false);
      if (scenario === 'primary-slow') faults.set({ delayMs: { min: slowMs, max: slowMs } });
      else faults.set({ drop: { rate: 1, when: 'before-sending' } });

      if (scenario === 'primary-flapping') {
        let down = true;
        flapping = setInterval(() => {
          down = !down;
          if (down) faults.set({ drop: { rate: 1, when: 'before-sending' } });
          else faults.clear();
        }, timing.faultMs / 3);
      }
      return Promise.resolve(true);
    },
    end: () => {
      clearInterval(flapping);
      faults.clear();
      return Promise.resolve();
    },
  };
}
