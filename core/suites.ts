/** The assurance suites the CLI can run, in the order a run takes them. */
export const SUITES = [
  'send',
  'receipts',
  'delivery-errors',
  'smoke',
  'sender-id',
  'replies',
  'overseas',
  'content',
  'at-rest',
  'truth',
  'transport',
  'failover',
] as const;

export type SuiteName = (typeof SUITES)[number];

export function suiteFile(name: SuiteName): string {
  return `suites/${name}.suite.ts`;
}
