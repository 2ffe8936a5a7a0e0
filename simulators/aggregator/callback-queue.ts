import { debuglog } from 'node:util';
import {
  nextStep,
  type CallbackDispatcher,
  type CallbackKind,
  type DeliveryResult,
  type OutgoingCallback,
} from './callback-dispatcher.ts';
import type { SimClock } from './clock.ts';
import type { DueWork } from './scheduler.ts';
import type { CallbackJob, SimulatorStore } from './store.ts';

const debug = debuglog('sms-assure:simulator');

/** Simulated time between callback attempts, and how many retries follow the first attempt. */
export const CALLBACK_RETRY_DELAY_MS = 5 * 60_000;
export const MAX_CALLBACK_RETRIES = 5;

export interface CallbackQueueOptions {
  readonly store: SimulatorStore;
  readonly clock: SimClock;
  readonly dispatcher: CallbackDispatcher;
  /** False under the `unauthenticated-callbacks` profile. */
  readonly authenticate: boolean;
  /**
   * The dialect's callback about a message or reply, as of `dueAt` (real epoch ms, when the
   * attempt fell due); undefined to send none after all.
   */
  readonly callbackFor: (
    kind: CallbackKind,
    subjectId: string,
    dueAt: number,
  ) => OutgoingCallback | undefined;
  /** Re-arms the scheduler when an attempt is queued or room frees up. */
  readonly wake: (dueAt: number) => void;
  /** Callbacks in flight at once. */
  readonly maxInFlight?: number;
}

/**
 * Callbacks to services (delivery status, received texts), all with Notify's retry policy: each
 * attempt is a job in the store, claimed, posted, then recorded with the retry (if any) in one
 * transaction. A claim left by a stopped process is released at the next start, so a callback
 * that was in flight is sent again: at least once, as Notify does.
 */
export class CallbackQueue implements DueWork {
  readonly #options: CallbackQueueOptions;
  readonly #maxInFlight: number;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #abort = new AbortController();

  constructor(options: CallbackQueueOptions) {
    this.#options = options;
    this.#maxInFlight = options.maxInFlight ?? 64;
    options.store.releaseClaims();
  }

  /** Queues an attempt due at `dueAt` (real epoch ms). */
  enqueue(kind: CallbackKind, subjectId: string, dueAt: number, attempt = 1): void {
    this.#options.store.insertCallbackJob({ dueAt, kind, subjectId, attempt });
    this.#options.wake(dueAt);
  }

  nextDueAt(): number | undefined {
    if (this.#inFlight.size >= this.#maxInFlight) return undefined;
    return this.#options.store.nextCallbackDueAt();
  }

  runDue(now: number, limit: number): number {
    const room = Math.min(limit, this.#maxInFlight - this.#inFlight.size);
    if (room <= 0) return 0;

    const jobs = this.#options.store.dueCallbackJobs(now, room);
    for (const job of jobs) this.#start(job);
    return jobs.length;
  }

  /** Aborts the attempts in flight; their jobs stay in the store for the next start. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await Promise.allSettled([...this.#inFlight]);
  }

  #start(job: CallbackJob): void {
    const { store, callbackFor } = this.#options;
    const callback = callbackFor(job.kind, job.subjectId, job.dueAt);

    // The callback was switched off since: nothing to send, as with Notify.
    if (!callback) {
      store.deleteCallbackJob(job.id);
      return;
    }

    store.claimCallbackJob(job.id);
    const work = this.#post(job, callback).finally(() => {
      this.#inFlight.delete(work);
      const next = this.nextDueAt();
      if (next !== undefined) this.#options.wake(next);
    });
    this.#inFlight.add(work);
  }

  async #post(job: CallbackJob, callback: OutgoingCallback): Promise<void> {
    const { dispatcher, authenticate } = this.#options;
    try {
      const result = await dispatcher.post(callback, authenticate, this.#abort.signal);
      if (!this.#abort.signal.aborted) this.#record(job, callback, result);
    } catch (error) {
      if (!this.#abort.signal.aborted) debug('callback job %d failed: %o', job.id, error);
    }
  }

  #record(job: CallbackJob, callback: OutgoingCallback, result: DeliveryResult): void {
    const { store, clock } = this.#options;
    store.transaction(() => {
      store.logCallbackAttempt({
        kind: job.kind,
        messageId: job.subjectId,
        url: callback.url,
        attempt: job.attempt,
        status: result.kind === 'answered' ? result.status : null,
        error: result.kind === 'failed' ? result.error : null,
        at: Date.now(),
      });
      store.deleteCallbackJob(job.id);

      if (nextStep(result) !== 'retry' || job.attempt > MAX_CALLBACK_RETRIES) return;
      const dueAt = clock.dueIn(CALLBACK_RETRY_DELAY_MS);
      this.enqueue(job.kind, job.subjectId, dueAt, job.attempt + 1);
    });
  }
}
