import { septetsOf } from '../content/gsm7.ts';
import { readUkMobile } from './uk-mobile.ts';

/** The sender kinds the Service Manual allows, and everything else. */
export type SenderKind = 'alphanumeric' | 'shortcode' | 'uk-mobile' | 'invalid';

export type SenderReason =
  | 'empty'
  | 'alphanumeric-too-long'
  | 'no-letter'
  | 'non-gsm-character'
  | 'number-has-formatting'
  | 'not-shortcode-or-uk-mobile'
  | 'crown-dependency-number';

export interface SenderClassification {
  readonly kind: SenderKind;
  /** Why the sender is invalid, or a note about a valid one; empty for a plain valid sender. */
  readonly reasons: SenderReason[];
  /** For text senders: what a handset shows, cut to the 11 characters the field holds. */
  readonly display?: string;
  /** For `uk-mobile`: the number in E.164. */
  readonly e164?: string;
}

export const SENDER_REASON_TEXT: Readonly<Record<SenderReason, string>> = {
  empty: 'The sender is empty.',
  'alphanumeric-too-long':
    'A text sender holds at most 11 characters; handsets would show it cut short.',
  'no-letter': 'A text sender needs at least one letter.',
  'non-gsm-character': 'A text sender can only use characters of the GSM alphabet.',
  'number-has-formatting': 'A number sender must be written as digits only, without spaces.',
  'not-shortcode-or-uk-mobile':
    'A number sender must be a shortcode of 5 or 6 digits or a full UK mobile number.',
  'crown-dependency-number': 'The number belongs to Jersey, Guernsey or the Isle of Man.',
};

/** 3GPP TS 23.040: the originating address holds 10 octets, which is 11 GSM-7 septets. */
const ALPHANUMERIC_SEPTETS = 11;
const SHORTCODE = /^\d{5,6}$/;
const LETTER = /\p{L}/u;

/** Digits, perhaps with a leading `+` and the formatting people put into numbers. */
const NUMBER_LIKE = /^\+?[\d\s().-]+$/;
const NUMBER_FORMATTING = /[\s().-]/g;

/**
 * Sorts a sender ID into the kinds the GOV.UK Service Manual allows: alphanumeric (up to 11
 * GSM characters, at least one a letter), a shortcode of 5 or 6 digits, or a full UK mobile.
 * Anything else is `invalid`, with the reasons.
 */
export function classifySender(sender: string): SenderClassification {
  if (sender === '') return { kind: 'invalid', reasons: ['empty'] };
  return NUMBER_LIKE.test(sender) && /\d/.test(sender)
    ? classifyNumber(sender)
    : classifyText(sender);
}

/** Whether people can reply to a sender of this kind (SID-03, SID-05). */
export function repliesPossible(kind: SenderKind): boolean {
  return kind === 'shortcode' || kind === 'uk-mobile';
}

function classifyNumber(sender: string): SenderClassification {
  const digits = sender.replace(NUMBER_FORMATTING, '');
  const reasons: SenderReason[] = digits === sender ? [] : ['number-has-formatting'];

  if (SHORTCODE.test(digits)) return withKind('shortcode', reasons);

  const mobile = readUkMobile(digits);
  if (!mobile.ok) return { kind: 'invalid', reasons: [...reasons, 'not-shortcode-or-uk-mobile'] };
  if (reasons.length > 0) return { kind: 'invalid', reasons };

  const notes: SenderReason[] = mobile.crownDependency ? ['crown-dependency-number'] : [];
  return { kind: 'uk-mobile', reasons: notes, e164: mobile.e164 };
}

function classifyText(sender: string): SenderClassification {
  const characters = [...sender];
  const reasons: SenderReason[] = [];

  if (characters.some((char) => septetsOf(char) === undefined)) reasons.push('non-gsm-character');
  if (septetCount(characters) > ALPHANUMERIC_SEPTETS) reasons.push('alphanumeric-too-long');
  if (!LETTER.test(sender)) reasons.push('no-letter');

  const display = fittingPrefix(characters);
  return { ...withKind('alphanumeric', reasons), display };
}

/** The kind when nothing is wrong, `invalid` otherwise. */
function withKind(kind: SenderKind, reasons: SenderReason[]): SenderClassification {
  return { kind: reasons.length === 0 ? kind : 'invalid', reasons };
}

// A character outside GSM cannot be sent at all; it counts 1 so the display is still sensible.
function septetCount(characters: readonly string[]): number {
  return characters.reduce((total, char) => total + (septetsOf(char) ?? 1), 0);
}

/** The leading characters that fit the field; an extension character takes two septets. */
function fittingPrefix(characters: readonly string[]): string {
  let used = 0;
  let shown = '';

  for (const char of characters) {
    used += septetsOf(char) ?? 1;
    if (used > ALPHANUMERIC_SEPTETS) break;
    shown += char;
  }

  return shown;
}
