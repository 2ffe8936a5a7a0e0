import { faultKindOf } from '../../../core/errors.ts';
import type { Exchange } from '../../../core/evidence.ts';
import { createAdapter } from '../../../providers/registry.ts';
import type { CheckContext } from '../check.ts';
import { providedRunId } from '../provided.ts';
import { first } from '../send-tracked.ts';
import { simulatorFaults as setFaults } from './sim-faults.ts';

/** Requests the simulator lets through before it throttles, and how many the check sends. */
const LIMIT = 2;
const SENDS = 4;

/**
 * AGG-01, the part a test can reach: when the supplier throttles, it says so clearly, with 429
 * and a Retry-After that tells the client when to come back. The simulator is made to throttle
 * (the `throttle` fault on the suite's own copy of the target); a real supplier is not hammered
 * to find its limit, so there the check is skipped.
 */
export async function throttlingSignalled(c: CheckContext): Promise<void> {
  const primary = c.target.failover?.primary;
  const simulator = primary?.simulator;
  if (!primary || !simulator) {
    return c.skip('a real supplier is not pushed past its rate limit; see its AGG-01 attestation');
  }
  const sends: Exchange[] = [];
  const adapter = createAdapter(primary, {
    redactor: c.redactor,
    sink: (e) => {
      c.evidence(e);
      if (e.kind === 'exchange' && e.label === 'send') sends.push(e);
    },
  });
  const to = first(c.target.numbers.delivered, 'delivered');

  await setFaults(
    simulator.controlUrl,
    { throttle: { limit: LIMIT, windowMs: 60_000, retryAfterSeconds: 30 } },
    primary.trustedCa,
  );
  try {
    for (let i = 0; i < SENDS; i++) {
      const reference = `assure-${providedRunId()}-throttle-${i}`;
      await adapter.send({ to, body: `sms-assure throttling ${i}`, reference }).catch((error) => {
        if (faultKindOf(error) !== 'supplier') throw error;
      });
    }
  } finally {
    await setFaults(simulator.controlUrl, undefined, primary.trustedCa);
  }

  const refused = sends.filter(
    (e) => e.response && (e.response.status < 200 || e.response.status >= 300),
  );
  if (refused.length === 0) return c.unjudged('AGG-01', 'the supplier did not throttle at all');
  for (const exchange of refused) {
    const status = exchange.response?.status;
    const retryAfter = exchange.response?.headers['retry-after'];
    if (status !== 429 || !validRetryAfter(retryAfter)) {
      const told = retryAfter ? ` with Retry-After ${retryAfter}` : ', no Retry-After';
      c.finding({
        code: 'throttling_not_signalled',
        requirement: 'AGG-01',
        message: 'a throttled request was not answered 429 with a Retry-After saying when to retry',
        expected: '429 with Retry-After',
        actual: `${status ?? 'no answer'}${told}`,
      });
    }
  }
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function validRetryAfter(value: string | undefined): boolean {
  if (value === undefined) return false;
  return /^\d+$/.test(value.trim()) || !Number.isNaN(Date.parse(value));
}
