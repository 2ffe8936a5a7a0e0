import type { ResolvedTarget } from '../core/target.ts';

/**
 * Outcome numbers for a dialect whose supplier publishes none that work with live
 * credentials: numbers in the drama range, whose simulated networks fail `…002` permanently
 * and `…003` temporarily. No number is accepted and then dropped (no smoke-test numbers).
 */
export const DRAMA_OUTCOME_NUMBERS: ResolvedTarget['numbers'] = {
  delivered: ['+447700900001', '+447700900123'],
  temporaryFailure: ['+447700900003'],
  permanentFailure: ['+447700900002'],
  technicalFailure: [],
  smoke: [],
};

/** The sender each send names: `options.from`, else the sender the target expects to see. */
export function configuredFrom(target: ResolvedTarget): string {
  return target.options['from'] ?? target.sender.expected ?? '';
}
