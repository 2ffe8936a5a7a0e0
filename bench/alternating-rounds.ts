/**
 * Times two workloads in alternating rounds, one after the other, and gives each side's total
 * and the median of the per-pair ratios (baseline time over measured time). Load from elsewhere
 * that drifts during a run then weighs on both sides of a pair alike.
 */
export function alternatingRounds(
  rounds: number,
  measured: () => number,
  baseline: () => number,
): { measuredSeconds: number; baselineSeconds: number; medianRatio: number } {
  let measuredSeconds = 0;
  let baselineSeconds = 0;
  const ratios: number[] = [];

  for (let r = 0; r < rounds; r++) {
    const measuredRound = measured();
    const baselineRound = baseline();
    measuredSeconds += measuredRound;
    baselineSeconds += baselineRound;
    ratios.push(baselineRound / measuredRound);
  }

  const medianRatio = ratios.sort((a, b) => a - b)[Math.floor(rounds / 2)] ?? 0;
  return { measuredSeconds, baselineSeconds, medianRatio };
}
