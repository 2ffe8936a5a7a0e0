import { validationError } from './errors.ts';
import { readPhoneNumber, PHONE_PROBLEM_MESSAGES, type ValidPhoneNumber } from './phone-number.ts';
import { pythonRepr } from './python-repr.ts';
import { parseUuid } from './uuid.ts';

/**
 * Request validation with the messages Notify's JSON-schema validation produces: every problem
 * at once, in schema order, each prefixed by the field it concerns.
 */
export interface PostSmsForm {
  /** As the client sent it; Notify stores and echoes this form. */
  readonly phoneNumber: string;
  readonly phone: ValidPhoneNumber;
  readonly templateId: string;
  readonly personalisation: Record<string, unknown>;
  readonly reference: string | null;
  readonly smsSenderId: string | undefined;
}

const SMS_FIELDS = [
  'reference',
  'phone_number',
  'template_id',
  'personalisation',
  'scheduled_for',
  'sms_sender_id',
];

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

const DAY_MS = 24 * 60 * 60 * 1000;

export function validatePostSms(json: unknown): PostSmsForm {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw validationError([`${pythonRepr(json)} is not of type object`]);
  }

  const body = json as Record<string, unknown>;
  const problems = [
    ...checkReference(body),
    ...checkPhoneNumber(body),
    ...checkUuidField(body, 'template_id'),
    ...checkPersonalisation(body),
    ...checkScheduledFor(body),
    ...checkUuidField(body, 'sms_sender_id'),
    ...required(body, ['phone_number', 'template_id']),
    ...additionalProperties(Object.keys(body), SMS_FIELDS),
  ];
  if (problems.length > 0) throw validationError(problems);

  const phoneNumber = body.phone_number as string;
  return {
    phoneNumber,
    phone: readPhoneNumber(phoneNumber) as ValidPhoneNumber,
    templateId: parseUuid(body.template_id) as string,
    personalisation: (body.personalisation ?? {}) as Record<string, unknown>,
    reference: (body.reference ?? null) as string | null,
    smsSenderId: body.sms_sender_id === undefined ? undefined : parseUuid(body.sms_sender_id),
  };
}

function checkReference(body: Record<string, unknown>): string[] {
  if (!('reference' in body)) return [];
  const value = body.reference;
  if (typeof value !== 'string') return [`reference ${pythonRepr(value)} is not of type string`];
  return value.length > 1000 ? [`reference ${pythonRepr(value)} is too long`] : [];
}

function checkPhoneNumber(body: Record<string, unknown>): string[] {
  if (!('phone_number' in body)) return [];
  const value = body.phone_number;
  if (typeof value !== 'string') return [`phone_number ${pythonRepr(value)} is not of type string`];

  const reading = readPhoneNumber(value);
  return reading.ok ? [] : [`phone_number ${PHONE_PROBLEM_MESSAGES[reading.problem]}`];
}

function checkUuidField(body: Record<string, unknown>, field: string): string[] {
  if (!(field in body)) return [];
  return parseUuid(body[field]) ? [] : [`${field} is not a valid UUID`];
}

function checkPersonalisation(body: Record<string, unknown>): string[] {
  if (!('personalisation' in body)) return [];
  const value = body.personalisation;
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  return isObject ? [] : [`personalisation ${pythonRepr(value)} is not of type object`];
}

/** Validated as Notify does, then ignored: the v2 API no longer schedules texts. */
function checkScheduledFor(body: Record<string, unknown>): string[] {
  if (!('scheduled_for' in body) || body.scheduled_for === null) return [];
  const value = body.scheduled_for;
  if (typeof value !== 'string') {
    return [`scheduled_for ${pythonRepr(value)} is not of type string, null`];
  }

  const at = naiveUtc(value);
  if (at === undefined) {
    return [
      'scheduled_for datetime format is invalid. It must be a valid ISO8601 date time format, ' +
        'https://en.wikipedia.org/wiki/ISO_8601',
    ];
  }
  if (at < Date.now()) return ['scheduled_for datetime can not be in the past'];
  if (at > Date.now() + DAY_MS)
    return ['scheduled_for datetime can only be 24 hours in the future'];
  return [];
}

/** Notify drops any offset and compares the wall time with UTC now; so does this. */
function naiveUtc(value: string): number | undefined {
  const parts = ISO_DATE_TIME.exec(value);
  if (!parts) return undefined;

  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((p) => Number(p ?? 0));
  const at = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
  return Number.isNaN(at) || new Date(at).getUTCDate() !== day ? undefined : at;
}

function required(body: Record<string, unknown>, fields: readonly string[]): string[] {
  return fields.filter((f) => !(f in body)).map((f) => `${f} is a required property`);
}

export function additionalProperties(
  present: readonly string[],
  allowed: readonly string[],
): string[] {
  const extras = present.filter((key) => !allowed.includes(key));
  if (extras.length === 0) return [];

  const names = extras.map(pythonRepr).join(', ');
  const verb = extras.length === 1 ? 'was' : 'were';
  return [`Additional properties are not allowed (${names} ${verb} unexpected)`];
}
