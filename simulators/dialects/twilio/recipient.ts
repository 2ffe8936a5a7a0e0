import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isDramaMobile, isFictionNumber } from '../../../numbering/index.ts';
import { countryOf, destination, HOME_COUNTRY } from '../../aggregator/destinations.ts';
import { toE164 } from '../../aggregator/e164.ts';
import { invalidParameter } from './errors.ts';

export interface Recipient {
  readonly e164: string;
  readonly country: string;
}

/**
 * The `To` of a send: an E.164 number (Twilio reads national spellings only with a country it
 * cannot know here), then one the simulator may text: a number reserved for fiction in a
 * country its networks reach. Other real numbers are refused as Twilio refuses a region the
 * account has no geo permission for (21408), so no real phone is ever held.
 */
export function readRecipient(raw: string): Recipient {
  const e164 = raw.trim().startsWith('+') ? toE164(raw) : undefined;
  const valid =
    e164 !== undefined &&
    (isDramaMobile(e164) || parsePhoneNumberFromString(e164)?.isValid() === true);
  if (!valid) throw invalidParameter(21211, `The 'To' number ${raw} is not a valid phone number.`);

  const country = isDramaMobile(e164) ? HOME_COUNTRY : countryOf(e164);
  if (!isFictionNumber(e164) || !country || !destination(country)) {
    throw invalidParameter(
      21408,
      `Permission to send an SMS has not been enabled for the region indicated by the 'To' ` +
        `number: ${raw}.`,
    );
  }
  return { e164, country };
}
