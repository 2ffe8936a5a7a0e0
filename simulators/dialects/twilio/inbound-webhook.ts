import { formParams, twilioSignature } from '../../../providers/twilio/signature.ts';
import type { OutgoingCallback } from '../../aggregator/callback-dispatcher.ts';
import type { StoredReply } from '../../aggregator/reply.ts';
import { inboundWebhookParams } from './inbound-messages.ts';
import type { SmsWebhook } from './phone-numbers.ts';

/**
 * A text an owned number received, as Twilio hands it to the number's `SmsUrl`: a form POST, or
 * with `SmsMethod` GET the same keys in the query string. Either is signed with
 * `X-Twilio-Signature` under the Auth Token exactly as a status callback is: over the URL called
 * and, for a POST, every form parameter.
 */
export function inboundWebhook(
  reply: StoredReply,
  webhook: SmsWebhook,
  authToken: string,
): OutgoingCallback {
  const form = new URLSearchParams(inboundWebhookParams(reply)).toString();
  if (webhook.smsMethod === 'GET') {
    const url = `${webhook.smsUrl}${webhook.smsUrl.includes('?') ? '&' : '?'}${form}`;
    const signature = twilioSignature(authToken, url, {});
    return { url, method: 'GET', body: '', credentials: { 'x-twilio-signature': signature } };
  }

  const signature = twilioSignature(authToken, webhook.smsUrl, formParams(form));
  return {
    url: webhook.smsUrl,
    body: form,
    contentType: 'application/x-www-form-urlencoded',
    credentials: { 'x-twilio-signature': signature },
  };
}
