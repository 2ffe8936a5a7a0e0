export type PersonalDataKind = 'phone_number' | 'email_address' | 'ni_number' | 'card_number';

export interface FoundPersonalData {
  readonly kind: PersonalDataKind;
  /** UTF-16 index where it starts; the value itself is not kept, so it cannot leak further. */
  readonly at: number;
}

/*
 * Patterns for data a text should not carry. Texts are not secure: they sit unencrypted on the
 * handset and are shown on lock screens.
 */
const PATTERNS: ReadonlyArray<readonly [PersonalDataKind, RegExp]> = [
  // A full UK mobile number: 07…, +44 7… or 0044 7…, with optional spaces or hyphens.
  [
    'phone_number',
    /(?<![\d+])(?:(?:\+|00)44\s?(?:\(0\)\s?)?7\d{3}|\(?07\d{3}\)?)[\s-]?\d{3}[\s-]?\d{3}(?!\d)/gu,
  ],
  ['email_address', /(?<![\w.%+-])[\w.%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/giu],
  // Two letters, six digits, a suffix A to D: the shape of a National Insurance number.
  ['ni_number', /(?<![a-z\d])[a-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d](?![a-z\d])/giu],
  // Sixteen digits, in fours with the same separator throughout or none.
  ['card_number', /(?<!\d)\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?!\d)/gu],
];

/** Each place a text seems to hold personal data, in order of kind, then position. */
export function findPersonalData(text: string): FoundPersonalData[] {
  return PATTERNS.flatMap(([kind, pattern]) =>
    [...text.matchAll(pattern)].map((match) => ({ kind, at: match.index })),
  );
}
