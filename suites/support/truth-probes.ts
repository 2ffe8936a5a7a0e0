import { randomBytes } from 'node:crypto';
import type { ProviderAdapter } from '../../providers/contract.ts';
import { providedRunId } from './provided.ts';

export interface ProbeTarget {
  readonly to: string;
  readonly group: 'sample' | 'follow-up';
}

export interface SentProbe extends ProbeTarget {
  readonly token: string;
  readonly body: string;
  readonly messageId: string;
  readonly sentAt: number;
}

/** Every tenth text has two parts, so that a route cutting texts short shows. */
const LONG_EVERY = 10;

/**
 * A probe's text. The token leads, in plain hex, so it survives every alteration the check
 * looks for; the rest carries what a careless route changes: `£` and `é` (GSM-7, but not ASCII)
 * and a link. Nothing in it is changed by Notify's own sanitising.
 */
export function probeBody(token: string, long: boolean): string {
  const base = `${token} sms-assure truth check: fee £0 at the café, see https://www.gov.uk/help`;
  if (!long) return base;
  return (
    `${base}. This text has a second part, so a text cut short at its first part shows. ` +
    'Nothing needs doing.'
  );
}

/**
 * Sends the probes one after another, in order: a route that fakes a share of texts then sees
 * the same sequence every time its own randomness is seeded, which keeps tests repeatable.
 */
export async function sendProbes(
  adapter: ProviderAdapter,
  targets: readonly ProbeTarget[],
): Promise<SentProbe[]> {
  const sent: SentProbe[] = [];
  for (const [index, target] of targets.entries()) {
    // 48 random bits: a route cannot guess a token, and two never meet in one run.
    const token = randomBytes(6).toString('hex');
    const body = probeBody(token, index % LONG_EVERY === 0);
    const sentAt = Date.now();
    const reference = `assure-${providedRunId()}-${token}`;
    const message = await adapter.send({ to: target.to, body, reference });
    sent.push({ ...target, token, body, messageId: message.id, sentAt });
  }
  return sent;
}
