import type { StoredMessage } from '../../aggregator/message.ts';
import type { TwilioState } from './statuses.ts';

export const API_VERSION = '2010-04-01';

/** What one segment costs, in `PRICE_UNIT`, before any surcharge abroad. */
export const SEGMENT_PRICE = 0.04;
export const PRICE_UNIT = 'GBP';

/** RFC 2822 in UTC, as Twilio writes dates: `Thu, 01 Jan 2026 00:00:00 +0000`. */
export function rfc2822(epochMicros: number): string {
  return new Date(Math.floor(epochMicros / 1000)).toUTCString().replace('GMT', '+0000');
}

export function messageUri(accountSid: string, sid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}.json`;
}

/**
 * A Message resource as Twilio's REST API returns it. `num_segments` and `num_media` are strings
 * and the price negative, as Twilio writes them; the price shows once the text has been sent.
 */
export function messageResource(message: StoredMessage, state: TwilioState) {
  const sent = state.status !== 'queued' && state.status !== 'sending';
  const base = messageUri(message.accountId, message.id).replace(/\.json$/, '');
  return {
    account_sid: message.accountId,
    api_version: API_VERSION,
    body: message.body,
    date_created: rfc2822(message.createdAt),
    date_sent: sent ? rfc2822(message.sentAt) : null,
    date_updated: rfc2822(state.since),
    direction: 'outbound-api',
    error_code: state.errorCode,
    error_message: state.errorMessage,
    from: message.sender,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: String(message.fragments),
    price: sent && !message.test ? price(message) : null,
    price_unit: PRICE_UNIT,
    sid: message.id,
    status: state.status,
    subresource_uris: { media: `${base}/Media.json`, feedback: `${base}/Feedback.json` },
    to: message.number,
    uri: messageUri(message.accountId, message.id),
  };
}

function price(message: StoredMessage): string {
  return (-message.fragments * SEGMENT_PRICE * message.rateMultiplier).toFixed(5);
}
