import { Redactor } from '../../core/redact.ts';
import { startSimulator, type StartedSimulator } from '../../simulators/index.ts';
import { RecordingClient } from '../http/recording-client.ts';
import { parseNotifyKey } from '../notify/api-key.ts';
import { NotifyAdapter } from '../notify/adapter.ts';
import type { ClientFaults } from './client-faults.ts';
import type { FailoverTarget } from './failover-sender.ts';
import type { LanePolicies } from './lane.ts';

/** Policies for tests against simulators at a fast clock: short waits, quick decisions. */
export const FAST_POLICIES: LanePolicies = {
  attemptTimeoutMs: 2_000,
  retries: 1,
  retryDelayMs: 5,
  breakAfter: 2,
  halfOpenAfterMs: 80,
  // Generous: a loaded machine must not make a healthy primary look slow.
  slowDelivery: { thresholdMs: 2_000, maxSlowShare: 0.3, window: 10, minSamples: 2 },
  demotedForMs: 60_000,
};

/** A simulator standing in for a supplier, with an adapter to it (through `faults` if given). */
export async function simulatedSupplier(
  name: string,
  stops: (() => Promise<void>)[],
  faults?: ClientFaults,
): Promise<{ readonly simulator: StartedSimulator; readonly target: FailoverTarget }> {
  const simulator = await startSimulator({ timeScale: 1000 });
  stops.push(() => simulator.stop());
  const client = new RecordingClient({
    redactor: new Redactor(),
    sink: () => undefined,
    ...(faults ? { dispatcher: faults.dispatcher } : {}),
  });
  const adapter = new NotifyAdapter({
    baseUrl: simulator.baseUrl,
    key: parseNotifyKey(simulator.notify.liveKey, name),
    templateId: simulator.notify.templateId,
    client,
  });
  return { simulator, target: { name, adapter } };
}
