import type { FinalStatus } from './message.ts';

/**
 * The fictional mobile networks behind the aggregator: which handsets answer and how long a
 * delivery receipt takes. Numbers are E.164; all defaults sit in the UK drama range.
 */
export interface OutcomeRule {
  /** A whole E.164 number, or a prefix of one when `prefix` is set. */
  readonly number: string;
  readonly prefix?: boolean;
  readonly outcome: FinalStatus;
}

export const DEFAULT_OUTCOME_RULES: readonly OutcomeRule[] = [
  { number: '+447700900002', outcome: 'permanent-failure' },
  { number: '+447700900003', outcome: 'temporary-failure' },
  { number: '+447700900004', outcome: 'technical-failure' },
];

/** Simulated delay between a message reaching `sending` and its receipt, by probability. */
const RECEIPT_DELAYS: readonly { readonly upTo: number; readonly delayMs: number }[] = [
  { upTo: 0.6, delayMs: 2_000 },
  { upTo: 0.9, delayMs: 4_000 },
  { upTo: 0.98, delayMs: 8_000 },
  { upTo: 1, delayMs: 20_000 },
];

/** Simulated time a message spends queued before it is handed to a network. */
export const QUEUE_DELAY_MS = 1_000;

export class NetworkModel {
  readonly #exact = new Map<string, FinalStatus>();
  readonly #prefixes: readonly OutcomeRule[];

  constructor(
    rules: readonly OutcomeRule[] = DEFAULT_OUTCOME_RULES,
    private readonly random: () => number = Math.random,
  ) {
    for (const rule of rules) if (!rule.prefix) this.#exact.set(rule.number, rule.outcome);

    // The longest prefix wins, so a specific range can carve an exception out of a wide one.
    this.#prefixes = rules
      .filter((rule) => rule.prefix)
      .sort((a, b) => b.number.length - a.number.length);
  }

  /** What the handset's network will eventually report for a real (non-test) message. */
  outcomeFor(number: string): FinalStatus {
    const exact = this.#exact.get(number);
    if (exact) return exact;

    const rule = this.#prefixes.find((r) => number.startsWith(r.number));
    return rule?.outcome ?? 'delivered';
  }

  /** Simulated milliseconds from `sending` to the final receipt. */
  receiptDelayMs(): number {
    const draw = this.random();
    const step = RECEIPT_DELAYS.find((d) => draw < d.upTo) ?? RECEIPT_DELAYS.at(-1);
    return step?.delayMs ?? 2_000;
  }
}
