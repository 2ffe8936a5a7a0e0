/**
 * A target as the suites see it: a configured adapter, fully resolved, with nothing left to
 * look up. It crosses into vitest workers, so it holds plain data only.
 */
export interface TestNumbers {
  readonly delivered: readonly string[];
  readonly temporaryFailure: readonly string[];
  readonly permanentFailure: readonly string[];
  /** Numbers the supplier accepts but never sends to or stores (Notify's smoke-test numbers). */
  readonly smoke: readonly string[];
}

export interface ResolvedTarget {
  readonly name: string;
  readonly dialect: string;
  readonly baseUrl: string;
  readonly keyType: 'test' | 'team' | 'live';
  readonly credentials: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
  readonly numbers: TestNumbers;
  /** The only numbers a send may go to; the harness refuses anything else. */
  readonly allowList: readonly string[];
  readonly receiptDeadlineMs: number;
  readonly pollIntervalMs: number;
  readonly callback?: {
    readonly url: string;
    readonly inspectUrl: string;
    readonly inspectToken: string;
    readonly bearerToken: string;
  };
  readonly simulator?: {
    readonly controlUrl: string;
    readonly profile: string;
    readonly timeScale: number;
  };
}
