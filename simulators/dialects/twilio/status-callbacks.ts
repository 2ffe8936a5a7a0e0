import { formParams, twilioSignature } from '../../../providers/twilio/signature.ts';
import type { OutgoingCallback } from '../../aggregator/callback-dispatcher.ts';
import type { DialectHooks } from '../../aggregator/lifecycle.ts';
import { isFinal, type MessageView, type NewMessage } from '../../aggregator/message.ts';
import type { StoredReply } from '../../aggregator/reply.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import type { TwilioAccount } from './account.ts';
import { inboundWebhook } from './inbound-webhook.ts';
import type { TwilioPhoneNumbers } from './phone-numbers.ts';
import { API_VERSION } from './serialise.ts';
import { finalState, type TwilioState } from './statuses.ts';

const KEY_PREFIX = 'twilio.status-callback.';

/**
 * Status callbacks, asked for per message with `StatusCallback`. The URL is kept in the store
 * beside the message, so a restart still calls back. Each request is a form, signed with
 * `X-Twilio-Signature` under the account's Auth Token; the `unauthenticated-callbacks` profile
 * drops the header, as the aggregator drops every dialect's credentials. Texts an owned number
 * receives go to its `SmsUrl` the same way (see `inboundWebhook`).
 */
export class TwilioCallbacks implements DialectHooks {
  readonly #store: SimulatorStore;
  readonly #account: TwilioAccount;
  readonly #numbers: TwilioPhoneNumbers;

  constructor(store: SimulatorStore, account: TwilioAccount, numbers: TwilioPhoneNumbers) {
    this.#store = store;
    this.#account = account;
    this.#numbers = numbers;
  }

  /** Keeps a message's StatusCallback; called before the message is accepted. */
  remember(messageId: string, url: string): void {
    this.#store.writeMeta(KEY_PREFIX + messageId, url);
  }

  wantsCallbacks(_accountId: string, messageId: string): boolean {
    return this.#store.readMeta(KEY_PREFIX + messageId) !== undefined;
  }

  /** Twilio's carriers report receipts from every country the simulated networks reach. */
  receiptsFrom(): boolean {
    return true;
  }

  /** Twilio posts `sending` as the text is handed over and `sent` once the carrier has it. */
  interimCallbacksAt(message: NewMessage): readonly number[] {
    const handingOver = message.createdAt + (message.sentAt - message.createdAt) / 2;
    return [handingOver / 1000, message.sentAt / 1000];
  }

  /** The status of the moment: a job due at handing over finds the text still `created`. */
  receiptCallback(message: MessageView): OutgoingCallback | undefined {
    const url = this.#store.readMeta(KEY_PREFIX + message.id);
    if (!url) return undefined;

    const body = new URLSearchParams(statusParams(message)).toString();
    const signature = twilioSignature(this.#account.authToken, url, formParams(body));
    return {
      url,
      body,
      contentType: 'application/x-www-form-urlencoded',
      credentials: { 'x-twilio-signature': signature },
    };
  }

  /** Asked per account; the number the text reached decides when the webhook is built. */
  wantsReceivedTextCallbacks(): boolean {
    return this.#numbers.anyWebhook();
  }

  receivedTextCallback(reply: StoredReply): OutgoingCallback | undefined {
    const webhook = this.#numbers.webhookFor(reply.serviceNumber);
    return webhook && inboundWebhook(reply, webhook, this.#account.authToken);
  }
}

/** The keys Twilio posts about an outbound SMS's status (facts §2.4). */
function statusParams(message: MessageView): Record<string, string> {
  const { completedAt } = message;
  const state: Pick<TwilioState, 'status' | 'errorCode'> =
    isFinal(message.status) && completedAt !== null
      ? finalState(message.status, completedAt)
      : { status: message.status === 'created' ? 'sending' : 'sent', errorCode: null };
  return {
    AccountSid: message.accountId,
    ApiVersion: API_VERSION,
    From: message.sender,
    MessageSid: message.id,
    MessageStatus: state.status,
    SmsSid: message.id,
    SmsStatus: state.status,
    To: message.number,
    ...(state.errorCode === null ? {} : { ErrorCode: String(state.errorCode) }),
    ...(state.status === 'delivered' || state.status === 'undelivered'
      ? { RawDlrDoneDate: rawDlrDate(completedAt ?? 0) }
      : {}),
  };
}

/** `YYMMDDhhmm`, as carriers write a receipt's done date. */
function rawDlrDate(epochMicros: number): string {
  const iso = new Date(Math.floor(epochMicros / 1000)).toISOString();
  return (
    iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16)
  );
}
