import { timingSafeEqual } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { analyse } from '../../../content/segments.ts';
import { isDramaMobile, isFictionNumber } from '../../../numbering/index.ts';
import { countryOf, destination, HOME_COUNTRY } from '../../aggregator/destinations.ts';
import { toE164 } from '../../aggregator/e164.ts';
import type { MessageLifecycle } from '../../aggregator/lifecycle.ts';
import type { Submission } from '../../aggregator/message.ts';
import { newMessageId } from '../../aggregator/message-id.ts';
import type { ProfileBehaviour } from '../../aggregator/profiles.ts';
import type { RouteRequest, RouteResponse } from '../../aggregator/router.ts';
import { truncatedJson } from '../../aggregator/truncated-json.ts';
import { rateMultiplier } from '../notify/prices.ts';
import type { FiretextAccount } from './account.ts';
import { FiretextRefusal, SEND_CODES } from './answers.ts';
import type { FiretextReceipts } from './receipts.ts';

export interface FiretextContext {
  readonly account: FiretextAccount;
  readonly receipts: FiretextReceipts;
  readonly lifecycle: MessageLifecycle;
  readonly profile: ProfileBehaviour;
}

/** An alphanumeric sender: letters, digits and spaces, at least one letter, at most 11. */
const ALPHANUMERIC = /^(?=.*[A-Za-z])[A-Za-z0-9 ]+$/;
const MAX_ALPHANUMERIC = 11;
const NUMERIC = /^\+?\d{3,15}$/;

/**
 * `POST /api/sendsms/json`: a form with `apiKey`, `from`, `to` (digits, no `+`), `message`,
 * `reference` and an optional `receipt` URL, answered with Firetext's JSON `code`.
 */
export async function sendSms(
  context: FiretextContext,
  request: RouteRequest,
): Promise<RouteResponse> {
  const form = new URLSearchParams(request.body.toString('utf8'));
  if (!sameKey(form.get('apiKey') ?? '', context.account.apiKey)) {
    throw new FiretextRefusal('authentication');
  }

  const recipient = readRecipient(form.get('to') ?? '');
  const sender = readSender(form.get('from') ?? '', context.profile);
  const message = form.get('message') ?? '';
  if (message.length === 0) throw new FiretextRefusal('message');

  const id = newMessageId();
  const receipt = form.get('receipt');
  if (receipt) context.receipts.remember(id, receipt);
  await context.lifecycle.accept(
    submission(context, { id, ...recipient, sender, message, reference: form.get('reference') }),
  );

  const json = { ...SEND_CODES.queued, data: [], responseData: 1 };
  return context.profile.malformedSendResponse ? truncatedJson(200, json) : { status: 200, json };
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A number the simulated networks reach and fiction reserves: anything else is refused as a
 * destination error, so no real phone is ever held.
 */
function readRecipient(raw: string): { readonly number: string; readonly country: string } {
  const number = toE164(raw.startsWith('0') || raw.startsWith('+') ? raw : `+${raw}`);
  if (!number) throw new FiretextRefusal('destination');

  const dramaMobile = isDramaMobile(number);
  const valid = dramaMobile || parsePhoneNumberFromString(number)?.isValid() === true;
  const country = dramaMobile ? HOME_COUNTRY : countryOf(number);
  if (!valid || !isFictionNumber(number) || !country || !destination(country)) {
    throw new FiretextRefusal('destination');
  }
  return { number, country };
}

/** An over-long alphanumeric sender is refused, unless the profile cuts it short instead. */
function readSender(raw: string, profile: ProfileBehaviour): string {
  const from = raw.trim();
  if (NUMERIC.test(from)) return from;
  if (!ALPHANUMERIC.test(from)) throw new FiretextRefusal('from');
  if (from.length <= MAX_ALPHANUMERIC) return from;
  if (profile.truncatesLongSenders) return from.slice(0, MAX_ALPHANUMERIC);
  throw new FiretextRefusal('from');
}

function submission(
  context: FiretextContext,
  sent: {
    readonly id: string;
    readonly number: string;
    readonly country: string;
    readonly sender: string;
    readonly message: string;
    readonly reference: string | null;
  },
): Submission {
  return {
    id: sent.id,
    dialect: 'firetext',
    accountId: context.account.accountId,
    keyType: 'live',
    test: false,
    to: sent.number.slice(1),
    number: sent.number,
    country: sent.country,
    body: sent.message,
    wireBody: sent.message,
    sender: sent.sender,
    reference: sent.reference,
    templateId: '',
    templateVersion: 0,
    fragments: analyse(sent.message).segments,
    rateMultiplier: rateMultiplier(sent.country, context.profile.surchargesAbroad),
  };
}
