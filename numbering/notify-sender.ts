export type NotifySenderReason =
  | 'empty'
  | 'too-short'
  | 'too-long'
  | 'character-not-allowed'
  | 'starts-with-00'
  | 'generic-sender'
  | 'numeric-not-mobile-or-shortcode'
  | 'nhs-no-reply-variant';

export interface NotifySenderVerdict {
  readonly valid: boolean;
  readonly reasons: NotifySenderReason[];
}

export const NOTIFY_SENDER_REASON_TEXT: Readonly<Record<NotifySenderReason, string>> = {
  empty: 'Notify needs a sender ID.',
  'too-short': 'Notify needs at least 3 characters.',
  'too-long': 'Notify allows at most 11 characters.',
  'character-not-allowed':
    'Notify allows only letters, digits, spaces and & . - _ (apostrophes break some networks).',
  'starts-with-00': 'Notify does not allow a sender ID that starts with 00.',
  'generic-sender': 'Notify does not allow Alert, Info or Verify, which spammers use.',
  'numeric-not-mobile-or-shortcode':
    'Notify needs a numeric sender ID to be a UK mobile (07 and 9 digits) or a shortcode.',
  'nhs-no-reply-variant': 'Notify asks NHS services to use exactly NHSNoReply.',
};

// Notify refuses these because spammers use them.
const GENERIC_SENDERS: ReadonlySet<string> = new Set(['info', 'verify', 'alert']);

interface NotifyRule {
  readonly reason: NotifySenderReason;
  readonly breaks: (sender: string) => boolean;
}

/**
 * The offline rules of Notify's sender form (notifications-admin `ServiceSmsSenderForm`, read at
 * 7da6bf9f). Its remaining rule asks Notify's API about phishing and cannot be checked here.
 */
const NOTIFY_RULES: readonly NotifyRule[] = [
  { reason: 'too-short', breaks: (s) => [...s].length < 3 },
  { reason: 'too-long', breaks: (s) => [...s].length > 11 },
  { reason: 'character-not-allowed', breaks: (s) => !/^[a-zA-Z0-9 &.\-_]+$/.test(s) },
  { reason: 'starts-with-00', breaks: (s) => s.startsWith('00') },
  { reason: 'generic-sender', breaks: (s) => GENERIC_SENDERS.has(s.toLowerCase()) },
  { reason: 'numeric-not-mobile-or-shortcode', breaks: isNumericButNotMobileOrShortcode },
  { reason: 'nhs-no-reply-variant', breaks: isNhsNoReplyVariant },
];

/**
 * Checks a sender ID against GOV.UK Notify's rules, which are stricter than the Service Manual's:
 * 3 to 11 of letters, digits, space and `& . - _`, not starting `00` (case BR-27), and the newer
 * rules on generic, numeric and NHS senders.
 */
export function validateNotifySender(sender: string): NotifySenderVerdict {
  // Notify's form strips surrounding whitespace before any rule sees the value.
  const value = sender.trim();
  if (value === '') return { valid: false, reasons: ['empty'] };

  const reasons = NOTIFY_RULES.filter((rule) => rule.breaks(value)).map((rule) => rule.reason);
  return { valid: reasons.length === 0, reasons };
}

function isNumericButNotMobileOrShortcode(sender: string): boolean {
  if (!/^[0-9.]+$/.test(sender)) return false;
  return !/^07\d{9}$/.test(sender) && !/^[6-8]\d{4}$/.test(sender);
}

function isNhsNoReplyVariant(sender: string): boolean {
  const lower = sender.toLowerCase();
  const looksLikeIt = lower.includes('nhs') && lower.includes('no') && lower.includes('reply');
  return looksLikeIt && sender !== 'NHSNoReply';
}
