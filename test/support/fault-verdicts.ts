/** A profile, a requirement, and the verdict the run must give it there. */
export type ExpectedVerdict = readonly [profile: string, requirement: string, verdict: string];

/** Failure kinds swapped in the receipts: each swap fails its own kind and leaves the other. */
export const FAILURE_KIND_VERDICTS: readonly ExpectedVerdict[] = [
  ['temporary-as-permanent', 'RCPT-02', 'fail'],
  ['temporary-as-permanent', 'ERR-02', 'fail'],
  ['temporary-as-permanent', 'ERR-01', 'pass'],
  ['temporary-as-permanent', 'RCPT-01', 'pass'],
  ['permanent-as-temporary', 'RCPT-02', 'fail'],
  ['permanent-as-temporary', 'ERR-01', 'fail'],
  ['permanent-as-temporary', 'ERR-02', 'pass'],
];

/**
 * What the receipt and sender faults do on any dialect that sends receipts by HTTP callback:
 * each fails what it breaks and leaves its neighbours passing. A dialect's matrix adds the rows
 * its wire allows.
 */
export const RECEIPT_FAULT_VERDICTS: readonly ExpectedVerdict[] = [
  ['no-receipts', 'RCPT-01', 'fail'],
  ['no-receipts', 'TEST-01', 'fail'],
  ...FAILURE_KIND_VERDICTS,
  ['unauthenticated-callbacks', 'RCPT-03', 'fail'],
  ['unauthenticated-callbacks', 'RCPT-01', 'pass'],
  ['sender-truncated', 'SID-04', 'fail'],
  ['sender-truncated', 'SID-01', 'pass'],
];
