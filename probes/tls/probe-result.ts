import type { Severity } from '../../core/evidence.ts';
import type { ProbeFindingCode } from '../../core/finding-codes.ts';

/** Something the probe found wrong with the endpoint's TLS; every one breaks ENC-01. */
export interface ProbeFinding {
  readonly code: ProbeFindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

/**
 * What one part of the probe saw. `findings` fail ENC-01; `warnings` do not yet (a certificate
 * that expires within 30 days, say) but belong in the report; `notes` say what was observed.
 */
export interface ProbeResult {
  readonly findings: ProbeFinding[];
  readonly warnings: string[];
  readonly notes: string[];
}

export function emptyResult(): ProbeResult {
  return { findings: [], warnings: [], notes: [] };
}

/** Gathers the parts' results into one. */
export function merge(results: readonly ProbeResult[]): ProbeResult {
  return {
    findings: results.flatMap((r) => r.findings),
    warnings: results.flatMap((r) => r.warnings),
    notes: results.flatMap((r) => r.notes),
  };
}
