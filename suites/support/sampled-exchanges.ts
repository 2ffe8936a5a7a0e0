import type { Evidence, Exchange } from '../../core/evidence.ts';

/**
 * Keeps the first few HTTP exchanges of each kind and counts the rest: a check that sends sixty
 * texts and polls each many times would otherwise bury its report in identical exchanges.
 */
export class SampledExchanges {
  readonly #keep: number;
  readonly #record: (evidence: Evidence) => void;
  readonly #counts = new Map<string, number>();

  constructor(record: (evidence: Evidence) => void, keep = 3) {
    this.#record = record;
    this.#keep = keep;
  }

  readonly sink = (exchange: Exchange): void => {
    const count = (this.#counts.get(exchange.label) ?? 0) + 1;
    this.#counts.set(exchange.label, count);
    // Failed exchanges are always kept: they are what a reader looks for.
    const failed = exchange.error !== undefined || (exchange.response?.status ?? 0) >= 400;
    if (count <= this.#keep || failed) this.#record(exchange);
  };

  /** One sentence on what was left out, or nothing when everything was kept. */
  summary(): string | undefined {
    const dropped = [...this.#counts].filter(([, n]) => n > this.#keep);
    if (dropped.length === 0) return undefined;
    const parts = dropped.map(([label, n]) => `${label}: ${n}`);
    return `exchanges made (only the first ${this.#keep} of each kept): ${parts.join(', ')}`;
  }
}
