import { GSM7_EXTENSION_TABLE } from './gsm7.ts';
import { WELSH_NON_GSM, sanitise } from './sanitise.ts';
import type { Encoding } from './segments.ts';

/** Notify refuses a text longer than this, counted after sanitising and without its prefix. */
export const NOTIFY_CHARACTER_LIMIT = 918;

export interface NotifyFragments {
  /** The text after Notify's sanitising, which is what it counts and sends. */
  readonly sanitised: string;
  readonly encoding: Encoding;
  /** Characters of the sanitised text: what Notify holds against its 918-character limit. */
  readonly characters: number;
  /** What the fragment formula divides: characters, plus one per extension character in GSM-7. */
  readonly units: number;
  readonly fragments: number;
}

/**
 * GOV.UK Notify's own fragment count, which is what it bills, modelled on purpose. It differs
 * from `analyse` in two ways: it sanitises first (so an emoji becomes a one-septet `?` and only
 * Welsh letters force UCS-2), and it divides by 153 or 67 without keeping ESC pairs or
 * surrogate pairs whole, so a text whose parts would each hold 152 septets counts one fewer.
 */
export function notifyFragments(text: string): NotifyFragments {
  const sanitised = sanitise(text);
  const chars = [...sanitised];
  const encoding: Encoding = chars.some((char) => WELSH_NON_GSM.has(char)) ? 'UCS-2' : 'GSM-7';

  // Extension characters count twice only while the text is GSM-7 (notifications-utils#1371).
  const surcharge =
    encoding === 'GSM-7' ? chars.filter((char) => GSM7_EXTENSION_TABLE.has(char)).length : 0;
  const units = sanitised.length + surcharge;

  return {
    sanitised,
    encoding,
    characters: sanitised.length,
    units,
    fragments: count(units, encoding),
  };
}

function count(units: number, encoding: Encoding): number {
  const [single, part] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  return units <= single ? 1 : Math.ceil(units / part);
}
