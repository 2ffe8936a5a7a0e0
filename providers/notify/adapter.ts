import { errorFromReply } from '../http/error-reply.ts';
import { parseJsonReply } from '../http/json-reply.ts';
import type { HttpReply, RecordingClient } from '../http/recording-client.ts';
import { ProviderResponseError, TargetSetupError } from '../../core/errors.ts';
import type {
  Capabilities,
  InboundText,
  Price,
  ListQuery,
  MessagePage,
  MessageState,
  ProviderAdapter,
  SendRequest,
  SentMessage,
} from '../contract.ts';
import type { NotifyKey } from './api-key.ts';
import {
  ErrorBodySchema,
  NotificationListSchema,
  NotificationSchema,
  ReceivedTextListSchema,
  SendResponseSchema,
  type Notification,
} from './schemas.ts';
import { normaliseNotifyStatus } from './statuses.ts';
import { notifyToken } from './token.ts';

export interface NotifyAdapterOptions {
  readonly baseUrl: string;
  readonly key: NotifyKey;
  /** A template whose content is exactly `((body))`, so the harness chooses every text. */
  readonly templateId: string;
  readonly smsSenderId?: string;
  readonly client: RecordingClient;
}

/** GOV.UK Notify API v2: send, read one, list. */
export class NotifyAdapter implements ProviderAdapter {
  readonly dialect = 'notify';
  readonly capabilities: Capabilities = {
    receipts: ['callback', 'polling'],
    testMode: true,
    listing: true,
    priceData: true,
    inbound: true,
  };

  readonly #options: NotifyAdapterOptions;

  constructor(options: NotifyAdapterOptions) {
    this.#options = options;
  }

  async send(request: SendRequest): Promise<SentMessage> {
    const body = {
      phone_number: request.to,
      template_id: this.#options.templateId,
      personalisation: { body: request.body },
      reference: request.reference,
      ...senderField(request.senderId ?? this.#options.smsSenderId),
    };
    const reply = await this.#call('send', 'POST', '/v2/notifications/sms', JSON.stringify(body));

    if (reply.status !== 201) throw failure(reply, 'send');
    const sent = parseJsonReply(reply, SendResponseSchema, 'send');
    return {
      id: sent.id,
      status: 'accepted',
      providerStatus: 'created',
      sender: sent.content.from_number,
    };
  }

  async status(id: string): Promise<MessageState | undefined> {
    const path = `/v2/notifications/${encodeURIComponent(id)}`;
    const reply = await this.#call('status', 'GET', path);

    if (reply.status === 404 && isNotifyError(reply)) return undefined;
    if (reply.status !== 200) throw failure(reply, 'status');
    return toState(parseJsonReply(reply, NotificationSchema, 'status'));
  }

  async list(query: ListQuery): Promise<MessagePage> {
    const params = new URLSearchParams({ template_type: 'sms' });
    if (query.reference) params.set('reference', query.reference);
    if (query.status) params.set('status', query.status);
    if (query.olderThan) params.set('older_than', query.olderThan);
    const reply = await this.#call('list', 'GET', `/v2/notifications?${params.toString()}`);

    if (reply.status !== 200) throw failure(reply, 'list');
    const page = parseJsonReply(reply, NotificationListSchema, 'list');
    const next = page.links.next
      ? new URL(page.links.next, this.#options.baseUrl).searchParams.get('older_than')
      : null;
    return { messages: page.notifications.map(toState), ...(next ? { next } : {}) };
  }

  async inbound(): Promise<readonly InboundText[]> {
    const reply = await this.#call('inbound', 'GET', '/v2/received-text-messages');

    if (reply.status !== 200) throw failure(reply, 'inbound');
    const page = parseJsonReply(reply, ReceivedTextListSchema, 'inbound');
    return page.received_text_messages.map((text) => ({
      id: text.id,
      from: text.user_number,
      to: text.notify_number,
      text: text.content,
      receivedAt: text.created_at,
    }));
  }

  async #call(label: string, method: 'GET' | 'POST', path: string, body?: string) {
    const token = await notifyToken(this.#options.key);
    return this.#options.client.call({
      label,
      method,
      url: joinUrl(this.#options.baseUrl, path),
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'user-agent': 'sms-assure',
      },
      ...(body === undefined ? {} : { body }),
    });
  }
}

/** Keeps any path prefix of the base URL, as a gateway in front of the API needs. */
function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** Notify picks a sender by the id of one configured in its admin, never by its text. */
function senderField(smsSenderId: string | undefined) {
  return smsSenderId ? { sms_sender_id: smsSenderId } : {};
}

function toState(notification: Notification): MessageState {
  const status = normaliseNotifyStatus(notification.status);
  if (!status) {
    throw new ProviderResponseError(
      'unknown_status',
      `Notify reported status '${notification.status}', which is not a text message status`,
      'status',
    );
  }
  return {
    id: notification.id,
    status,
    providerStatus: notification.status,
    ...(notification.reference === null ? {} : { reference: notification.reference }),
    ...(notification.phone_number === null ? {} : { to: notification.phone_number }),
    body: notification.body,
    ...priceOf(notification),
    ...(notification.completed_at ? { completedAt: notification.completed_at } : {}),
  };
}

/** Notify states cost only once `is_cost_data_ready`; until then there is no price to judge. */
function priceOf(notification: Notification): { price?: Price } {
  const cost = notification.cost_details;
  if (!notification.is_cost_data_ready || !cost) return {};

  const segments = cost.billable_sms_fragments;
  const perSegment = cost.sms_rate;
  const multiplier = cost.international_rate_multiplier ?? 1;
  if (typeof segments !== 'number' || typeof perSegment !== 'number') return {};
  return { price: { segments, perSegment, multiplier, total: segments * perSegment * multiplier } };
}

/**
 * Notify's answers that are about the account, not its behaviour: the harness was pointed at a
 * template, key or permission that does not fit, so the check cannot judge anything.
 */
const SETUP_PROBLEMS = [
  /Template not found/i,
  /team-only API key/i,
  /trial mode/i,
  /Cannot send to international mobile numbers/i,
  /sms_sender_id .* does not exist|not a valid sms_sender_id/i,
];

function failure(reply: HttpReply, what: string): Error {
  const detail = errorDetail(reply);
  if (reply.status === 400 && SETUP_PROBLEMS.some((p) => p.test(detail))) {
    return new TargetSetupError(`${what}: the target's set-up does not fit: ${detail}`);
  }
  if (reply.status === 404 && !isNotifyError(reply)) {
    return new TargetSetupError(`${what}: HTTP 404 is not Notify's own answer; check baseUrl`);
  }
  return errorFromReply(reply, what, detail);
}

function isNotifyError(reply: HttpReply): boolean {
  try {
    return ErrorBodySchema.safeParse(JSON.parse(reply.body)).success;
  } catch {
    return false;
  }
}

function errorDetail(reply: HttpReply): string {
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(reply.body));
    if (parsed.success) return parsed.data.errors.map((e) => `${e.error}: ${e.message}`).join('; ');
  } catch {
    // Not Notify's error shape; the raw body is in the recorded exchange.
  }
  return 'no error body in the documented shape';
}
