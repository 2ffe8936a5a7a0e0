import type { SimulatorStore } from './store.ts';

interface Pending {
  readonly work: () => void;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: writes requested during one turn of the event loop share one transaction, and
 * each caller hears back once its write is committed. A reply can then wait for durability
 * without paying a commit per request.
 */
export class GroupCommit {
  readonly #store: SimulatorStore;
  #pending: Pending[] = [];
  #scheduled: NodeJS.Immediate | undefined;

  constructor(store: SimulatorStore) {
    this.#store = store;
  }

  write(work: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ work, resolve, reject });
      this.#scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits everything waiting now; the simulator calls it before closing the store. */
  flush(): void {
    clearImmediate(this.#scheduled);
    this.#scheduled = undefined;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;

    try {
      this.#store.transaction(() => batch.forEach((p) => p.work()));
      batch.forEach((p) => p.resolve());
    } catch {
      // One bad write must not sink its neighbours: retry each alone to find it.
      for (const p of batch) this.#commitAlone(p);
    }
  }

  #commitAlone(pending: Pending): void {
    try {
      this.#store.transaction(pending.work);
      pending.resolve();
    } catch (error) {
      pending.reject(error);
    }
  }
}
