import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isDramaMobile, isFictionNumber } from '../../../numbering/index.ts';
import { countryOf, destination, HOME_COUNTRY } from '../../aggregator/destinations.ts';
import { invalid, VonageRefusal } from './refusal.ts';

export interface Recipient {
  readonly e164: string;
  readonly country: string;
}

/**
 * The `to` of a send: international digits without the `+` (one is tolerated), 7 to 15 of
 * them. A number no network knows is an invalid message (6). A real number is refused as a
 * demo account refuses anyone not on its whitelist (29), so no real phone is ever held.
 */
export function readRecipient(raw: string): Recipient {
  const digits = raw.trim().replace(/^\+/, '');
  if (!/^\d{7,15}$/.test(digits)) throw invalid('to param: international digits, 7 to 15');

  const e164 = `+${digits}`;
  const known = isDramaMobile(e164) || parsePhoneNumberFromString(e164)?.isValid() === true;
  if (!known) throw new VonageRefusal('6', 'Invalid Message: the destination is not routable');

  const country = isDramaMobile(e164) ? HOME_COUNTRY : countryOf(e164);
  if (!isFictionNumber(e164) || !country || !destination(country)) {
    throw new VonageRefusal('29', 'Non-Whitelisted Destination - rejected');
  }
  return { e164, country };
}
