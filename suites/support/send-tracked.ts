import { randomBytes } from 'node:crypto';
import { HarnessError } from '../../core/errors.ts';
import type { ProviderAdapter, SentMessage } from '../../providers/contract.ts';
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
export async function sendTracked(
  c: CheckContext,
  to: string,
  why: string,
  senderId?: string,
  adapter: ProviderAdapter = c.adapter,
) {
  const token = randomBytes(6).toString('hex');
  const reference = `assure-${providedRunId()}-${token}`;
  const body = `sms-assure ${why} ${token}`;
  const sentAt = Date.now();

  const sent = await adapter.send({ to, body, reference, ...(senderId ? { senderId } : {}) });
  return { ...sent, to, body, reference, sentAt } satisfies TrackedMessage;
}

export function first(numbers: readonly string[], what: string): string {
  const number = numbers[0];
  if (!number) {
    throw new HarnessError('ASSURE_NO_TEST_NUMBER', `the target names no ${what} number (numbers)`);
  }
  return number;
}
