/**
 * Health judged by delivery time, the way GOV.UK Notify demotes a text provider: of the recent
 * messages a supplier accepted, what share took longer than a threshold to be delivered (or
 * have still not been delivered past it). Errors are the circuit breaker's business; this
 * catches the supplier that answers promptly and then sits on the messages.
 */
export interface SlowDeliveryPolicy {
  /** A message is slow once this long has passed since it was accepted without delivery. */
  readonly thresholdMs: number;
  /** Above this share of slow messages among the recent ones, the supplier is demoted. */
  readonly maxSlowShare: number;
  /** How many recent messages count, and how few are too few to judge by. */
  readonly window: number;
  readonly minSamples: number;
}

interface Sample {
  readonly acceptedAt: number;
  deliveredAt: number | undefined;
  /** Ended without delivery (a failure status): slow by definition, never delivered. */
  failed: boolean;
  /** The target could not be asked at the last poll: nothing is known of it until it can. */
  unseen: boolean;
}

export class DeliveryHealth {
  readonly #policy: SlowDeliveryPolicy;
  readonly #samples = new Map<string, Sample>();

  constructor(policy: SlowDeliveryPolicy) {
    this.#policy = policy;
  }

  accepted(key: string, at: number): void {
    this.#samples.set(key, {
      acceptedAt: at,
      deliveredAt: undefined,
      failed: false,
      unseen: false,
    });
    while (this.#samples.size > this.#policy.window) {
      const oldest = this.#samples.keys().next().value;
      if (oldest === undefined) break;
      this.#samples.delete(oldest);
    }
  }

  delivered(key: string, at: number): void {
    const sample = this.#samples.get(key);
    if (sample) Object.assign(sample, { deliveredAt: at, unseen: false });
  }

  /** The status could be read again, and the message is still on its way. */
  seen(key: string): void {
    const sample = this.#samples.get(key);
    if (sample) sample.unseen = false;
  }

  /**
   * The target's status API did not answer: whether the message was delivered is unknown, so it
   * is judged neither fast nor slow (an outage is the breaker's business, not delivery's).
   */
  unseen(key: string): void {
    const sample = this.#samples.get(key);
    if (sample && sample.deliveredAt === undefined) sample.unseen = true;
  }

  failed(key: string): void {
    const sample = this.#samples.get(key);
    if (sample) sample.failed = true;
  }

  /** The share of judged messages that were slow; undefined while too few can be judged. */
  slowShare(now: number): number | undefined {
    const { thresholdMs, minSamples } = this.#policy;
    let judged = 0;
    let slow = 0;
    for (const s of this.#samples.values()) {
      const took = (s.deliveredAt ?? now) - s.acceptedAt;
      // A message still on its way before the threshold, or out of sight, cannot be judged yet.
      const pending = s.deliveredAt === undefined && !s.failed;
      if (pending && (s.unseen || took <= thresholdMs)) continue;
      judged++;
      if (s.failed || took > thresholdMs) slow++;
    }
    return judged < minSamples ? undefined : slow / judged;
  }

  isSlow(now: number): boolean {
    const share = this.slowShare(now);
    return share !== undefined && share > this.#policy.maxSlowShare;
  }

  /** Forgets the past, as Notify lets a demoted provider drift back to its resting priority. */
  reset(): void {
    this.#samples.clear();
  }
}
