import type { NormalisedStatus } from '../contract.ts';

/**
 * Notify's text message statuses onto the normalised set. `sent` (an international number with
 * no receipts) counts as delivered, as Notify itself counts it; `pending` is still in flight.
 */
const STATUS_MAP: Readonly<Record<string, NormalisedStatus>> = {
  created: 'accepted',
  sending: 'sending',
  pending: 'sending',
  sent: 'delivered',
  delivered: 'delivered',
  'temporary-failure': 'temporary-failure',
  'permanent-failure': 'permanent-failure',
  'technical-failure': 'technical-failure',
};

export function normaliseNotifyStatus(status: string): NormalisedStatus | undefined {
  return STATUS_MAP[status];
}
