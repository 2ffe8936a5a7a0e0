import type { ResponseErrorCode } from './finding-codes.ts';

/**
 * Errors the harness raises. Each has a stable `code`; `kind` tells a supplier's fault from the
 * harness's own, which decides between a `fail` and an `error` verdict.
 */
export type FaultKind = 'supplier' | 'harness' | 'network' | 'config';

export abstract class AssureError extends Error {
  abstract readonly code: string;
  abstract readonly kind: FaultKind;
}

/** The configuration cannot be used; the CLI exits with 3. */
export class ConfigError extends AssureError {
  override readonly name = 'ConfigError';
  readonly code = 'ASSURE_CONFIG_INVALID';
  readonly kind = 'config';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid configuration in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The target could not be reached or the connection broke: nothing is known of the supplier. */
export class TransportError extends AssureError {
  override readonly name = 'TransportError';
  readonly code = 'ASSURE_TRANSPORT';
  readonly kind = 'network';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The harness itself failed (receiver down, bug, bad suite). */
export class HarnessError extends AssureError {
  override readonly name = 'HarnessError';
  readonly kind = 'harness';

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The supplier answered, but not as its API promises (bad JSON, missing fields, wrong status).
 * The check fails with a finding; the evidence holds the exchange.
 */
export class ProviderResponseError extends AssureError {
  override readonly name = 'ProviderResponseError';
  readonly kind = 'supplier';

  constructor(
    readonly code: ResponseErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export function faultKindOf(error: unknown): FaultKind {
  if (error instanceof AssureError) return error.kind;
  return 'harness';
}

/** The supplier refused the configured credentials: expired, revoked or wrong. */
export class CredentialsError extends AssureError {
  override readonly name = 'CredentialsError';
  readonly code = 'ASSURE_CREDENTIALS_REJECTED';
  readonly kind = 'config';

  constructor(message: string) {
    super(message);
  }
}

/**
 * The target answered, but about its set-up rather than the supplier's behaviour: a template or
 * permission the account lacks, a base URL that leads somewhere else. Nothing is judged.
 */
export class TargetSetupError extends AssureError {
  override readonly name = 'TargetSetupError';
  readonly code = 'ASSURE_TARGET_SETUP';
  readonly kind = 'config';

  constructor(message: string) {
    super(message);
  }
}
