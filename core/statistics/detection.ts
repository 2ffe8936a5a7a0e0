/**
 * How many texts a run must send to see at least one fake receipt, with the given confidence,
 * from a route that fakes `share` of them independently: the least n with 1 - (1 - share)^n at
 * or above `confidence`. For 5% at 95% that is 59.
 */
export function sampleSizeToDetect(share: number, confidence: number): number {
  if (!(share > 0 && share < 1) || !(confidence > 0 && confidence < 1)) {
    throw new RangeError('share and confidence must lie strictly between 0 and 1');
  }
  // A hair below the exact quotient keeps 58.000000001 from becoming 59 by rounding noise.
  return Math.ceil(Math.log(1 - confidence) / Math.log(1 - share) - 1e-9);
}

/** The chance that `n` texts show at least one fake from a route faking `share` of them. */
export function detectionProbability(share: number, n: number): number {
  return 1 - (1 - share) ** n;
}
