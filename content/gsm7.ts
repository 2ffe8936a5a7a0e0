/**
 * The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 §6.2.1), as the
 * characters a text may hold and what each costs in septets.
 */

/** The escape septet (0x1B): it introduces an extension character and is not text itself. */
const ESC = '\u001b';

/**
 * The default alphabet in code order: the character at index N is septet N. Capital `Ç` sits at
 * 0x09; lowercase `ç` is absent (copies of Unicode's GSM0338.TXT that put `ç` there are wrong).
 */
export const GSM7_DEFAULT_ALPHABET =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ' +
  ESC +
  'ÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Extension characters and their code after ESC; each costs two septets. */
export const GSM7_EXTENSION_TABLE: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

const BASIC = new Set([...GSM7_DEFAULT_ALPHABET].filter((char) => char !== ESC));

/**
 * Septets one character (one code point) costs in GSM-7: 1 for the default alphabet, 2 for the
 * extension table, undefined when it cannot be sent in GSM-7 at all.
 */
export function septetsOf(char: string): 1 | 2 | undefined {
  if (BASIC.has(char)) return 1;
  if (GSM7_EXTENSION_TABLE.has(char)) return 2;
  return undefined;
}

export function isGsm7Char(char: string): boolean {
  return septetsOf(char) !== undefined;
}
