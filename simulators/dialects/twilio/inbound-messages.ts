import { analyse } from '../../../content/segments.ts';
import { isDramaMobile } from '../../../numbering/index.ts';
import { countryOf, HOME_COUNTRY } from '../../aggregator/destinations.ts';
import type { StoredReply } from '../../aggregator/reply.ts';
import { API_VERSION, messageUri, PRICE_UNIT, rfc2822 } from './serialise.ts';

/**
 * A text a handset sent to an owned number, as Twilio shows it: a Message of its own, `SM` and
 * 32 hex digits like every SMS. The simulator's reply id is a UUID, so the SID is that UUID's
 * digits, and a SID is read back into it without a table of its own.
 */
export function inboundSid(reply: Pick<StoredReply, 'id'>): string {
  return `SM${reply.id.replace(/-/g, '')}`;
}

/** The reply id behind an SMS SID, for a SID that could name one. */
export function replyIdOf(sid: string): string | undefined {
  const match = /^SM([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/.exec(sid);
  return match ? match.slice(1).join('-') : undefined;
}

/**
 * An inbound Message resource: `direction` inbound, `status` received, from the handset to the
 * owned number; `date_sent` is when Twilio called the number's webhook, here when it arrived.
 */
export function inboundResource(reply: StoredReply) {
  const sid = inboundSid(reply);
  const base = messageUri(reply.accountId, sid).replace(/\.json$/, '');
  const at = rfc2822(reply.sentAt);
  return {
    account_sid: reply.accountId,
    api_version: API_VERSION,
    body: reply.body,
    date_created: at,
    date_sent: at,
    date_updated: at,
    direction: 'inbound',
    error_code: null,
    error_message: null,
    from: reply.handset,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: String(analyse(reply.body).segments),
    price: null,
    price_unit: PRICE_UNIT,
    sid,
    status: 'received',
    subresource_uris: { media: `${base}/Media.json`, feedback: `${base}/Feedback.json` },
    to: reply.serviceNumber,
    uri: messageUri(reply.accountId, sid),
  };
}

/**
 * The parameters of Twilio's incoming-message webhook for an SMS. `MessagingServiceSid` comes
 * only from a number in a Messaging Service, which the simulated number is not; the location
 * keys Twilio fills from carrier data are empty, as Twilio leaves them where it has none.
 */
export function inboundWebhookParams(reply: StoredReply): Record<string, string> {
  const sid = inboundSid(reply);
  return {
    AccountSid: reply.accountId,
    ApiVersion: API_VERSION,
    Body: reply.body,
    From: reply.handset,
    FromCity: '',
    FromCountry: countryFor(reply.handset),
    FromState: '',
    FromZip: '',
    MessageSid: sid,
    NumMedia: '0',
    NumSegments: String(analyse(reply.body).segments),
    SmsMessageSid: sid,
    SmsSid: sid,
    SmsStatus: 'received',
    To: reply.serviceNumber,
    ToCity: '',
    ToCountry: countryFor(reply.serviceNumber),
    ToState: '',
    ToZip: '',
  };
}

/** UK drama numbers are assigned to no network, so the metadata knows no country for them. */
function countryFor(number: string): string {
  return isDramaMobile(number) ? HOME_COUNTRY : (countryOf(number) ?? '');
}
