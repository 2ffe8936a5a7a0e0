import { z } from 'zod';
import { addressKey } from '../../aggregator/e164.ts';
import type { InboundNumber } from '../../aggregator/reply.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import type { TwilioSender, TwilioSenders } from './senders.ts';

/** Where Twilio sends the texts a number receives: its `SmsUrl`, called with `SmsMethod`. */
export const SmsWebhookSchema = z.object({
  smsUrl: z.string(),
  smsMethod: z.enum(['GET', 'POST']),
});

export type SmsWebhook = z.infer<typeof SmsWebhookSchema>;

const KEY_PREFIX = 'twilio.sms-webhook.';

/**
 * The numbers the account owns, as Twilio's IncomingPhoneNumbers resource sees them: each
 * receives texts whether or not it has an `SmsUrl` (Twilio still logs them as inbound Messages),
 * and posts them there when it has one. Kept in the store, so a restart keeps the webhook.
 */
export class TwilioPhoneNumbers {
  readonly #store: SimulatorStore;
  readonly #senders: TwilioSenders;
  readonly #accountSid: string;

  constructor(store: SimulatorStore, senders: TwilioSenders, accountSid: string) {
    this.#store = store;
    this.#senders = senders;
    this.#accountSid = accountSid;
  }

  list(): readonly TwilioSender[] {
    return this.#senders.list().filter((s) => s.kind === 'phone-number');
  }

  find(sid: string): TwilioSender | undefined {
    return this.list().find((n) => n.sid === sid);
  }

  /** The owned number behind `address`, however it is written, as a service receiving texts. */
  findInbound(address: string): InboundNumber | undefined {
    const key = addressKey(address);
    const owned = this.list().find((n) => addressKey(n.text) === key);
    if (!owned) return undefined;
    return { dialect: 'twilio', accountId: this.#accountSid, number: owned.text };
  }

  webhookOf(sid: string): SmsWebhook | undefined {
    const stored = this.#store.readMeta(KEY_PREFIX + sid);
    return stored === undefined ? undefined : SmsWebhookSchema.parse(JSON.parse(stored));
  }

  /** The webhook of the owned number `number` (E.164), if it has one. */
  webhookFor(number: string): SmsWebhook | undefined {
    const owned = this.list().find((n) => n.text === number);
    return owned && this.webhookOf(owned.sid);
  }

  anyWebhook(): boolean {
    return this.list().some((n) => this.webhookOf(n.sid) !== undefined);
  }

  setWebhook(sid: string, webhook: SmsWebhook | undefined): void {
    if (webhook === undefined) this.#store.deleteMeta(KEY_PREFIX + sid);
    else this.#store.writeMeta(KEY_PREFIX + sid, JSON.stringify(webhook));
  }
}
