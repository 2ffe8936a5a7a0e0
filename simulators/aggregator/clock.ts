/**
 * The simulator's sense of time. Simulated durations (queueing, receipt delays, retry intervals)
 * run `timeScale` times faster than real time; every timestamp it shows is the real wall clock,
 * so a client's own clock and JWT checks keep working.
 */
export class SimClock {
  #lastMicros = 0;

  /** `timeScale` must be a positive finite number; the simulator's options check it. */
  constructor(readonly timeScale: number) {}

  /** How many real milliseconds a simulated duration takes. */
  realMs(simulatedMs: number): number {
    return simulatedMs / this.timeScale;
  }

  /** Real epoch milliseconds at which something `simulatedMs` from now falls due. */
  dueIn(simulatedMs: number): number {
    return Date.now() + this.realMs(simulatedMs);
  }

  /**
   * Real wall-clock time in epoch microseconds, never earlier than a time it gave before: a
   * step planned for "now" and seen as done stays done for every later reader.
   */
  nowMicros(): number {
    this.#lastMicros = Math.max(wallMicros(), this.#lastMicros);
    return this.#lastMicros;
  }

  /**
   * Like `nowMicros`, but strictly increasing within this process, so that two messages never
   * share a creation time and newest-first order is total.
   */
  uniqueMicros(): number {
    this.#lastMicros = Math.max(wallMicros(), this.#lastMicros + 1);
    return this.#lastMicros;
  }
}

/**
 * Date.now() gives the wall clock to the millisecond; the monotonic clock adds the rest. The two
 * are not aligned, so this alone can step back by up to a millisecond.
 */
function wallMicros(): number {
  return Date.now() * 1000 + Math.floor((performance.now() % 1) * 1000);
}
