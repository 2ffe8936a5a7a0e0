import type { TargetResult } from '../core/run-result.ts';

/** The supplier a target speaks to, by name; a result too old to name it, by its dialect. */
export function supplierOf(target: TargetResult): string {
  return target.supplier ?? `${target.dialect} dialect`;
}

/** Whether the run spoke to the simulator, in which profile, or to a real endpoint. */
export function endpointKind(target: TargetResult): string {
  return target.simulated ? `simulator, profile ${target.profile ?? 'default'}` : 'real endpoint';
}
