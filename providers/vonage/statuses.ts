import type { NormalisedStatus } from '../contract.ts';

/**
 * Vonage's delivery-receipt `err-code`s whose failure will not go away by waiting: the number is
 * wrong, barred or blocked, or the message itself cannot be carried. Every other code on a
 * `failed` receipt (absent subscriber, handset busy, network error, no credit on a prepaid
 * handset, unknown) may clear later, so a service should retry or use another channel.
 * The split is ours: Vonage documents the codes, not the kind.
 */
const PERMANENT_ERR_CODES: ReadonlySet<string> = new Set([
  '3', // absent subscriber, permanent
  '4', // call barred by user
  '6', // anti-spam rejection
  '9', // illegal number
  '10', // invalid message
  '11', // unroutable
  '13', // subscriber age restriction
  '14', // number blocked by carrier
]);

/** The normalised status of one delivery receipt; `undefined` for a status Vonage never sends. */
export function normaliseVonageReceipt(
  status: string,
  errCode: string | undefined,
): NormalisedStatus | undefined {
  switch (status) {
    case 'accepted':
    case 'buffered':
      return 'sending';
    case 'delivered':
      return 'delivered';
    case 'expired':
      return 'temporary-failure';
    case 'rejected':
      return 'permanent-failure';
    case 'failed':
      return errCode !== undefined && PERMANENT_ERR_CODES.has(errCode)
        ? 'permanent-failure'
        : 'temporary-failure';
    case 'unknown':
      // The supplier admits it cannot tell what happened: a fault on its side, not the handset's.
      return 'technical-failure';
    default:
      return undefined;
  }
}

/** How the harness reads a non-zero `status` in the SMS API's own send response. */
export type SubmitRefusal = 'throttled' | 'credentials' | 'account' | 'request' | 'server';

const SUBMIT_REFUSALS: Readonly<Record<string, SubmitRefusal>> = {
  '1': 'throttled',
  '2': 'request',
  '3': 'request',
  '4': 'credentials',
  '5': 'server',
  '6': 'request',
  '7': 'request',
  '8': 'account',
  '9': 'account',
  '10': 'account',
  '11': 'account',
  '12': 'request',
  '14': 'credentials',
  '15': 'request',
  '22': 'request',
  '23': 'request',
  '29': 'account',
  '32': 'credentials',
  '33': 'request',
};

export function submitRefusalOf(status: string): SubmitRefusal {
  return SUBMIT_REFUSALS[status] ?? 'server';
}
