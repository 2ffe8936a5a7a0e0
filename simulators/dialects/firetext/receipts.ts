import type { OutgoingCallback } from '../../aggregator/callback-dispatcher.ts';
import type { DialectHooks } from '../../aggregator/lifecycle.ts';
import type { FinalStatus, MessageView, NewMessage } from '../../aggregator/message.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';

const KEY_PREFIX = 'firetext.receipt.';

/**
 * Firetext's receipt words (facts §1.11): `0` delivered, `1` declined with a code saying why,
 * `2` pending with the network. A technical failure, which never reached a handset's network,
 * is told as Firetext's routing error, 900.
 */
interface ReceiptWords {
  readonly status: string;
  readonly code?: string;
}

const FINAL_WORDS: Readonly<Record<FinalStatus, ReceiptWords>> = {
  delivered: { status: '0' },
  'permanent-failure': { status: '1', code: '101' },
  'temporary-failure': { status: '1', code: '102' },
  'technical-failure': { status: '1', code: '900' },
};
const PENDING: ReceiptWords = { status: '2' };

/**
 * Receipts, asked for per message with the send's `receipt` URL, which is kept in the store
 * beside the message so a restart still calls back. Each is a form post; credentials in the
 * URL's user-info (as GOV.UK Notify gives Firetext its receipt URL) are sent as Basic auth,
 * and the `unauthenticated-callbacks` profile drops them, as it does every dialect's.
 */
export class FiretextReceipts implements DialectHooks {
  readonly #store: SimulatorStore;

  constructor(store: SimulatorStore) {
    this.#store = store;
  }

  /** Keeps a message's receipt URL; called before the message is accepted. */
  remember(messageId: string, url: string): void {
    this.#store.writeMeta(KEY_PREFIX + messageId, url);
  }

  wantsCallbacks(_accountId: string, messageId: string): boolean {
    return this.#store.readMeta(KEY_PREFIX + messageId) !== undefined;
  }

  /**
   * Firetext reports on texts abroad too, so a described supplier, which has only its receipts
   * to go on, can see them arrive.
   */
  receiptsFrom(): boolean {
    return true;
  }

  /** A handset the network cannot reach yet is reported pending first, then declined. */
  interimCallbacksAt(message: NewMessage): readonly number[] {
    return message.reportedStatus === 'temporary-failure' ? [message.sentAt / 1000] : [];
  }

  receiptCallback(message: MessageView): OutgoingCallback | undefined {
    const stored = this.#store.readMeta(KEY_PREFIX + message.id);
    const target = stored === undefined ? undefined : withoutUserinfo(stored);
    if (!target) return undefined;

    const final = message.status in FINAL_WORDS;
    const words = final ? FINAL_WORDS[message.status as FinalStatus] : PENDING;
    const at = message.completedAt ?? message.sentAt ?? message.createdAt;
    const body = new URLSearchParams({
      mobile: message.number.replace(/^\+/, ''),
      status: words.status,
      ...(words.code ? { code: words.code } : {}),
      reference: message.reference ?? '',
      time: firetextTime(at),
    }).toString();
    return {
      url: target.url,
      body,
      contentType: 'application/x-www-form-urlencoded',
      credentials: target.credentials,
    };
  }

  wantsReceivedTextCallbacks(): boolean {
    return false;
  }

  receivedTextCallback(): undefined {
    return undefined;
  }
}

/** The URL to post to, and the Basic credentials its user-info carried; none if unusable. */
function withoutUserinfo(raw: string) {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!url.username) return { url: raw, credentials: {} };

  const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return {
    url: url.toString(),
    credentials: { authorization: `Basic ${Buffer.from(pair).toString('base64')}` },
  };
}

/** `YYYY-MM-DD hh:mm:ss`, UTC, from epoch microseconds. */
function firetextTime(epochMicros: number): string {
  return new Date(Math.floor(epochMicros / 1000)).toISOString().slice(0, 19).replace('T', ' ');
}
