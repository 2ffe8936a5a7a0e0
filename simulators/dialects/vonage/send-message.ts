import { randomBytes } from 'node:crypto';
import { analyse } from '../../../content/segments.ts';
import type { Submission } from '../../aggregator/message.ts';
import { isHttpUrl } from '../../aggregator/http-url.ts';
import type { RouteRequest, RouteResponse } from '../../aggregator/router.ts';
import { truncatedJson } from '../../aggregator/truncated-json.ts';
import { rateMultiplier } from '../notify/prices.ts';
import { isAlphanumericSender, MAX_ALPHANUMERIC } from '../twilio/senders.ts';
import { authenticate } from './auth.ts';
import type { VonageContext } from './context.ts';
import { readRecipient, type Recipient } from './recipient.ts';
import { invalid, missing, VonageRefusal } from './refusal.ts';
import { smsParams, wantsReport } from './sms-request.ts';
import { networkCode, PART_PRICE, vonagePrice } from './statuses.ts';

/** The documented limit on `client-ref`. */
const MAX_CLIENT_REF = 40;

/** The fields of a send the simulator acts on; the rest of Vonage's list is taken and ignored. */
interface SmsForm {
  readonly from: string;
  readonly to: string;
  readonly text: string;
  readonly callback: string | undefined;
  readonly clientRef: string | undefined;
  readonly report: boolean;
}

/**
 * `POST /sms/json`: the credentials, the parameters, then the account's credit. Every answer is
 * HTTP 200; a refusal is the message's `status` (facts §3.2). A long text is one message per
 * part, each with its own id; the first part's id is the one the aggregator tracks.
 */
export async function sendSms(
  context: VonageContext,
  request: RouteRequest,
): Promise<RouteResponse> {
  const params = smsParams(request);
  authenticate(context.account, request.headers, params);
  const form = readForm(params, context.profile.truncatesLongSenders);
  const recipient = readRecipient(form.to);

  const parts = analyse(form.text).segments;
  const multiplier = rateMultiplier(recipient.country, context.profile.surchargesAbroad);
  const partPrice = PART_PRICE * multiplier;
  const balance = context.balance.get();
  if (balance < partPrice * parts) throw new VonageRefusal('9', 'Partner quota exceeded');

  const ids = partIds(parts);
  const submission = submissionFor(context, form, recipient, {
    id: ids[0] ?? '',
    parts,
    multiplier,
  });
  if (form.report) {
    context.receipts.remember(submission.id, {
      ...(form.callback ? { callback: form.callback } : {}),
      ...(form.clientRef ? { clientRef: form.clientRef } : {}),
    });
  }
  await context.lifecycle.accept(submission);

  const messages = ids.map((id, index) => ({
    to: recipient.e164.slice(1),
    'message-id': id,
    status: '0',
    'remaining-balance': vonagePrice(balance - partPrice * (index + 1)),
    'message-price': vonagePrice(partPrice),
    network: networkCode(recipient.country),
    ...(form.clientRef ? { 'client-ref': form.clientRef } : {}),
  }));
  context.balance.set(balance - partPrice * parts);

  const json = { 'message-count': String(messages.length), messages };
  return context.profile.malformedSendResponse ? truncatedJson(200, json) : { status: 200, json };
}

function readForm(params: Record<string, string>, truncatesLongSenders: boolean): SmsForm {
  const { from, to, text, callback } = params;
  const clientRef = params['client-ref'];
  const type = params['type'] ?? 'text';

  if (!from) throw missing('from param');
  if (!to) throw missing('to param');
  if (type !== 'text' && type !== 'unicode') {
    throw invalid(`type param: the simulator takes text or unicode, not ${type}`);
  }
  if (!text) throw missing('text param');
  if (clientRef !== undefined && clientRef.length > MAX_CLIENT_REF) {
    throw invalid(`client-ref param: at most ${MAX_CLIENT_REF} characters`);
  }
  if (callback !== undefined && !isHttpUrl(callback)) {
    throw new VonageRefusal('23', 'Invalid Callback Url');
  }
  return {
    from: readSender(from, truncatesLongSenders),
    to,
    text,
    callback,
    clientRef,
    report: wantsReport(params),
  };
}

/**
 * A number (digits, spaces ignored) or an alphanumeric sender of at most 11 characters; any
 * other is status 15. The `sender-truncated` profile cuts a long one to 11 and sends it.
 */
function readSender(raw: string, truncatesLongSenders: boolean): string {
  const digits = raw.replace(/\s/g, '');
  if (/^\+?\d{1,15}$/.test(digits)) return digits.replace(/^\+/, '');

  const text = truncatesLongSenders ? raw.slice(0, MAX_ALPHANUMERIC) : raw;
  if (!isAlphanumericSender(text))
    throw new VonageRefusal('15', 'Illegal Sender Address - rejected');
  return text;
}

/** One id per part: sixteen hex digits, the last two the part's number. */
function partIds(parts: number): string[] {
  const stem = randomBytes(7).toString('hex').toUpperCase();
  return Array.from(
    { length: parts },
    (_, i) => `${stem}${(i + 1).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function submissionFor(
  context: VonageContext,
  form: SmsForm,
  recipient: Recipient,
  message: { readonly id: string; readonly parts: number; readonly multiplier: number },
): Submission {
  return {
    id: message.id,
    dialect: 'vonage',
    accountId: context.account.apiKey,
    keyType: 'live',
    test: false,
    to: form.to,
    number: recipient.e164,
    country: recipient.country,
    body: form.text,
    wireBody: form.text,
    sender: form.from,
    reference: form.clientRef ?? null,
    templateId: '',
    templateVersion: 0,
    fragments: message.parts,
    rateMultiplier: message.multiplier,
  };
}
