import { HarnessError, ProviderResponseError, TargetSetupError } from '../../core/errors.ts';
import { ukE164 } from '../e164.ts';
import type {
  Capabilities,
  InboundText,
  ListQuery,
  MessagePage,
  MessageState,
  Price,
  ProviderAdapter,
  SendRequest,
  SentMessage,
} from '../contract.ts';
import { errorFromReply } from '../http/error-reply.ts';
import { parseJsonReply } from '../http/json-reply.ts';
import type { HttpReply, RecordingClient } from '../http/recording-client.ts';
import type { TwilioAuth } from './credentials.ts';
import {
  ErrorBodySchema,
  MessagePageSchema,
  MessageSchema,
  type TwilioMessage,
} from './schemas.ts';
import { normaliseTwilioStatus, twilioProviderStatus } from './statuses.ts';

/**
 * Twilio's magic `To` numbers and the error each gives with test credentials (Twilio docs,
 * "Test credentials"; facts §2.5).
 */
const TEST_REJECTIONS = [
  { to: '+15005550001', code: '21211' },
  { to: '+15005550002', code: '21612' },
  { to: '+15005550003', code: '21408' },
  { to: '+15005550004', code: '21610' },
  { to: '+15005550009', code: '21614' },
];

export interface TwilioAdapterOptions {
  readonly baseUrl: string;
  readonly auth: TwilioAuth;
  /** The sender when a request names none: a number the account owns, or an alphanumeric ID. */
  readonly from: string;
  /** Where Twilio should post status callbacks for every text sent. */
  readonly statusCallback?: string;
  /** The owned number people reply to, whose received texts `inbound` lists. */
  readonly inboundNumber?: string;
  readonly client: RecordingClient;
}

/** Twilio Programmable Messaging: send, fetch, list, over Basic auth and form bodies. */
export class TwilioAdapter implements ProviderAdapter {
  readonly dialect = 'twilio';
  readonly capabilities: Capabilities = {
    receipts: ['callback', 'polling'],
    testMode: true,
    listing: true,
    priceData: true,
    // Replies arrive on the owned number's webhook and are listed as inbound Messages.
    inbound: true,
    references: false,
    listFilters: ['to'],
    testReadBack: false,
    testRejections: TEST_REJECTIONS,
  };

  readonly #options: TwilioAdapterOptions;
  readonly #messages: string;

  constructor(options: TwilioAdapterOptions) {
    this.#options = options;
    const base = options.baseUrl.replace(/\/+$/, '');
    this.#messages = `${base}/2010-04-01/Accounts/${options.auth.accountSid}/Messages`;
  }

