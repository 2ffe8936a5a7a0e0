import type { Evidence } from '../../../core/evidence.ts';
import type { ResolvedTarget } from '../../../core/target.ts';
import {
  ClientFaults,
  type FailoverTarget,
  type MessageRoute,
} from '../../../providers/failover/index.ts';
import { createAdapter } from '../../../providers/registry.ts';
import type { CheckContext } from '../check.ts';
import { inboxAt } from '../handset.ts';
import { clientFaults, simulatorFaults, type FaultDriver } from './fault-drivers.ts';
import type { ScenarioTiming } from './timing.ts';

export interface FailoverParts {
  readonly primary: FailoverTarget;
  readonly secondary?: FailoverTarget;
  readonly driver: FaultDriver;
  readonly tally?: (routes: readonly MessageRoute[]) => Promise<number[]>;
  close(): Promise<void>;
}

/**
 * The sender's targets for a check. Sends that failed are kept as evidence; the many status
 * polls and successful sends are left out, since every message's route is recorded anyway.
 */
export function failoverParts(c: CheckContext, timing: ScenarioTiming): FailoverParts {
  // A simulated target's faults go to a simulator of its own, which no other suite uses.
  const target = c.target.failover?.primary ?? c.target;
  const secondaryTarget = c.target.failover?.secondary;
  const sink = (e: Evidence) => {
    if (e.kind === 'exchange' && e.label === 'send' && e.response?.status !== 201) c.evidence(e);
  };
  const faults = target.simulator ? undefined : new ClientFaults();
  const adapterFor = (t: ResolvedTarget, dispatcher?: ClientFaults) =>
    createAdapter(t, {
      redactor: c.redactor,
      sink,
      ...(dispatcher ? { dispatcher: dispatcher.dispatcher } : {}),
    });

  const primary = { name: c.target.name, adapter: adapterFor(target, faults) };
  const secondary = secondaryTarget && {
    name: secondaryTarget.name,
    adapter: adapterFor(secondaryTarget),
  };
  // Each simulator is read under its own authority: a plain-HTTP primary has none to give.
  const controlUrls = [target, secondaryTarget].flatMap((t) =>
    t?.simulator ? [{ url: t.simulator.controlUrl, ca: t.trustedCa }] : [],
  );
  // Handsets are counted only where every target of the run has them.
  const countable = controlUrls.length === (secondaryTarget ? 2 : 1);

  return {
    primary,
    ...(secondary ? { secondary } : {}),
    driver: faults
      ? clientFaults(faults, timing)
      : simulatorFaults(target, timing, primary.adapter.capabilities),
    ...(countable ? { tally: (routes) => handsetTally(controlUrls, routes) } : {}),
    close: async () => {
      await faults?.close();
    },
  };
}

/** How many times each message reached the handset, over every simulator: counted at the phone. */
async function handsetTally(
  simulators: readonly { url: string; ca: readonly string[] | undefined }[],
  routes: readonly MessageRoute[],
): Promise<number[]> {
  const numbers = [...new Set(routes.map((r) => r.to))];
  const inboxes = await Promise.all(
    simulators.flatMap(({ url, ca }) => numbers.map((number) => inboxAt(url, number, ca))),
  );
  const bodies = inboxes.flat().map((m) => m.body);
  return routes.map((r) => bodies.filter((b) => b === r.body).length);
}
