import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js';

/** Why a number was refused, in the terms of Notify's `InvalidPhoneError` codes. */
export type PhoneProblem =
  'too-long' | 'too-short' | 'unknown-character' | 'bad-country-prefix' | 'invalid-number';

export interface ValidPhoneNumber {
  readonly ok: true;
  /** Digits with the country code and no `+`, as Notify normalises: `447700900123`. */
  readonly normalised: string;
  readonly e164: string;
  readonly international: boolean;
  readonly landline: boolean;
}

export type PhoneNumberReading =
  ValidPhoneNumber | { readonly ok: false; readonly problem: PhoneProblem };

/** The wording the v2 API uses for each problem (`get_legacy_v2_api_error_message`). */
export const PHONE_PROBLEM_MESSAGES: Readonly<Record<PhoneProblem, string>> = {
  'too-long': 'Too many digits',
  'too-short': 'Not enough digits',
  'unknown-character': 'Must not contain letters or symbols',
  'bad-country-prefix': 'Not a valid country prefix',
  'invalid-number': 'Number is not valid – double check the phone number you entered',
};

const ALLOWED_CHARACTERS = /^[\s()+\-0-9]*$/;
const UK = '44';

/**
 * Reads a recipient number the way Notify's validation does, with simple rules for the UK
 * instead of libphonenumber's (which rejects the 07700 900xxx drama range Notify accepts);
 * other countries go through libphonenumber-js.
 */
export function readPhoneNumber(raw: string): PhoneNumberReading {
  if (!ALLOWED_CHARACTERS.test(raw)) return { ok: false, problem: 'unknown-character' };

  const cleaned = raw.replace(/[\s()-]/g, '');
  const digits = cleaned.replace(/\D/g, '');
  if (digits === '') return { ok: false, problem: 'too-short' };

  const withCountry = withCountryCode(digits, cleaned.startsWith('+'));
  return withCountry.startsWith(UK)
    ? readUk(withCountry.slice(UK.length))
    : readAbroad(withCountry);
}

/** The digits with their country code, resolving the spellings people and spreadsheets use. */
function withCountryCode(digits: string, plus: boolean): string {
  // A stray `+0…` or a run of zeros is a UK number that lost its formatting.
  if ((plus && digits.startsWith('0')) || digits.startsWith('000')) {
    return UK + digits.replace(/^0+/, '');
  }
  if (plus) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.startsWith('0')) return UK + digits.slice(1);
  if (digits.startsWith(UK) && digits.length > 10) return digits;

  // Without a prefix, a number of UK length is read as UK with its trunk 0 left off.
  return digits.length === 9 || digits.length === 10 ? UK + digits : digits;
}

function readUk(national: string): PhoneNumberReading {
  // `+44 (0)7700 900123` carries the trunk 0 after the country code.
  const nsn = national.startsWith('0') ? national.slice(1) : national;
  const expected = nsn.startsWith('7') ? [10] : [9, 10];

  if (nsn.length > 10) return { ok: false, problem: 'too-long' };
  if (!expected.includes(nsn.length)) return { ok: false, problem: 'too-short' };

  const kind = ukKind(nsn);
  if (kind === 'invalid') return { ok: false, problem: 'invalid-number' };
  return {
    ok: true,
    normalised: UK + nsn,
    e164: `+${UK}${nsn}`,
    international: false,
    landline: kind === 'landline',
  };
}

/**
 * Ofcom's number ranges, coarsely: 07 mobile (070 personal numbers allowed, 076 pagers not,
 * except 07624), 01/02 geographic and 03 non-geographic landlines; the rest cannot take texts.
 */
function ukKind(nsn: string): 'mobile' | 'landline' | 'invalid' {
  const first = nsn[0];
  if (first === '7') return nsn.startsWith('76') && !nsn.startsWith('7624') ? 'invalid' : 'mobile';
  if (first === '1' || first === '2' || first === '3') return 'landline';
  return 'invalid';
}

function readAbroad(digits: string): PhoneNumberReading {
  const e164 = `+${digits}`;
  const length = validatePhoneNumberLength(e164);
  if (length === 'INVALID_COUNTRY') return { ok: false, problem: 'bad-country-prefix' };
  if (length === 'TOO_SHORT') return { ok: false, problem: 'too-short' };
  if (length === 'TOO_LONG') return { ok: false, problem: 'too-long' };

  if (!parsePhoneNumberFromString(e164)?.isValid()) return { ok: false, problem: 'invalid-number' };
  return { ok: true, normalised: digits, e164, international: true, landline: false };
}