  async send(request: SendRequest): Promise<SentMessage> {
    const form = new URLSearchParams({
      // Twilio takes E.164 only; the harness's own numbers may be written nationally.
      To: ukE164(request.to),
      From: request.senderId ?? this.#options.from,
      Body: request.body,
    });
    if (this.#options.statusCallback) form.set('StatusCallback', this.#options.statusCallback);
    const reply = await this.#call('send', 'POST', `${this.#messages}.json`, form.toString());

    if (reply.status !== 201) throw failure(reply, 'send');
    const message = parseJsonReply(reply, MessageSchema, 'send');
    const state = toState(message, 'send');
    return {
      id: message.sid,
      status: state.status,
      providerStatus: state.providerStatus,
      ...(message.from === null ? {} : { sender: message.from }),
    };
  }

  async status(id: string): Promise<MessageState | undefined> {
    const url = `${this.#messages}/${encodeURIComponent(id)}.json`;
    const reply = await this.#call('status', 'GET', url);

    if (reply.status === 404 && twilioError(reply)) return undefined;
    if (reply.status !== 200) throw failure(reply, 'status');
    return toState(parseJsonReply(reply, MessageSchema, 'status'), 'status');
  }

  /** `olderThan` is a `next` this method returned: the page URI Twilio gave. */
  async list(query: ListQuery): Promise<MessagePage> {
    if (query.reference !== undefined || query.status !== undefined) {
      throw new HarnessError(
        'ASSURE_UNSUPPORTED_QUERY',
        "Twilio's message list filters by To, From and DateSent only, not by reference or status",
      );
    }
    const params = new URLSearchParams(query.to ? { To: query.to } : {});
    const url = query.olderThan
      ? new URL(query.olderThan, this.#options.baseUrl).toString()
      : `${this.#messages}.json?${params.toString()}`;
    const reply = await this.#call('list', 'GET', url);

    if (reply.status !== 200) throw failure(reply, 'list');
    const page = parseJsonReply(reply, MessagePageSchema, 'list');
    // Twilio lists texts the account's numbers received beside those it sent; only sent ones
    // have a delivery status.
    return {
      messages: page.messages
        .filter((m) => m.direction !== 'inbound')
        .map((m) => toState(m, 'list')),
      ...(page.next_page_uri ? { next: page.next_page_uri } : {}),
    };
  }

  /** The newest page of texts the reply number received: Twilio's inbound Messages to it. */
  async inbound(): Promise<readonly InboundText[]> {
    const number = this.#options.inboundNumber;
    // A national number is written in E.164, as Twilio keeps it; a shortcode stays as it is.
    const to = number?.startsWith('0') ? ukE164(number) : number;
    const params = new URLSearchParams(to === undefined ? {} : { To: to });
    const reply = await this.#call('inbound', 'GET', `${this.#messages}.json?${params.toString()}`);

    if (reply.status !== 200) throw failure(reply, 'inbound');
    const page = parseJsonReply(reply, MessagePageSchema, 'inbound');
    return page.messages
      .filter((m) => m.direction === 'inbound')
      .map((m) => ({
        id: m.sid,
        from: m.from ?? '',
        to: m.to,
        text: m.body,
        receivedAt: new Date(m.date_sent ?? m.date_created).toISOString(),
      }));
  }

  #call(label: string, method: 'GET' | 'POST', url: string, body?: string) {
    const { accountSid, authToken } = this.#options.auth;
    const basic = Buffer.from(`${accountSid}:${authToken}`).toString('base64');
    return this.#options.client.call({
      label,
      method,
      url,
      headers: {
        authorization: `Basic ${basic}`,
        accept: 'application/json',
        'user-agent': 'sms-assure',
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(body === undefined ? {} : { body }),
    });
  }
}

function toState(message: TwilioMessage, what: string): MessageState {
  const status = normaliseTwilioStatus(message.status, message.error_code);
  if (!status) {
    throw new ProviderResponseError(
      'unknown_status',
      `${what}: Twilio reported status '${message.status}', which is not an outbound status`,
      'status',
    );
  }
  return {
    id: message.sid,
    status,
    providerStatus: twilioProviderStatus(message.status, message.error_code),
    to: message.to,
    body: message.body,
    ...priceOf(message),
  };
}

/**
 * Twilio states one price for the whole text, negative, once it is known. It already includes
 * the destination's rate, so the multiplier is 1 and the segment price is the share of one.
 */
function priceOf(message: TwilioMessage): { price?: Price } {
  const segments = Number(message.num_segments);
  const total = Math.abs(Number(message.price));
  if (message.price === null || !(segments > 0) || Number.isNaN(total)) return {};
  return { price: { segments, perSegment: total / segments, multiplier: 1, total } };
}

/** Answers about the account's set-up, not the supplier's behaviour (Twilio error codes). */
const SETUP_CODES = new Set([
  21606, // From is not a number or sender the account may use
  21212, // invalid From
  21408, // no geo permission for the region
  21703, // messaging service
]);

function failure(reply: HttpReply, what: string): Error {
  const error = twilioError(reply);
  const detail = error ? `Twilio error ${error.code}: ${error.message}` : 'no Twilio error body';
  if (error && SETUP_CODES.has(error.code)) {
    return new TargetSetupError(`${what}: the target's set-up does not fit: ${detail}`);
  }
  if (reply.status === 404 && !error) {
    return new TargetSetupError(`${what}: HTTP 404 is not Twilio's own answer; check baseUrl`);
  }
  return errorFromReply(reply, what, detail);
}

function twilioError(reply: HttpReply) {
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(reply.body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
