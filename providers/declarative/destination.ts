import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { ukE164 } from '../e164.ts';

/** The spellings of a destination a description can ask for; national numbers are UK ones. */
export function destinationSpellings(number: string): Record<string, string> {
  const e164 = ukE164(number);
  const national = parsePhoneNumberFromString(e164)?.formatNational() ?? number;
  return {
    'to.e164': e164,
    'to.msisdn': e164.slice(1),
    'to.national': national.replace(/\s/g, ''),
  };
}
