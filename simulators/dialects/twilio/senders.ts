import { z } from 'zod';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { sid } from './account.ts';

const SenderSchema = z.object({
  sid: z.string(),
  text: z.string(),
  kind: z.enum(['alphanumeric', 'phone-number']),
  isDefault: z.boolean(),
});

/** A sender the account has set up: a number it owns, or an alphanumeric sender ID. */
export type TwilioSender = z.infer<typeof SenderSchema>;

/** Twilio's rule for alphanumeric sender IDs: 1 to 11 letters, digits or spaces, one a letter. */
const ALPHANUMERIC = /^[A-Za-z0-9 ]{1,11}$/;

/** Most alphanumeric sender IDs Twilio lets a message carry. */
export const MAX_ALPHANUMERIC = 11;

const META_KEY = 'twilio.senders';

/** The account's senders, kept in the store: `ASSURE` (default) and one owned drama number. */
export class TwilioSenders {
  readonly #store: SimulatorStore;
  #senders: TwilioSender[];

  constructor(store: SimulatorStore) {
    this.#store = store;
    const stored = store.readMeta(META_KEY);
    this.#senders =
      stored === undefined
        ? [
            { sid: sid('AI'), text: 'ASSURE', kind: 'alphanumeric', isDefault: true },
            { sid: sid('PN'), text: '+447700900600', kind: 'phone-number', isDefault: false },
          ]
        : z.array(SenderSchema).parse(JSON.parse(stored));
    this.#save();
  }

  list(): readonly TwilioSender[] {
    return this.#senders;
  }

  owns(number: string): boolean {
    return this.#senders.some((s) => s.kind === 'phone-number' && s.text === number);
  }

  addAlphanumeric(text: string): TwilioSender {
    const sender = { sid: sid('AI'), text, kind: 'alphanumeric' as const, isDefault: false };
    this.#senders = [...this.#senders, sender];
    this.#save();
    return sender;
  }

  #save(): void {
    this.#store.writeMeta(META_KEY, JSON.stringify(this.#senders));
  }
}

export function isAlphanumericSender(text: string): boolean {
  return ALPHANUMERIC.test(text) && /[A-Za-z]/.test(text);
}
