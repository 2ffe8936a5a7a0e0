import type { SimulatorStore } from '../../aggregator/store.ts';

const META_KEY = 'vonage.balance';

/** What a fresh simulated account holds, in euros: enough for a few thousand parts. */
export const OPENING_BALANCE = 100;

/** The account's credit, kept in the store; each accepted part is paid from it. */
export class VonageBalance {
  readonly #store: SimulatorStore;

  constructor(store: SimulatorStore) {
    this.#store = store;
    if (store.readMeta(META_KEY) === undefined) this.set(OPENING_BALANCE);
  }

  get(): number {
    return Number(this.#store.readMeta(META_KEY) ?? OPENING_BALANCE);
  }

  set(euros: number): void {
    this.#store.writeMeta(META_KEY, String(euros));
  }
}
