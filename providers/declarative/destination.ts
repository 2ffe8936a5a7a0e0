import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { ProviderResponseError } from '../../core/errors.ts';

/** The spellings of a destination a description can ask for; national numbers are UK ones. */
export function destinationSpellings(number: string): Record<string, string> {
  const parsed = parsePhoneNumberFromString(number, 'GB');
  if (!parsed) {
    throw new ProviderResponseError('number_unreadable', `cannot read '${number}' as a number`);
  }
  return {
    'to.e164': parsed.number,
    'to.msisdn': parsed.number.slice(1),
    'to.national': parsed.formatNational().replace(/\s/g, ''),
  };
}
