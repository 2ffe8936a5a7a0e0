import { isGsm7Char } from './gsm7.ts';
import { WELSH_NON_GSM, sanitiseChar } from './sanitise.ts';

export type CharacterKind =
  | 'quote'
  | 'dash'
  | 'ellipsis'
  | 'space'
  | 'invisible'
  | 'emoji'
  | 'welsh-letter'
  | 'letter'
  | 'accent'
  | 'symbol';

export interface CharacterAdvice {
  readonly kind: CharacterKind;
  /** A reader's name for it: 'right single quotation mark', 'emoji', 'letter'. */
  readonly label: string;
  /** GSM-7 text that can stand in for it ('' to delete it); absent when nothing can. */
  readonly replacement?: string;
}

/** Names for the characters that word processors and phones slip into texts most often. */
const NAMES: ReadonlyMap<string, string> = new Map([
  ['\u2018', 'left single quotation mark'],
  ['\u2019', 'right single quotation mark'],
  ['\u201a', 'single low-9 quotation mark'],
  ['\u201c', 'left double quotation mark'],
  ['\u201d', 'right double quotation mark'],
  ['\u201e', 'double low-9 quotation mark'],
  ['\u00ab', 'left guillemet'],
  ['\u00bb', 'right guillemet'],
  ['`', 'backtick'],
  ['\u2011', 'non-breaking hyphen'],
  ['\u2013', 'en dash'],
  ['\u2014', 'em dash'],
  ['\u2212', 'minus sign'],
  ['\u2026', 'ellipsis'],
  ['\t', 'tab'],
  ['\u00a0', 'no-break space'],
  ['\u202f', 'narrow no-break space'],
  ['\u2028', 'line separator'],
  ['\u2029', 'paragraph separator'],
  ['\u200b', 'zero width space'],
  ['\u200c', 'zero width non-joiner'],
  ['\u200d', 'zero width joiner'],
  ['\u2060', 'word joiner'],
  ['\ufeff', 'zero width no-break space'],
]);

const QUOTES = new Set(
  '\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a`\u00b4',
);

/** What a character outside GSM-7 is, and what could replace it. */
export function adviseOn(char: string): CharacterAdvice {
  const kind = kindOf(char);
  const label = NAMES.get(char) ?? LABELS[kind];
  const replacement = gsmReplacement(char);
  return replacement === undefined ? { kind, label } : { kind, label, replacement };
}

function kindOf(char: string): CharacterKind {
  if (QUOTES.has(char)) return 'quote';
  if (char === '\u2026') return 'ellipsis';
  if (char === '\u2212' || /\p{Pd}/u.test(char)) return 'dash';
  if (char === '\t' || /\p{Zs}/u.test(char)) return 'space';

  // Emoji first: their selectors, keycaps and skin tones would otherwise pass for other kinds.
  if (isEmoji(char)) return 'emoji';

  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(char)) return 'invisible';
  if (WELSH_NON_GSM.has(char)) return 'welsh-letter';
  if (/\p{L}/u.test(char)) return 'letter';
  if (/\p{M}/u.test(char)) return 'accent';
  return 'symbol';
}

/** Pictographs outside the BMP, or ones shown as emoji by default; © and ™ stay symbols. */
function isEmoji(char: string): boolean {
  if (/[\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Regional_Indicator}\u20e3\ufe0f]/u.test(char)) {
    return true;
  }
  return /\p{Extended_Pictographic}/u.test(char) && (char.codePointAt(0) ?? 0) > 0xffff;
}

const LABELS: Readonly<Record<CharacterKind, string>> = {
  quote: 'quotation mark',
  dash: 'dash',
  ellipsis: 'ellipsis',
  space: 'space character',
  invisible: 'invisible character',
  emoji: 'emoji',
  'welsh-letter': 'Welsh letter',
  letter: 'letter',
  accent: 'combining accent',
  symbol: 'symbol',
};

/** Notify's replacement, when it is plain GSM-7; Welsh letters are kept, so they have none. */
function gsmReplacement(char: string): string | undefined {
  const sanitised = sanitiseChar(char);
  if (sanitised === '?' || sanitised === char) return undefined;
  return [...sanitised].every(isGsm7Char) ? sanitised : undefined;
}
