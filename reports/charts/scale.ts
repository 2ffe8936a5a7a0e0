/** Maps a value in `domain` onto `range` linearly; a zero-width domain maps to the range start. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/**
 * Round tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, so
 * axis labels read as people write numbers.
 */
export function niceTicks(max: number, wanted = 5): number[] {
  if (!(max > 0)) return [0, 1];

  const step = niceStep(max / wanted);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) ticks.push(round(value));
  return ticks;
}

/** The 1, 2 or 5 × 10ⁿ at or above `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;

  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 5, 10].find((f) => f * power >= raw - 1e-9) ?? 10;
  return round(factor * power);
}

/** Drops floating-point dust (0.30000000000000004) from computed tick values. */
function round(value: number): number {
  return Number(value.toPrecision(12));
}

/** A number for an axis label or a table cell: no more than two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}
