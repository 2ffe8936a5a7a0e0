import { z } from 'zod';
import type { OutgoingCallback } from '../../aggregator/callback-dispatcher.ts';
import type { DialectHooks } from '../../aggregator/lifecycle.ts';
import { isFinal, type MessageView } from '../../aggregator/message.ts';
import type { StoredReply } from '../../aggregator/reply.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { deliveryReceipt, receivedTextCallback } from './serialise.ts';

/** A service's callback, as Notify's "API integration" page sets it. */
export const CallbackSettingsSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  // Notify's own rule for the token's length.
  bearerToken: z.string().min(10),
});

export type CallbackSettings = z.infer<typeof CallbackSettingsSchema>;

/**
 * One callback setting, kept in the store (it survives a restart) and cached, since every
 * accepted message asks for it.
 */
export class CallbackSetting {
  readonly #store: SimulatorStore;
  readonly #key: string;
  #settings: CallbackSettings | undefined;

  constructor(store: SimulatorStore, key: string) {
    this.#store = store;
    this.#key = key;
    const stored = store.readMeta(key);
    this.#settings =
      stored === undefined ? undefined : CallbackSettingsSchema.parse(JSON.parse(stored));
  }

  get(): CallbackSettings | undefined {
    return this.#settings;
  }

  set(settings: CallbackSettings): void {
    this.#store.writeMeta(this.#key, JSON.stringify(settings));
    this.#settings = settings;
  }

  clear(): void {
    this.#store.deleteMeta(this.#key);
    this.#settings = undefined;
  }
}

/**
 * The simulated service's two callbacks: delivery receipts, and received texts. Both carry the
 * service's bearer token and follow the same retry policy.
 */
export class NotifyCallbacks implements DialectHooks {
  readonly delivery: CallbackSetting;
  readonly receivedTexts: CallbackSetting;

  constructor(store: SimulatorStore) {
    this.delivery = new CallbackSetting(store, 'notify.callback');
    this.receivedTexts = new CallbackSetting(store, 'notify.inbound-callback');
  }

  wantsCallbacks(): boolean {
    return this.delivery.get() !== undefined;
  }

  /** Every final status is posted while a callback is set. */
  receiptCallback(message: MessageView): OutgoingCallback | undefined {
    if (!isFinal(message.status)) return undefined;
    return outgoing(this.delivery.get(), deliveryReceipt(message));
  }

  wantsReceivedTextCallbacks(): boolean {
    return this.receivedTexts.get() !== undefined;
  }

  receivedTextCallback(reply: StoredReply): OutgoingCallback | undefined {
    return outgoing(this.receivedTexts.get(), receivedTextCallback(reply));
  }
}

function outgoing(settings: CallbackSettings | undefined, body: object) {
  if (!settings) return undefined;
  return {
    url: settings.url,
    body: JSON.stringify(body),
    credentials: { authorization: `Bearer ${settings.bearerToken}` },
  };
}
