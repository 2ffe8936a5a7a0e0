import type { Bar } from './charts/bar-chart.ts';
import { niceStep } from './charts/scale.ts';

/** Latencies binned by a round width: about √n bins, between 1 and 12. */
export function latencyHistogram(latencies: readonly number[]): Bar[] {
  if (latencies.length === 0) return [];

  const max = Math.max(...latencies);
  const wanted = Math.min(12, Math.max(1, Math.round(Math.sqrt(latencies.length))));
  const width = niceStep(Math.max(1, max) / wanted);
  const counts = new Array<number>(Math.floor(max / width) + 1).fill(0);
  for (const latency of latencies) counts[Math.floor(latency / width)]! += 1;

  return counts.map((value, i) => ({ from: i * width, to: (i + 1) * width, value }));
}
