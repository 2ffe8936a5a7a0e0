import { ukE164 } from '../e164.ts';

/** Vonage wants the number in international form without the `+`. */
export function vonageMsisdn(number: string): string {
  return ukE164(number).slice(1);
}
