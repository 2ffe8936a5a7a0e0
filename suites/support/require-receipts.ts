import type { ProviderAdapter } from '../../providers/contract.ts';
import type { CheckContext } from './check.ts';

/**
 * Ends the check as skipped where the supplier gives the sender no receipts of the kind it
 * needs (SNS gives none at all): what it would judge stays not-evidenced, never passed or
 * failed, and the reason says why.
 */
export function requireReceipts(
  c: CheckContext,
  kind: 'callback' | 'any' = 'any',
  adapter: ProviderAdapter = c.adapter,
): void {
  const { receipts, receiptsNote } = adapter.capabilities;
  const has = kind === 'any' ? receipts.length > 0 : receipts.includes(kind);
  if (has) return;

  const why = receiptsNote ? `: ${receiptsNote}` : '';
  c.skip(`the supplier gives the sender no ${kind === 'any' ? '' : 'callback '}receipts${why}`);
}
