import { request } from 'undici';
import { HarnessError } from '../../../core/errors.ts';
import { trusting } from '../../../providers/http/trusted-agent.ts';

/** Sets the simulator's fault plan (`PUT /_sim/faults`), or ends every fault when undefined. */
export async function simulatorFaults(
  controlUrl: string,
  plan: object | undefined,
  ca?: readonly string[],
): Promise<void> {
  try {
    const reply = await request(`${controlUrl}/faults`, {
      ...trusting(ca),
      method: plan ? 'PUT' : 'DELETE',
      ...(plan
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) }
        : {}),
    });
    const text = await reply.body.text();
    if (reply.statusCode >= 300) throw new Error(`HTTP ${reply.statusCode}: ${text}`);
  } catch (error) {
    throw new HarnessError('ASSURE_SIMULATOR_CONTROL', 'the simulator refused the fault plan', {
      cause: error,
    });
  }
}
