import { randomBytes } from 'node:crypto';
import type { SentMessage } from '../../providers/contract.ts';
import type { CheckContext } from './check.ts';
import { providedRunId } from './provided.ts';

export interface TrackedMessage extends SentMessage {
  readonly to: string;
  readonly body: string;
  readonly reference: string;
  readonly sentAt: number;
}

/**
 * Sends a text whose reference and body carry a fresh token, so that every later sighting of it
 * (status, list, callback, handset) can be tied to this one send.
 */
export async function sendTracked(c: CheckContext, to: string, why: string) {
  const token = randomBytes(6).toString('hex');
  const reference = `assure-${providedRunId()}-${token}`;
  const body = `sms-assure ${why} ${token}`;
  const sentAt = Date.now();

  const sent = await c.adapter.send({ to, body, reference });
  return { ...sent, to, body, reference, sentAt } satisfies TrackedMessage;
}

export function first(numbers: readonly string[], what: string): string {
  const number = numbers[0];
  if (!number) throw new Error(`the target names no ${what} number`);
  return number;
}
