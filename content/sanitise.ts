import { GSM7_DEFAULT_ALPHABET, GSM7_EXTENSION_TABLE } from './gsm7.ts';

/**
 * Typographic characters with a plain equivalent, and invisible ones that go. GOV.UK Notify's
 * list (notifications-utils sanitise_text.py), plus the non-breaking hyphen, minus sign and
 * low-9 quotes that later versions of that list also map.
 */
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['\u2011', '-'], // non-breaking hyphen
  ['\u2013', '-'], // en dash
  ['\u2014', '-'], // em dash
  ['\u2212', '-'], // minus sign
  ['\u2026', '...'], // horizontal ellipsis
  ['\u2018', "'"], // left single quotation mark
  ['\u2019', "'"], // right single quotation mark
  ['\u201a', "'"], // single low-9 quotation mark
  ['\u201c', '"'], // left double quotation mark
  ['\u201d', '"'], // right double quotation mark
  ['\u201e', '"'], // double low-9 quotation mark
  ['\u180e', ''], // Mongolian vowel separator
  ['\u200b', ''], // zero width space
  ['\u200c', ''], // zero width non-joiner
  ['\u200d', ''], // zero width joiner
  ['\u2060', ''], // word joiner
  ['\ufeff', ''], // zero width no-break space
  ['\u2028', ''], // line separator: removed, so the words either side join
  ['\u2029', ''], // paragraph separator
  ['\u00a0', ' '], // no-break space
  ['\u202f', ' '], // narrow no-break space
  ['\t', ' '],
  ['Ł', 'L'],
  ['ł', 'l'],
]);

/** Welsh letters with a grave, acute, diaeresis or circumflex; Notify keeps every one of them. */
const WELSH_LETTERS = new Set('àèìòùẁỳÀÈÌÒÙẀỲáéíóúẃýÁÉÍÓÚẂÝäëïöüẅÿÄËÏÖÜẄŸâêîôûŵŷÂÊÎÔÛŴŶ');

// Notify's GSM list keeps ESC as an ordinary character and leaves out form feed.
const NOTIFY_GSM = new Set([
  ...GSM7_DEFAULT_ALPHABET,
  ...[...GSM7_EXTENSION_TABLE.keys()].filter((char) => char !== '\f'),
]);

const KEPT = new Set([...NOTIFY_GSM, ...WELSH_LETTERS]);

/** The Welsh letters outside GSM-7 (ŵ, ŷ, â…): the only characters Notify sends as UCS-2. */
export const WELSH_NON_GSM: ReadonlySet<string> = new Set(
  [...WELSH_LETTERS].filter((char) => !NOTIFY_GSM.has(char)),
);

/**
 * The text as GOV.UK Notify would send it: GSM-7 and Welsh letters kept, typographic punctuation
 * made plain, invisible characters dropped, other accented letters reduced to their base letter
 * and anything else (emoji, Cyrillic, CJK) turned into `?`.
 *
 * @example sanitise('“Hi” — it’s ok') // '"Hi" - it\'s ok'
 */
export function sanitise(text: string): string {
  return [...text].map(sanitiseChar).join('');
}

/** What `sanitise` makes of one character (one code point); possibly '' or several chars. */
export function sanitiseChar(char: string): string {
  if (KEPT.has(char)) return char;

  const replacement = REPLACEMENTS.get(char);
  if (replacement !== undefined) return replacement;

  // A letter with diacritics decomposes to its base letter followed by combining marks.
  const base = [...char.normalize('NFD')][0];
  if (base !== undefined && base !== char && KEPT.has(base)) return base;

  return '?';
}
