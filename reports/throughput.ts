import type { CheckRecord } from '../core/check-record.ts';
import type { Bar } from './charts/bar-chart.ts';
import { niceStep } from './charts/scale.ts';

/** Bins of the throughput chart: fine enough to show bursts, few enough to read. */
const MAX_BINS = 30;

/**
 * Sends per second over the run: every exchange labelled `send`, binned by when it started,
 * from the first send on. Each bar's value is the sends in its bin divided by the bin's seconds.
 */
export function sendThroughput(checks: readonly CheckRecord[]): { bars: Bar[]; binMs: number } {
  const times = checks
    .flatMap((c) =>
      c.evidence.flatMap((e) =>
        e.kind === 'exchange' && e.label === 'send' ? [Date.parse(e.at)] : [],
      ),
    )
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b);
  if (times.length === 0) return { bars: [], binMs: 1000 };

  const origin = times[0]!;
  const span = times[times.length - 1]! - origin;
  const binMs = Math.max(1000, niceStep(span / MAX_BINS / 1000) * 1000);
  const counts = new Array<number>(Math.floor(span / binMs) + 1).fill(0);
  for (const time of times) counts[Math.floor((time - origin) / binMs)]! += 1;

  return {
    binMs,
    bars: counts.map((count, i) => ({
      from: i * binMs,
      to: (i + 1) * binMs,
      value: count / (binMs / 1000),
    })),
  };
}
