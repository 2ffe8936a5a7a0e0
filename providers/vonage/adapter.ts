import { analyse } from '../../content/segments.ts';
import { CredentialsError, ProviderResponseError, TargetSetupError } from '../../core/errors.ts';
import { errorFromReply } from '../http/error-reply.ts';
import { parseJsonReply } from '../http/json-reply.ts';
import type { RecordingClient } from '../http/recording-client.ts';
import type {
  Capabilities,
  InboundText,
  ListQuery,
  MessagePage,
  MessageState,
  ProviderAdapter,
  SendRequest,
  SentMessage,
} from '../contract.ts';
import { vonageMsisdn } from './msisdn.ts';
import type { ReceiptLedger } from './receipt-ledger.ts';
import { wholeMessage } from './whole-message.ts';
import { SendResponseSchema, type SubmittedPart } from './schemas.ts';
import { submitRefusalOf } from './statuses.ts';

export interface VonageAdapterOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** The sender text or number used when a send names none. */
  readonly from: string;
  /** Where Vonage posts this message's delivery receipt; the account default otherwise. */
  readonly callbackUrl?: string;
  /** Where the receipts posted to `callbackUrl` can be read; without it there is no status. */
  readonly receipts?: ReceiptLedger;
  /**
   * How long after a send its receipt may take: past it, a reference no receipt echoes was not
   * taken. @default 120 s
   */
  readonly receiptWaitMs?: number;
  readonly client: RecordingClient;
}

/** Vonage's limit on `client-ref`; longer references are sent as their last 40 characters. */
const MAX_CLIENT_REF = 40;

/**
 * Vonage SMS API (`/sms/json`), spoken as the current SDK speaks it: JSON with kebab-case keys
 * and HTTP basic auth. The API has no status lookup: receipts come only by webhook, so a
 * status is what the receipts the receiver took say, and a sent text cannot be read back.
 */
export class VonageAdapter implements ProviderAdapter {
  readonly dialect = 'vonage';
  readonly capabilities: Capabilities = {
    receipts: ['callback'],
    testMode: false,
    listing: false,
    // Each receipt carries the price of its part.
    priceData: true,
    inbound: false,
    readBack: false,
    statusSource: 'receipts',
  };

  readonly #options: VonageAdapterOptions;
  /** When each `client-ref` was last sent, so that a doubt is not settled before its receipt. */
  readonly #attempts = new Map<string, number>();
  /** The ids of every part of each long text sent, by its first part's id. */
  readonly #parts = new Map<string, readonly string[]>();

  constructor(options: VonageAdapterOptions) {
    this.#options = options;
  }

  async send(request: SendRequest): Promise<SentMessage> {
    const { callbackUrl } = this.#options;
    const clientRef = clientRefOf(request.reference);
    this.#attempts.set(clientRef, Date.now());
    const body = {
      from: request.senderId ?? this.#options.from,
      to: vonageMsisdn(request.to),
      text: request.body,
      type: analyse(request.body).encoding === 'UCS-2' ? 'unicode' : 'text',
      'client-ref': clientRef,
      'status-report-req': true,
      ...(callbackUrl ? { callback: callbackUrl } : {}),
    };
    const reply = await this.#options.client.call({
      label: 'send',
      method: 'POST',
      url: `${this.#options.baseUrl.replace(/\/+$/, '')}/sms/json`,
      headers: {
        authorization: `Basic ${basic(this.#options.apiKey, this.#options.apiSecret)}`,
        'content-type': 'application/json',
        'user-agent': 'sms-assure',
      },
      body: JSON.stringify(body),
    });

    if (reply.status !== 200) throw errorFromReply(reply, 'send', `HTTP ${reply.status}`);
    const sent = parseJsonReply(reply, SendResponseSchema, 'send');
    const first = sent.messages[0] as SubmittedPart;
    if (first.status !== '0') throw refusal(first);
    if (!first['message-id']) {
      throw new ProviderResponseError(
        'response_shape',
        "send: status 0 but no 'message-id' for the accepted message",
        'messages.0.message-id',
      );
    }
    const ids = sent.messages.flatMap((m) => (m['message-id'] ? [m['message-id']] : []));
    if (ids.length > 1) this.#parts.set(first['message-id'], ids);
    return { id: first['message-id'], status: 'accepted', providerStatus: 'status 0' };
  }

  /** A long text's state is its parts': each was sent, and is reported, as a message of its own. */
  async status(id: string): Promise<MessageState | undefined> {
    const { receipts } = this.#options;
    if (!receipts) throw noLookup(`status of ${id}`);

    const parts = this.#parts.get(id);
    if (!parts) return receipts.stateOf(id);
    return wholeMessage(id, await Promise.all(parts.map((part) => receipts.stateOf(part))));
  }

  /**
   * Only by reference, and only for a sender in doubt whether a broken-off send was taken: the
   * receipts that echo its `client-ref`. None is an answer only once a receipt would have come.
   */
  async list(query: ListQuery): Promise<MessagePage> {
    const { receipts, receiptWaitMs = DEFAULT_RECEIPT_WAIT_MS } = this.#options;
    const { reference } = query;
    if (!receipts || reference === undefined || Object.keys(query).length > 1) {
      throw noLookup(`list ${JSON.stringify(query)}`);
    }

    const clientRef = clientRefOf(reference);
    const held = await receipts.withClientRef(clientRef);
    const sentAt = this.#attempts.get(clientRef);
    if (held.length === 0 && sentAt !== undefined && Date.now() - sentAt < receiptWaitMs) {
      throw new TargetSetupError(
        `list by reference: no receipt echoes ${clientRef} yet, and one may still come`,
      );
    }
    return { messages: held.map((m) => ({ ...m, reference })) };
  }

  inbound(): Promise<readonly InboundText[]> {
    return Promise.resolve([]);
  }
}

const DEFAULT_RECEIPT_WAIT_MS = 120_000;

/** The run's token ends the reference, so its tail still ties a receipt to the send. */
function clientRefOf(reference: string): string {
  return reference.slice(-MAX_CLIENT_REF);
}

function basic(key: string, secret: string): string {
  return Buffer.from(`${key}:${secret}`).toString('base64');
}

/** Vonage refuses with HTTP 200 and a per-message status; each kind is a different fault. */
function refusal(part: SubmittedPart): Error {
  const detail = `status ${part.status}: ${part['error-text'] ?? 'no error-text'}`;
  switch (submitRefusalOf(part.status)) {
    case 'credentials':
      return new CredentialsError(`send: the supplier refused the credentials (${detail})`);
    case 'account':
      return new TargetSetupError(`send: the account cannot send this (${detail})`);
    case 'throttled':
      return new ProviderResponseError('throttled', `send: throttled (${detail})`);
    case 'request':
      return new ProviderResponseError('request_rejected', `send: refused (${detail})`);
    case 'server':
      return new ProviderResponseError('server_error', `send: supplier failure (${detail})`);
  }
}

function noLookup(what: string): TargetSetupError {
  return new TargetSetupError(
    `${what}: Vonage's SMS API has no message lookup; its receipts come only by webhook, ` +
      'so give the target a callback receiver',
  );
}
