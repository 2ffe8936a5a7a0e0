import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { addressKey } from '../../aggregator/e164.ts';
import type { InboundDirectory, InboundNumber } from '../../aggregator/reply.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import type { NotifyService } from './service.ts';

const SENDER_KINDS = ['alphanumeric', 'uk-mobile', 'shortcode'] as const;

export type SenderKind = (typeof SENDER_KINDS)[number];

const SmsSenderSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(SENDER_KINDS),
  isDefault: z.boolean(),
  inbound: z.boolean(),
});

/** One of the service's SMS senders, as Notify's "Text message senders" page lists them. */
export type SmsSender = z.infer<typeof SmsSenderSchema>;

/** The number Notify allocated the service for replies: drama range, so no phone answers it. */
const INBOUND_NUMBER = '07700900500';

/** Shaped like a UK shortcode; on the simulated networks it reaches no one. */
const SHORTCODE = '60000';

const META_KEY = 'notify.senders';

/**
 * The simulated service's senders, kept in the store. A new service gets three: `ASSURE` (the
 * default), an inbound UK mobile that takes replies, and a shortcode. Only inbound numbers
 * receive texts: Notify receives only on numbers it allocated (facts §1.8).
 */
export class NotifySenders implements InboundDirectory {
  readonly #store: SimulatorStore;
  readonly #serviceId: string;
  #senders: SmsSender[];

  constructor(store: SimulatorStore, service: NotifyService) {
    this.#store = store;
    this.#serviceId = service.serviceId;

    const stored = store.readMeta(META_KEY);
    this.#senders =
      stored === undefined
        ? firstSenders(service)
        : z.array(SmsSenderSchema).parse(JSON.parse(stored));
    this.#save();
  }

  list(): readonly SmsSender[] {
    return this.#senders;
  }

  find(id: string): SmsSender | undefined {
    return this.#senders.find((sender) => sender.id === id);
  }

  default(): SmsSender {
    return this.#senders.find((sender) => sender.isDefault) ?? (this.#senders[0] as SmsSender);
  }

  add(text: string, kind: SenderKind): SmsSender {
    const sender = { id: randomUUID(), text, kind, isDefault: false, inbound: false };
    this.#senders = [...this.#senders, sender];
    this.#save();
    return sender;
  }

  /** The service behind `address`, however the number is written, if it receives texts there. */
  findInbound(address: string): InboundNumber | undefined {
    const key = addressKey(address);
    const sender = this.#senders.find((s) => s.inbound && addressKey(s.text) === key);
    if (!sender) return undefined;
    return { dialect: 'notify', accountId: this.#serviceId, number: sender.text };
  }

  #save(): void {
    this.#store.writeMeta(META_KEY, JSON.stringify(this.#senders));
  }
}

function firstSenders(service: NotifyService): SmsSender[] {
  return [
    {
      id: service.senderId,
      text: service.senderText,
      kind: 'alphanumeric',
      isDefault: true,
      inbound: false,
    },
    { id: randomUUID(), text: INBOUND_NUMBER, kind: 'uk-mobile', isDefault: false, inbound: true },
    { id: randomUUID(), text: SHORTCODE, kind: 'shortcode', isDefault: false, inbound: false },
  ];
}
