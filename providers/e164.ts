import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { ProviderResponseError } from '../core/errors.ts';

/**
 * A destination in E.164, as suppliers that want international form need it. National numbers
 * are read as UK ones, the harness's home; the drama range parses although libphonenumber
 * calls it invalid.
 */
export function ukE164(number: string): string {
  const parsed = parsePhoneNumberFromString(number, 'GB');
  if (!parsed) {
    throw new ProviderResponseError('number_unreadable', `cannot read '${number}' as a number`);
  }
  return parsed.number;
}
