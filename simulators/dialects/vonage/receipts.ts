import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { vonageSignature } from '../../../providers/vonage/signature.ts';
import type { OutgoingCallback } from '../../aggregator/callback-dispatcher.ts';
import type { DialectHooks } from '../../aggregator/lifecycle.ts';
import { isFinal, type MessageView } from '../../aggregator/message.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import type { VonageAccount } from './account.ts';
import { networkCode, PART_PRICE, vonageOutcome, vonagePrice } from './statuses.ts';

/** How the account's webhooks are sent, as its dashboard's "API settings" choose. */
export const DLR_FORMATS = ['POST-JSON', 'POST'] as const;

const AccountCallbackSchema = z.object({
  url: z.string(),
  format: z.enum(DLR_FORMATS),
});

export type AccountCallback = z.infer<typeof AccountCallbackSchema>;

const AskedSchema = z.object({
  callback: z.string().optional(),
  clientRef: z.string().optional(),
});

/** What a send asked about its receipt: a URL of its own, and the `client-ref` to echo. */
export type ReceiptAsked = z.infer<typeof AskedSchema>;

const ACCOUNT_KEY = 'vonage.dlr-callback';
const ASKED_PREFIX = 'vonage.dlr.';

/**
 * Delivery receipts, posted to the send's own `callback` or else to the account's URL, in the
 * account's format, signed with `sig`, `timestamp` and `nonce` under the signature secret. The
 * signature is in the parameters, not a header, so the `unauthenticated-callbacks` profile
 * (`signs` false) leaves all three out.
 */
export class VonageReceipts implements DialectHooks {
  readonly #store: SimulatorStore;
  readonly #account: VonageAccount;
  readonly #signs: boolean;

  constructor(store: SimulatorStore, account: VonageAccount, signs: boolean) {
    this.#store = store;
    this.#account = account;
    this.#signs = signs;
  }

  /** Keeps what a send asked for; called before the message is accepted. */
  remember(messageId: string, asked: ReceiptAsked): void {
    this.#store.writeMeta(ASKED_PREFIX + messageId, JSON.stringify(asked));
  }

  accountCallback(): AccountCallback | undefined {
    const stored = this.#store.readMeta(ACCOUNT_KEY);
    return stored === undefined ? undefined : AccountCallbackSchema.parse(JSON.parse(stored));
  }

  setAccountCallback(callback: AccountCallback): void {
    this.#store.writeMeta(ACCOUNT_KEY, JSON.stringify(callback));
  }

  wantsCallbacks(_accountId: string, messageId: string): boolean {
    const asked = this.#asked(messageId);
    return asked !== undefined && (asked.callback ?? this.accountCallback()?.url) !== undefined;
  }

  /** Vonage's carriers send receipts from every country the simulated networks reach. */
  receiptsFrom(): boolean {
    return true;
  }

  receiptCallback(message: MessageView): OutgoingCallback | undefined {
    const asked = this.#asked(message.id);
    const account = this.accountCallback();
    const url = asked?.callback ?? account?.url;
    if (!asked || !url || !isFinal(message.status)) return undefined;

    const unsigned = receiptParams(message, this.#account.apiKey, asked.clientRef);
    const params = this.#signs ? this.#signed(unsigned) : unsigned;
    return (account?.format ?? 'POST-JSON') === 'POST'
      ? {
          url,
          body: new URLSearchParams(params).toString(),
          contentType: 'application/x-www-form-urlencoded',
          credentials: {},
        }
      : { url, body: JSON.stringify(params), credentials: {} };
  }

  wantsReceivedTextCallbacks(): boolean {
    return false;
  }

  receivedTextCallback(): undefined {
    return undefined;
  }

  #asked(messageId: string): ReceiptAsked | undefined {
    const stored = this.#store.readMeta(ASKED_PREFIX + messageId);
    return stored === undefined ? undefined : AskedSchema.parse(JSON.parse(stored));
  }

  /** Signed at the moment of sending, so a retry carries a fresh timestamp and nonce. */
  #signed(params: Record<string, string>): Record<string, string> {
    const { signatureSecret, signatureMethod } = this.#account;
    const stamped = {
      ...params,
      timestamp: String(Math.floor(Date.now() / 1000)),
      nonce: randomUUID(),
    };
    return { ...stamped, sig: vonageSignature(stamped, signatureSecret, signatureMethod) };
  }
}

/**
 * The receipt's fields (facts §3.3): `msisdn` is the handset and `to` the sender. A failed
 * receipt carries no `scts`, as Vonage's do not.
 */
function receiptParams(
  message: MessageView,
  apiKey: string,
  clientRef: string | undefined,
): Record<string, string> {
  const outcome = vonageOutcome(message.reportedStatus);
  const completedAt = message.completedAt ?? message.createdAt;
  return {
    msisdn: message.number.replace(/^\+/, ''),
    to: message.sender,
    'network-code': networkCode(message.country),
    messageId: message.id,
    price: vonagePrice(PART_PRICE * message.rateMultiplier),
    status: outcome.status,
    ...(outcome.status === 'delivered' ? { scts: scts(completedAt) } : {}),
    'err-code': outcome.errCode,
    'api-key': apiKey,
    ...(clientRef === undefined ? {} : { 'client-ref': clientRef }),
    'message-timestamp': isoOf(completedAt).slice(0, 19).replace('T', ' '),
  };
}

/** `YYMMDDhhmm`, the service centre's time stamp. */
function scts(epochMicros: number): string {
  return isoOf(epochMicros).slice(2, 16).replace(/[-T:]/g, '');
}

function isoOf(epochMicros: number): string {
  return new Date(Math.floor(epochMicros / 1000)).toISOString();
}
