import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { analyse } from '../../../content/segments.ts';
import { isDramaMobile, isFictionNumber } from '../../../numbering/index.ts';
import { countryOf, destination, HOME_COUNTRY } from '../../aggregator/destinations.ts';
import { newMessageId } from '../../aggregator/message-id.ts';
import type { Submission } from '../../aggregator/message.ts';
import type { RouteResponse } from '../../aggregator/router.ts';
import { rateMultiplier } from '../notify/prices.ts';
import type { SignedCall, SnsContext } from './context.ts';
import { invalidParameter, SnsApiError } from './errors.ts';
import { readMessageAttributes, type MessageAttributes } from './message-attributes.ts';
import { isSenderId, isSmsType, MAX_SENDER_ID, SMS_TYPES } from './sms-attributes.ts';
import { queryResponse, xmlEscape } from './xml.ts';

export const SENDER_ID_ATTRIBUTE = 'AWS.SNS.SMS.SenderID';
export const SMS_TYPE_ATTRIBUTE = 'AWS.SNS.SMS.SMSType';

/** SNS refuses a text longer than this many characters (it would be more than 10 parts). */
const MAX_MESSAGE = 1600;

/**
 * `Action=Publish` to a `PhoneNumber`: the number, the text and the SMS attributes checked in
 * turn, then the text handed to the aggregator and logged for the LocalStack-style read-back.
 * Publishing to a topic or an endpoint is not simulated and answers as an unknown one would.
 */
export async function publish(context: SnsContext, call: SignedCall): Promise<RouteResponse> {
  const { form } = call;
  const phoneNumber = form.get('PhoneNumber');
  if (!phoneNumber) {
    if (form.get('TopicArn') || form.get('TargetArn')) {
      throw new SnsApiError(404, 'NotFound', 'Topic does not exist');
    }
    throw invalidParameter('TopicArn or TargetArn', 'no value for required parameter');
  }
  const message = form.get('Message');
  if (!message) throw invalidParameter('Message', 'Empty message');
  if ([...message].length > MAX_MESSAGE) throw invalidParameter('Message', 'Message too long');

  const { e164, country } = readNumber(phoneNumber);
  const attributes = readMessageAttributes(form);
  const sender = senderOf(context, attributes);
  checkSmsType(context, attributes);

  const id = newMessageId();
  await context.lifecycle.accept(submission(context, { id, e164, country, message, sender }));
  context.log.add(context.account.accountId, call.region, {
    PhoneNumber: e164,
    TopicArn: null,
    SubscriptionArn: null,
    MessageId: id,
    Message: message,
    MessageAttributes: attributes,
    MessageStructure: null,
    Subject: null,
  });

  const xml = queryResponse('Publish', `<MessageId>${xmlEscape(id)}</MessageId>`, call.requestId);
  if (context.profile.malformedSendResponse) {
    return { status: 200, text: xml.slice(0, Math.floor(xml.length / 2)), contentType: 'text/xml' };
  }
  return { status: 200, text: xml, contentType: 'text/xml' };
}

/**
 * An E.164 number SNS could text, then one the simulator may: a number reserved for fiction in
 * a country its networks reach. Any other is refused as invalid, so no real phone is held.
 */
function readNumber(raw: string): { e164: string; country: string } {
  const e164 = raw.trim();
  const valid =
    /^\+[1-9]\d{6,14}$/.test(e164) &&
    (isDramaMobile(e164) || parsePhoneNumberFromString(e164)?.isValid() === true);
  if (!valid) throw invalidParameter('PhoneNumber', `${raw} is not valid to publish to`);

  const country = isDramaMobile(e164) ? HOME_COUNTRY : countryOf(e164);
  if (!isFictionNumber(e164) || !country || !destination(country)) {
    throw invalidParameter(
      'PhoneNumber',
      `${raw} is not valid to publish to (the simulator texts only numbers reserved for fiction)`,
    );
  }
  return { e164, country };
}

/**
 * The sender ID the text carries: the message's own, else the account's default. One that is
 * not 1 to 11 letters or digits is refused; the `sender-truncated` profile cuts a long one to
 * fit instead, as a careless route would.
 */
function senderOf(context: SnsContext, attributes: MessageAttributes): string {
  const named = attributes[SENDER_ID_ATTRIBUTE]?.StringValue;
  const sender = named ?? context.attributes.get(['DefaultSenderID'])['DefaultSenderID'] ?? '';
  if (isSenderId(sender)) return sender;

  const cut = sender.slice(0, MAX_SENDER_ID);
  if (context.profile.truncatesLongSenders && isSenderId(cut)) return cut;
  throw invalidParameter(
    'MessageAttributes',
    `${SENDER_ID_ATTRIBUTE} '${sender}' must be 1 to ${MAX_SENDER_ID} letters or digits, ` +
      'at least one a letter',
  );
}

function checkSmsType(context: SnsContext, attributes: MessageAttributes): void {
  const named = attributes[SMS_TYPE_ATTRIBUTE]?.StringValue;
  const type = named ?? context.attributes.get(['DefaultSMSType'])['DefaultSMSType'] ?? '';
  if (!isSmsType(type)) {
    throw invalidParameter(
      'MessageAttributes',
      `Value ${type} for ${SMS_TYPE_ATTRIBUTE} is not one of ${SMS_TYPES.join(', ')}`,
    );
  }
}

function submission(
  context: SnsContext,
  text: {
    readonly id: string;
    readonly e164: string;
    readonly country: string;
    readonly message: string;
    readonly sender: string;
  },
): Submission {
  return {
    id: text.id,
    dialect: 'sns',
    accountId: context.account.accountId,
    keyType: 'live',
    test: false,
    to: text.e164,
    number: text.e164,
    country: text.country,
    body: text.message,
    wireBody: text.message,
    sender: text.sender,
    reference: null,
    templateId: '',
    templateVersion: 0,
    fragments: analyse(text.message).segments,
    rateMultiplier: rateMultiplier(text.country, context.profile.surchargesAbroad),
  };
}
