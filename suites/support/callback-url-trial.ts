import { request } from 'undici';
import { HarnessError } from '../../core/errors.ts';
import { trusting } from '../../providers/http/trusted-agent.ts';
import type { CheckContext } from './check.ts';

export type TrialOutcome =
  | { readonly accepted: false; readonly status: number; readonly reason: string }
  | { readonly accepted: true; readonly status: number };

/**
 * Asks the simulated supplier to post receipts to `url`, as a service would in its admin pages,
 * and puts the target's own callback back at once if it agreed, so that the rest of the run
 * keeps its receipts.
 */
export async function tryCallbackUrl(c: CheckContext, url: string): Promise<TrialOutcome> {
  const { simulator, callback } = c.target;
  if (!simulator || !callback) {
    throw new HarnessError('ASSURE_NOT_SIMULATED', 'this target has no admin API to try it on');
  }

  const trial = await putCallback(c, url, callback.bearerToken);
  if (trial.status >= 500) {
    throw new HarnessError('ASSURE_SIMULATOR_CONTROL', `callback setting answered ${trial.status}`);
  }
  if (trial.status >= 300) return { accepted: false, status: trial.status, reason: trial.body };

  const restored = await putCallback(c, callback.url, callback.bearerToken);
  if (restored.status >= 300) {
    throw new HarnessError(
      'ASSURE_SIMULATOR_CONTROL',
      `could not restore the target's callback URL (HTTP ${restored.status})`,
    );
  }
  return { accepted: true, status: trial.status };
}

async function putCallback(c: CheckContext, url: string, bearerToken: string) {
  const controlUrl = c.target.simulator?.controlUrl ?? '';
  try {
    const reply = await request(`${controlUrl}/notify/callback`, {
      ...trusting(c.target.trustedCa),
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url, bearerToken }),
    });
    return { status: reply.statusCode, body: c.redactor.text(await reply.body.text()) };
  } catch (error) {
    throw new HarnessError('ASSURE_SIMULATOR_CONTROL', 'cannot reach the simulator control API', {
      cause: error,
    });
  }
}
