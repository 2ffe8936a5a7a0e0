import { isFictionNumber } from '../../../numbering/index.ts';
import { countryOf, destination, HOME_COUNTRY } from '../../aggregator/destinations.ts';
import { newMessageId } from '../../aggregator/message-id.ts';
import type { FinalStatus } from '../../aggregator/message.ts';
import type { RouteRequest, RouteResponse } from '../../aggregator/router.ts';
import { truncatedJson } from '../../aggregator/truncated-json.ts';
import type { Caller } from './auth.ts';
import { urlRoot, type NotifyContext } from './context.ts';
import { badRequest, NotifyApiError } from './errors.ts';
import { readPhoneNumber, type ValidPhoneNumber } from './phone-number.ts';
import { rateMultiplier } from './prices.ts';
import { validatePostSms } from './schemas.ts';
import type { NotifySenders } from './senders.ts';
import { postSmsResponse } from './serialise.ts';
import type { NotifyService } from './service.ts';
import { measure, SMS_CHAR_COUNT_LIMIT } from './sms-length.ts';
import { fillTemplate } from './template.ts';

/** Notify's smoke-test numbers: validated and answered, never stored, sent or receipted. */
const SMOKE_NUMBERS = new Set(['447700900000', '447700900111', '447700900222']);

const FICTION_ONLY =
  'The simulator texts numbers abroad only where they are reserved for fiction: ' +
  '555-0100 to 555-0199 in the US and Canada, and the ACMA list in Australia';

/**
 * `POST /v2/notifications/sms`, in Notify's order of checks: key, JSON, schema, template,
 * sender, recipient, length. Smoke-test numbers get a normal-looking reply and nothing else.
 */
export async function sendSms(
  context: NotifyContext,
  request: RouteRequest,
): Promise<RouteResponse> {
  const caller = await context.auth.authenticate(request.headers.authorization);
  const form = validatePostSms(parseJson(request.body));
  const { service } = caller;

  if (form.templateId !== service.templateId) throw badRequest('Template not found');
  const body = fillTemplate(service.templateContent, form.personalisation);
  const sender = senderText(context.senders, service, form.smsSenderId);
  const { recipient, country } = checkRecipient(form.phone, caller, context.internationalSms);
  const counted = measure(body);
  checkLength(counted.characters);

  const id = newMessageId();
  if (!SMOKE_NUMBERS.has(recipient.normalised)) {
    await context.lifecycle.accept({
      id,
      dialect: 'notify',
      accountId: service.serviceId,
      keyType: caller.key.type,
      test: caller.key.type === 'test',
      testOutcome: testOutcome(recipient.normalised),
      to: form.phoneNumber,
      number: recipient.e164,
      country,
      body,
      wireBody: counted.sanitised,
      sender,
      reference: form.reference,
      templateId: service.templateId,
      templateVersion: service.templateVersion,
      fragments: counted.fragments,
      rateMultiplier: rateMultiplier(country, context.profile.surchargesAbroad),
    });
  }

  const json = postSmsResponse(
    {
      id,
      reference: form.reference,
      body,
      fromNumber: sender,
      templateId: service.templateId,
      templateVersion: service.templateVersion,
      serviceId: service.serviceId,
    },
    urlRoot(request),
  );
  return context.profile.malformedSendResponse ? truncatedJson(201, json) : { status: 201, json };
}

/** Flask's `get_json(force=True)`, then `or {}`: any falsy JSON value reads as an empty object. */
function parseJson(body: Buffer): unknown {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('Invalid JSON supplied in POST data');
  }
  // Nothing Notify accepts nests deeply; refusing early keeps error rendering from recursing.
  if (depthOf(json) > MAX_DEPTH) throw badRequest('Invalid JSON supplied in POST data');

  const empty = Array.isArray(json) ? json.length === 0 : !json || isEmptyObject(json);
  return empty ? {} : json;
}

const MAX_DEPTH = 32;

/** How many levels of arrays and objects `value` nests, counting no further than past the cap. */
function depthOf(value: unknown): number {
  let depth = 0;
  let level: unknown[] = [value];
  for (;;) {
    level = level.flatMap((v) => (v !== null && typeof v === 'object' ? Object.values(v) : []));
    if (level.length === 0 || depth > MAX_DEPTH) return depth;
    depth++;
  }
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function senderText(
  senders: NotifySenders,
  service: NotifyService,
  smsSenderId: string | undefined,
): string {
  if (smsSenderId === undefined) return senders.default().text;

  const sender = senders.find(smsSenderId);
  if (sender) return sender.text;
  throw badRequest(
    `sms_sender_id ${smsSenderId} does not exist in database for service id ${service.serviceId}`,
  );
}

/**
 * Who may be texted with this key, then what kind of number it is and in which country.
 * Smoke-test numbers work with any key type, as the documentation promises.
 */
function checkRecipient(
  reading: ValidPhoneNumber,
  caller: Caller,
  international: boolean,
): { recipient: ValidPhoneNumber; country: string } {
  const smoke = SMOKE_NUMBERS.has(reading.normalised);
  if (caller.key.type === 'team' && !smoke && !isTeamNumber(caller.service, reading.normalised)) {
    throw badRequest('Can’t send to this recipient using a team-only API key');
  }

  if (reading.international) return { recipient: reading, country: abroad(reading, international) };
  if (reading.landline) {
    throw new NotifyApiError(400, [
      { error: 'InvalidPhoneError', message: 'Not a UK mobile number' },
    ]);
  }
  return { recipient: reading, country: HOME_COUNTRY };
}

/** The country of a number abroad, where the service may text abroad and the number is fiction. */
function abroad(reading: ValidPhoneNumber, international: boolean): string {
  if (!international) throw badRequest('Cannot send to international mobile numbers');

  const country = countryOf(reading.e164);
  if (!isFictionNumber(reading.e164) || !country || !destination(country)) {
    throw badRequest(FICTION_ONLY);
  }
  return country;
}

function isTeamNumber(service: NotifyService, normalised: string): boolean {
  return service.teamNumbers.some((n) => {
    const member = readPhoneNumber(n);
    return member.ok && member.normalised === normalised;
  });
}

function checkLength(count: number): void {
  if (count <= SMS_CHAR_COUNT_LIMIT) return;
  throw badRequest(
    `Your message is too long. Text messages cannot be longer than ${SMS_CHAR_COUNT_LIMIT} ` +
      `characters. Your message is ${count} characters long.`,
  );
}

/** Test-key outcomes by Notify's test numbers (matched on the end, as Notify does). */
function testOutcome(normalised: string): FinalStatus {
  if (normalised.endsWith('7700900003')) return 'temporary-failure';
  if (normalised.endsWith('7700900002')) return 'permanent-failure';
  return 'delivered';
}
