import { z } from 'zod';
import type { RunResult } from '../core/run-result.ts';
import { latencyPercentiles, receiptLatencies } from './receipt-latency.ts';
import { countVerdicts, requirementMatrix } from './requirement-matrix.ts';

const TargetTrendSchema = z.object({
  name: z.string(),
  profile: z.string().optional(),
  /** Checks passed over checks judged (pass, fail or error); null when none was judged. */
  passRate: z.number().min(0).max(1).nullable(),
  /** Requirements by verdict; keyed by name, so records from other versions still read. */
  verdicts: z.record(z.string(), z.number().int().nonnegative()),
  /** Receipt latency percentiles in milliseconds; null when no receipt arrived. */
  latency: z
    .object({
      count: z.number().int().positive(),
      p50: z.number(),
      p95: z.number(),
      p99: z.number(),
    })
    .nullable(),
});

/** One line of `history.jsonl`: what a run measured, per target, for trends across runs. */
export const HistoryRecordSchema = z.object({
  runId: z.string(),
  startedAt: z.string(),
  exitCode: z.number().int(),
  mergedFrom: z.array(z.string()).optional(),
  targets: z.array(TargetTrendSchema),
});

export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;
export type TargetTrend = z.infer<typeof TargetTrendSchema>;

const JUDGED = new Set(['pass', 'fail', 'error']);

export function historyRecordOf(run: RunResult): HistoryRecord {
  return {
    runId: run.runId,
    startedAt: run.startedAt,
    exitCode: run.exitCode,
    ...(run.mergedFrom && { mergedFrom: run.mergedFrom }),
    targets: run.targets.map((target) => {
      const checks = run.checks.filter((c) => c.target === target.name);
      const judged = checks.filter((c) => JUDGED.has(c.outcome));
      const passed = judged.filter((c) => c.outcome === 'pass').length;
      const latency = latencyPercentiles(receiptLatencies(checks));

      return {
        name: target.name,
        ...(target.profile !== undefined && { profile: target.profile }),
        passRate: judged.length > 0 ? passed / judged.length : null,
        verdicts: countVerdicts(requirementMatrix(target).map((row) => row.verdict)),
        latency: latency ?? null,
      };
    }),
  };
}
