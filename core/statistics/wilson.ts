/** z for a two-sided 95% interval: the 97.5th percentile of the standard normal. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The Wilson score interval for a proportion: `successes` of `trials`. Unlike the textbook
 * p ± z·√(p(1-p)/n) it stays inside [0, 1] and gives an honest upper bound when nothing was
 * seen, which is the usual case for fake receipts.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (!Number.isInteger(trials) || trials <= 0 || successes < 0 || successes > trials) {
    throw new RangeError(`a proportion needs 0 <= successes <= trials, trials > 0`);
  }

  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials ** 2));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
