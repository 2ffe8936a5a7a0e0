import { describe, expect, test } from 'vitest';
import { detectionProbability, sampleSizeToDetect } from './detection.ts';
import { wilsonInterval } from './wilson.ts';

describe('the Wilson score interval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table II,
  // method 3 (score interval without continuity correction), to four places.
  test.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i is %f to %f', (successes, trials, lower, upper) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  test('nothing seen in 59 still allows up to about 6.1%', () => {
    // z^2 / (n + z^2) when no success is seen.
    expect(wilsonInterval(0, 59).upper).toBeCloseTo(3.8415 / 62.8415, 4);
  });

  test('refuses an impossible proportion', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });
});

describe('the sample a run needs', () => {
  test.each([
    [0.05, 0.95, 59],
    [0.01, 0.95, 299],
    [0.05, 0.99, 90],
    [0.5, 0.75, 2],
  ])('to catch a %f share with %f confidence: %i texts', (share, confidence, n) => {
    expect(sampleSizeToDetect(share, confidence)).toBe(n);
    expect(detectionProbability(share, n)).toBeGreaterThanOrEqual(confidence);
    expect(detectionProbability(share, n - 1)).toBeLessThan(confidence);
  });

  test('59 texts miss a 5% faker 4.85% of the time', () => {
    expect(1 - detectionProbability(0.05, 59)).toBeCloseTo(0.0485, 4);
  });
});
