import type { RouteRequest, RouteResponse } from '../../aggregator/router.ts';
import { authenticate, refuseTestCredentials } from './auth.ts';
import type { TwilioContext } from './context.ts';
import { invalidParameter, notFound } from './errors.ts';
import type { SmsWebhook } from './phone-numbers.ts';
import type { TwilioSender } from './senders.ts';
import { API_VERSION } from './serialise.ts';

/** `GET /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json`, filtered by PhoneNumber. */
export function listPhoneNumbers(context: TwilioContext, request: RouteRequest): RouteResponse {
  const accountSid = owner(context, request);
  const wanted = request.query.get('PhoneNumber');
  const numbers = context.phoneNumbers
    .list()
    .filter((n) => wanted === null || n.text === wanted.trim());

  const uri = `/${API_VERSION}/Accounts/${accountSid}/IncomingPhoneNumbers.json`;
  return {
    status: 200,
    json: {
      incoming_phone_numbers: numbers.map((n) => resource(context, accountSid, n)),
      start: 0,
      end: Math.max(numbers.length - 1, 0),
      page: 0,
      page_size: 50,
      uri,
      first_page_uri: uri,
      previous_page_uri: null,
      next_page_uri: null,
    },
  };
}

/** `GET /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json` */
export function fetchPhoneNumber(context: TwilioContext, request: RouteRequest): RouteResponse {
  const accountSid = owner(context, request);
  const number = named(context, request);
  return { status: 200, json: resource(context, accountSid, number) };
}

/**
 * `POST /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json` with `SmsUrl` and
 * `SmsMethod` (GET or POST, POST by default); an empty `SmsUrl` takes the webhook away.
 */
export function updatePhoneNumber(context: TwilioContext, request: RouteRequest): RouteResponse {
  const accountSid = owner(context, request);
  const number = named(context, request);
  const form = new URLSearchParams(request.body.toString('utf8'));
  const current = context.phoneNumbers.webhookOf(number.sid);

  const smsMethod = readMethod(form.get('SmsMethod')) ?? current?.smsMethod ?? 'POST';
  const smsUrl = form.has('SmsUrl') ? readUrl(form.get('SmsUrl') ?? '') : current?.smsUrl;
  const webhook: SmsWebhook | undefined =
    smsUrl === undefined || smsUrl === '' ? undefined : { smsUrl, smsMethod };
  context.phoneNumbers.setWebhook(number.sid, webhook);
  return { status: 200, json: resource(context, accountSid, number) };
}

function owner(context: TwilioContext, request: RouteRequest): string {
  const accountSid = request.params['accountSid'] ?? '';
  const caller = authenticate(context.account, request.headers, accountSid, request.path);
  refuseTestCredentials(caller);
  return accountSid;
}

function named(context: TwilioContext, request: RouteRequest): TwilioSender {
  const file = request.params['file'] ?? '';
  const number = file.endsWith('.json')
    ? context.phoneNumbers.find(file.slice(0, -'.json'.length))
    : undefined;
  if (!number) throw notFound(request.path);
  return number;
}

function readMethod(raw: string | null): 'GET' | 'POST' | undefined {
  if (raw === null) return undefined;
  const method = raw.trim().toUpperCase();
  if (method === 'GET' || method === 'POST') return method;
  throw invalidParameter(20001, `SmsMethod must be GET or POST, not '${raw}'`);
}

/** Twilio takes http and https URLs for webhooks; anything else is refused. */
function readUrl(raw: string): string {
  if (raw === '') return raw;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url?.protocol === 'https:' || url?.protocol === 'http:') return raw;
  throw invalidParameter(21502, `SmsUrl is not a valid http or https URL: '${raw}'`);
}

/** An IncomingPhoneNumber as Twilio's REST API returns it, as far as SMS is concerned. */
function resource(context: TwilioContext, accountSid: string, number: TwilioSender) {
  const webhook = context.phoneNumbers.webhookOf(number.sid);
  return {
    account_sid: accountSid,
    api_version: API_VERSION,
    beta: false,
    capabilities: { voice: false, sms: true, mms: false, fax: false },
    friendly_name: number.text,
    origin: 'twilio',
    phone_number: number.text,
    sid: number.sid,
    sms_application_sid: '',
    sms_fallback_method: 'POST',
    sms_fallback_url: '',
    sms_method: webhook?.smsMethod ?? 'POST',
    sms_url: webhook?.smsUrl ?? '',
    status: 'in-use',
    uri: `/${API_VERSION}/Accounts/${accountSid}/IncomingPhoneNumbers/${number.sid}.json`,
  };
}
