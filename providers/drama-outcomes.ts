import type { ResolvedTarget } from '../core/target.ts';

/**
 * Outcome numbers for dialects whose suppliers have no test numbers of their own: UK drama-range
 * mobiles, which the simulator's networks deliver (`…001`, `…123`), fail permanently (`…002`)
 * and temporarily (`…003`). None is accepted and then dropped, so there are no smoke numbers.
 */
export const DRAMA_OUTCOME_NUMBERS: ResolvedTarget['numbers'] = {
  delivered: ['+447700900001', '+447700900123'],
  temporaryFailure: ['+447700900003'],
  permanentFailure: ['+447700900002'],
  technicalFailure: [],
  smoke: [],
};
