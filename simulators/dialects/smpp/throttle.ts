/**
 * A token bucket per session: `perSecond` submits a second on average, bursts up to the same
 * number. A submit finding the bucket empty is answered ESME_RTHROTTLED, as an SMSC does when
 * a client goes over its contracted rate.
 */
export class Throttle {
  #tokens: number;
  #refilledAt = performance.now();

  constructor(private readonly perSecond: number) {
    this.#tokens = perSecond;
  }

  /** Takes a token if one is left; false means the submit is over the rate. */
  take(): boolean {
    const now = performance.now();
    const earned = ((now - this.#refilledAt) / 1000) * this.perSecond;
    this.#tokens = Math.min(this.perSecond, this.#tokens + earned);
    this.#refilledAt = now;

    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
