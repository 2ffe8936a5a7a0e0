import { z } from 'zod';
import type { OutgoingCallback } from '../../aggregator/callback-dispatcher.ts';
import type { DialectHooks } from '../../aggregator/lifecycle.ts';
import { isFinal } from '../../aggregator/message.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { deliveryReceipt } from './serialise.ts';

/** The service's delivery-status callback, as Notify's "API integration" page sets it. */
export const CallbackSettingsSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  // Notify's own rule for the token's length.
  bearerToken: z.string().min(10),
});

export type CallbackSettings = z.infer<typeof CallbackSettingsSchema>;

const META_KEY = 'notify.callback';

/**
 * The simulated service's callback settings, kept in the store (they survive a restart) and
 * cached, since every accepted message asks for them.
 */
export class NotifyCallbacks implements DialectHooks {
  readonly #store: SimulatorStore;
  #settings: CallbackSettings | undefined;

  constructor(store: SimulatorStore) {
    this.#store = store;
    const stored = store.readMeta(META_KEY);
    this.#settings =
      stored === undefined ? undefined : CallbackSettingsSchema.parse(JSON.parse(stored));
  }

  set(settings: CallbackSettings): void {
    this.#store.writeMeta(META_KEY, JSON.stringify(settings));
    this.#settings = settings;
  }

  clear(): void {
    this.#store.deleteMeta(META_KEY);
    this.#settings = undefined;
  }

  wantsCallbacks(): boolean {
    return this.#settings !== undefined;
  }

  /** Every final status is posted, with the service's bearer token, while a callback is set. */
  receiptCallback(
    message: Parameters<DialectHooks['receiptCallback']>[0],
  ): OutgoingCallback | undefined {
    if (!this.#settings || !isFinal(message.status)) return undefined;
    return {
      url: this.#settings.url,
      body: JSON.stringify(deliveryReceipt(message)),
      credentials: { authorization: `Bearer ${this.#settings.bearerToken}` },
    };
  }
}
