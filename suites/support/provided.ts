import { inject } from 'vitest';
import type { ResolvedTarget } from '../../core/target.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    targets: ResolvedTarget[];
    runId: string;
  }
}

/** The targets the CLI resolved for this run, handed to every worker. */
export function providedTargets(): ResolvedTarget[] {
  return inject('targets') ?? [];
}

export function providedRunId(): string {
  return inject('runId') ?? 'local';
}
