import type { SimulatorStore } from './store.ts';

/** The shortest real wait before a pass: under load, one pass and one commit carry many items. */
const QUANTUM_MS = 5;

/** A kind of pending work the scheduler runs when it falls due. */
export interface DueWork {
  /** When the earliest item falls due (real epoch ms); undefined when nothing can run now. */
  nextDueAt(): number | undefined;
  /**
   * Runs up to `limit` items due by `now`, inside the scheduler's transaction, and says how
   * many it took.
   */
  runDue(now: number, limit: number): number;
}

/**
 * Runs due work in due order with a single timer, armed for the earliest item of any source.
 * The work itself lives in the store, so a restart resumes it; each pass commits once.
 */
export class Scheduler {
  readonly #store: SimulatorStore;
  readonly #sources: DueWork[] = [];
  readonly #batchSize: number;
  #timer: NodeJS.Timeout | undefined;
  #armedFor = Number.POSITIVE_INFINITY;
  #stopped = false;

  constructor(store: SimulatorStore, batchSize = 500) {
    this.#store = store;
    this.#batchSize = batchSize;
  }

  add(source: DueWork): this {
    this.#sources.push(source);
    return this;
  }

  start(): void {
    this.#arm();
  }

  /** Tells the scheduler that something now falls due at `dueAt` (real epoch ms). */
  wake(dueAt: number): void {
    if (!this.#stopped) this.#armAt(dueAt);
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  #arm(): void {
    const due = this.#sources.map((s) => s.nextDueAt()).filter((d) => d !== undefined);
    if (due.length > 0) this.wake(Math.min(...due));
  }

  /** Arms the timer for `dueAt`, unless it already fires sooner. */
  #armAt(dueAt: number): void {
    // setTimeout cannot wait longer than about 24.8 days; waking early is harmless.
    const now = Date.now();
    const fireAt = Math.min(Math.max(dueAt, now + QUANTUM_MS), now + 2 ** 31 - 1);
    if (fireAt >= this.#armedFor) return;

    clearTimeout(this.#timer);
    this.#armedFor = fireAt;
    this.#timer = setTimeout(() => this.#tick(), fireAt - now);
    this.#timer.unref();
  }

  #tick(): void {
    this.#timer = undefined;
    this.#armedFor = Number.POSITIVE_INFINITY;
    if (this.#stopped) return;

    const now = Date.now();
    // Every source gets its turn in each pass, so a backlog of one cannot starve another.
    const ran = this.#store.transaction(() =>
      this.#sources.map((source) => source.runDue(now, this.#batchSize)),
    );
    const full = ran.some((count) => count === this.#batchSize);

    // A full batch means more may be due: go round again once pending I/O has had its turn.
    if (full) this.#armAt(Date.now());
    else this.#arm();
  }
}
