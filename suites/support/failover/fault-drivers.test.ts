import { expect, test } from 'vitest';
import { FaultPlanSchema } from '../../../simulators/aggregator/faults/plan.ts';
import { flappingWindows } from './fault-drivers.ts';

test('flapping refuses and pauses by turns for as long as the fault may be stretched', () => {
  const windows = flappingWindows(200, 2_400);

  expect(windows.map((w) => [w.startMs, w.endMs])).toEqual([
    [0, 200],
    [400, 600],
    [800, 1_000],
    [1_200, 1_400],
    [1_600, 1_800],
    [2_000, 2_200],
  ]);
  expect(FaultPlanSchema.safeParse({ outages: windows }).success).toBe(true);
});
