import type { MessageView } from '../../aggregator/message.ts';
import type { StoredReply } from '../../aggregator/reply.ts';
import { SMS_RATE } from './prices.ts';

export interface PostSmsResponseFields {
  readonly id: string;
  readonly reference: string | null;
  readonly body: string;
  readonly fromNumber: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly serviceId: string;
}

/** Notify's `DATETIME_FORMAT`, `%Y-%m-%dT%H:%M:%S.%fZ`, from epoch microseconds. */
export function notifyTimestamp(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  return `${new Date(millis).toISOString().slice(0, 19)}.${fraction}Z`;
}

function timestampOrNull(micros: number | null): string | null {
  return micros === null ? null : notifyTimestamp(micros);
}

/**
 * The 201 body of `POST /v2/notifications/sms`. Its template `uri` is the internal services
 * route, as the real API builds it, not the `/v2/template/…` form the documentation shows.
 */
export function postSmsResponse(fields: PostSmsResponseFields, root: string): object {
  return {
    id: fields.id,
    reference: fields.reference,
    content: { body: fields.body, from_number: fields.fromNumber },
    uri: `${root}v2/notifications/${fields.id}`,
    template: {
      id: fields.templateId,
      version: fields.templateVersion,
      uri: `${root}services/${fields.serviceId}/templates/${fields.templateId}`,
    },
    scheduled_for: null,
  };
}

/** One notification as `GET /v2/notifications/{id}` and the list return it. */
export function notificationJson(message: MessageView, root: string): object {
  return {
    id: message.id,
    reference: message.reference,
    email_address: null,
    phone_number: message.to,
    line_1: null,
    line_2: null,
    line_3: null,
    line_4: null,
    line_5: null,
    line_6: null,
    postcode: null,
    type: 'sms',
    status: message.status,
    template: {
      id: message.templateId,
      version: message.templateVersion,
      uri: `${root}v2/template/${message.templateId}/version/${message.templateVersion}`,
    },
    body: message.body,
    subject: null,
    created_at: notifyTimestamp(message.createdAt),
    created_by_name: null,
    sent_at: timestampOrNull(message.sentAt),
    completed_at: timestampOrNull(completedAt(message)),
    scheduled_for: null,
    postage: null,
    one_click_unsubscribe_url: null,
    ...costData(message),
  };
}

/** `sent` counts as complete in Notify, which then shows when the status last changed. */
function completedAt(message: MessageView): number | null {
  return message.status === 'sent' ? message.sentAt : message.completedAt;
}

/** Cost is unknown while a message is still `created` and unbilled; test keys bill nothing. */
function costData(message: MessageView): object {
  if (message.status === 'created' && message.billableUnits === 0) {
    return { cost_details: {}, cost_in_pounds: null, is_cost_data_ready: false };
  }
  return {
    cost_details: {
      billable_sms_fragments: message.billableUnits,
      international_rate_multiplier: message.rateMultiplier,
      sms_rate: SMS_RATE,
    },
    cost_in_pounds: message.billableUnits * message.rateMultiplier * SMS_RATE,
    is_cost_data_ready: true,
  };
}

/** The delivery-status callback body: all strings except `template_version`. */
export function deliveryReceipt(message: MessageView): object {
  return {
    id: message.id,
    reference: message.reference,
    to: message.to,
    status: message.status,
    created_at: notifyTimestamp(message.createdAt),
    completed_at: timestampOrNull(message.completedAt),
    sent_at: timestampOrNull(message.sentAt),
    notification_type: 'sms',
    template_id: message.templateId,
    template_version: message.templateVersion,
  };
}

/** One item of `GET /v2/received-text-messages`; the handset's number without its `+`. */
export function receivedTextJson(reply: StoredReply): object {
  return {
    id: reply.id,
    user_number: reply.handset.replace(/^\+/, ''),
    notify_number: reply.serviceNumber,
    created_at: notifyTimestamp(reply.sentAt),
    service_id: reply.accountId,
    content: reply.body,
  };
}

/** The received-text callback body. */
export function receivedTextCallback(reply: StoredReply): object {
  return {
    id: reply.id,
    source_number: reply.handset.replace(/^\+/, ''),
    destination_number: reply.serviceNumber,
    message: reply.body,
    date_received: notifyTimestamp(reply.sentAt),
  };
}
