import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { ProviderResponseError } from '../../core/errors.ts';

/**
 * Vonage wants the number in international form without the `+`. National numbers are read as
 * UK ones, the harness's home; the drama range parses although libphonenumber calls it invalid.
 */
export function vonageMsisdn(number: string): string {
  const parsed = parsePhoneNumberFromString(number, 'GB');
  if (!parsed) {
    throw new ProviderResponseError('number_unreadable', `cannot read '${number}' as a number`);
  }
  return parsed.number.slice(1);
}
