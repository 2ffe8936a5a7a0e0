import { SimpleFaker } from '@faker-js/faker';
import { WELL_KNOWN_NUMBERS } from '../../numbering/index.ts';
import type { OutcomeRule } from './network-model.ts';
import type { ReceiptFaking } from './profiles.ts';
import type { SimulatorStore } from './store.ts';

/** The share of deliverable texts `fake-receipts-share` drops. */
export const FAKED_SHARE = 0.05;

/**
 * Decides, text by text, whether the route drops a text it will still report delivered. A route
 * that whitelists test numbers knows the published ones, the ones its network has rules for, and
 * every number it has carried a text to before, in this process or in the store.
 */
export class ReceiptFaker {
  readonly #mode: ReceiptFaking;
  readonly #store: SimulatorStore;
  readonly #random: () => number;
  readonly #known: Set<string>;

  constructor(mode: ReceiptFaking, store: SimulatorStore, options: FakerOptions = {}) {
    this.#mode = mode;
    this.#store = store;
    this.#random = seededRandom(options.seed);
    this.#known = new Set([
      ...WELL_KNOWN_NUMBERS,
      ...(options.rules ?? []).filter((r) => !r.prefix).map((r) => r.number),
    ]);
  }

  /** Whether the next deliverable text to `number` (E.164) is dropped; call once per text. */
  drops(number: string): boolean {
    switch (this.#mode) {
      case 'none':
        return false;
      case 'all':
        return true;
      case 'share':
        return this.#random() < FAKED_SHARE;
      case 'unless-known':
        return !this.#remember(number);
    }
  }

  /** Whether the number was known before this text; it is known from now on. */
  #remember(number: string): boolean {
    const known = this.#known.has(number) || this.#store.countHandsetMessages(number) > 0;
    this.#known.add(number);
    return known;
  }
}

export interface FakerOptions {
  /** Makes the per-text choice of `share` repeatable. @default a random one */
  readonly seed?: number | undefined;
  readonly rules?: readonly OutcomeRule[] | undefined;
}

function seededRandom(seed: number | undefined): () => number {
  if (seed === undefined) return Math.random;

  const faker = new SimpleFaker({ seed });
  return () => faker.number.float({ min: 0, max: 1 });
}
