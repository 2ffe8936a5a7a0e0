import { DESTINATIONS, HOME_COUNTRY, destination } from '../../aggregator/destinations.ts';

/** £ per fragment from 1 April 2026 (facts §1.9). */
export const SMS_RATE = 0.024;

export interface PriceRow {
  readonly country: string;
  readonly name: string;
  readonly dialCode: string;
  readonly internationalRateMultiplier: number;
}

/** `GET /_sim/prices`: what a fragment costs, by destination. */
export interface PriceTable {
  readonly currency: 'GBP';
  readonly smsRate: number;
  readonly rates: readonly PriceRow[];
}

/**
 * How many times the home price a fragment to `country` costs. The simulator follows the
 * Service Manual, which promises no surcharge abroad, so it is 1 everywhere (Notify itself
 * charges multipliers, facts §1.9); `surcharges` is the `overseas-surcharge` profile.
 */
export function rateMultiplier(country: string, surcharges: boolean): number {
  if (!surcharges || country === HOME_COUNTRY) return 1;
  return destination(country)?.surchargeMultiplier ?? 1;
}

export function priceTable(surcharges: boolean): PriceTable {
  return {
    currency: 'GBP',
    smsRate: SMS_RATE,
    rates: DESTINATIONS.map((d) => ({
      country: d.country,
      name: d.name,
      dialCode: d.dialCode,
      internationalRateMultiplier: rateMultiplier(d.country, surcharges),
    })),
  };
}
