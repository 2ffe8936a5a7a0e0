import type { NormalisedStatus } from '../contract.ts';

/**
 * ErrorCodes that mean the number cannot be texted, however often one tries: unknown handset
 * (30005), landline or unreachable carrier (30006), blocked (30004), filtered as spam (30007),
 * and at the REST level an invalid or opted-out number (21211, 21610, 21614). Twilio does not
 * itself sort codes into temporary and permanent: this is the harness's classification (facts
 * §0), kept beside the original code in every piece of evidence.
 */
const PERMANENT_CODES = new Set([30004, 30005, 30006, 30007, 21211, 21610, 21614]);

const IN_FLIGHT: Readonly<Record<string, NormalisedStatus>> = {
  queued: 'accepted',
  accepted: 'accepted',
  scheduled: 'accepted',
  sending: 'sending',
  sent: 'sending',
  delivered: 'delivered',
  read: 'delivered',
};

/**
 * A Twilio status and its ErrorCode onto the normalised set. `undelivered` is a carrier's
 * receipt: permanent for the codes above, otherwise temporary (30003 unreachable handset, 30008
 * unknown error: another try may reach it). `failed` never reached a network: technical, unless
 * its code says the number itself is bad. `canceled` was never sent, as a technical failure is
 * not. Inbound statuses are not outcomes of a send: undefined.
 */
export function normaliseTwilioStatus(
  status: string,
  errorCode: number | null,
): NormalisedStatus | undefined {
  const permanent = errorCode !== null && PERMANENT_CODES.has(errorCode);
  if (status === 'undelivered') return permanent ? 'permanent-failure' : 'temporary-failure';
  if (status === 'failed') return permanent ? 'permanent-failure' : 'technical-failure';
  if (status === 'canceled') return 'technical-failure';
  return IN_FLIGHT[status];
}

/** The status as evidence keeps it: `undelivered (30003)`, or the bare status without a code. */
export function twilioProviderStatus(status: string, errorCode: number | null): string {
  return errorCode === null ? status : `${status} (${errorCode})`;
}
