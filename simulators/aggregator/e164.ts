/**
 * A phone number in E.164 for the simulator's own bookkeeping (handset inboxes). UK national
 * spellings (`07…`, `447…`) become `+447…`; anything else keeps its digits behind a `+`.
 */
export function toE164(raw: string): string | undefined {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15 || /[^\d\s()+-]/.test(trimmed)) return undefined;

  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+44${digits.slice(1)}`;
  return `+${digits}`;
}

/**
 * How a phone tells senders apart: numbers compare in E.164 whatever their spelling; text
 * senders and shortcodes (too short for E.164) compare as written.
 */
export function addressKey(address: string): string {
  return toE164(address) ?? address;
}
