import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A country the simulated networks reach, with what its networks and prices do. */
export interface Destination {
  /** ISO 3166 alpha-2, as libphonenumber spells it: `GB`, not `UK`. */
  readonly country: string;
  readonly name: string;
  readonly dialCode: string;
  /**
   * Whether its networks send delivery receipts that Notify records: only countries whose `dlr`
   * is `YES` in notifications-utils' international_billing_rates.yml (read at a9af02ae). US and
   * Canada say `Carrier DLR`, which Notify's `country_records_delivery` counts as none.
   */
  readonly deliveryReceipts: boolean;
  /** The rate multiplier the `overseas-surcharge` profile charges: above 1 everywhere abroad. */
  readonly surchargeMultiplier: number;
}

export const HOME_COUNTRY = 'GB';

/**
 * Only countries with a textable fiction range (numbering/fiction-ranges.ts) are listed: the
 * simulator texts no other number abroad.
 */
export const DESTINATIONS: readonly Destination[] = [
  {
    country: 'GB',
    name: 'United Kingdom',
    dialCode: '44',
    deliveryReceipts: true,
    surchargeMultiplier: 1,
  },
  {
    country: 'US',
    name: 'United States',
    dialCode: '1',
    deliveryReceipts: false,
    surchargeMultiplier: 2,
  },
  { country: 'CA', name: 'Canada', dialCode: '1', deliveryReceipts: false, surchargeMultiplier: 2 },
  {
    country: 'AU',
    name: 'Australia',
    dialCode: '61',
    deliveryReceipts: true,
    surchargeMultiplier: 2,
  },
];

export function destination(country: string): Destination | undefined {
  return DESTINATIONS.find((d) => d.country === country);
}

/** The country an E.164 number belongs to, as libphonenumber-js places it. */
export function countryOf(e164: string): string | undefined {
  return parsePhoneNumberFromString(e164)?.country;
}
