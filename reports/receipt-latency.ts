import type { CheckRecord } from '../core/check-record.ts';

/** Receipt latency percentiles, in milliseconds; `count` is how many receipts they rest on. */
export interface LatencyPercentiles {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** Every receipt latency the checks recorded, in milliseconds, in the order they were seen. */
export function receiptLatencies(checks: readonly CheckRecord[]): number[] {
  return checks.flatMap((check) =>
    check.evidence.flatMap((e) => (e.kind === 'receipt' ? [e.latencyMs] : [])),
  );
}

/** Nearest-rank percentiles: each is a latency that was actually observed. */
export function latencyPercentiles(latencies: readonly number[]): LatencyPercentiles | undefined {
  if (latencies.length === 0) return undefined;

  const sorted = [...latencies].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { count: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99) };
}
