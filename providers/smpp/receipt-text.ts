/**
 * The fields of a delivery receipt's text (SMPP 3.4 Appendix B). The appendix is an example
 * and vendors differ: fields go missing, `Text` changes case, dates gain seconds, `err` gains a
 * digit, extra fields appear. Every field is therefore optional and nothing here throws.
 */
export interface ReceiptText {
  readonly id?: string;
  readonly sub?: string;
  readonly dlvrd?: string;
  /** ISO 8601 in UTC; absent when missing, all zeros, or not a date. */
  readonly submitDate?: string;
  readonly doneDate?: string;
  readonly stat?: string;
  readonly err?: string;
  readonly text?: string;
}

const FIELDS = ['id', 'sub', 'dlvrd', 'submit date', 'done date', 'stat', 'err', 'text'] as const;

/** A known field name followed by a colon, at the start or after a space. */
const FIELD = new RegExp(`(?:^|\\s)(${FIELDS.join('|').replace(/ /g, '\\s+')}):`, 'gi');

/**
 * Reads the fields a receipt text has. A value is the first word after its name, except `text`,
 * which runs to the end; words between fields that no known name introduces are ignored.
 *
 * @example parseReceiptText('id:7F3A21 stat:DELIVRD err:000 text:Hi') // { id, stat, err, text }
 */
export function parseReceiptText(input: string): ReceiptText {
  const found: Record<string, string> = {};
  const matches = [...input.matchAll(FIELD)];

  for (const [index, match] of matches.entries()) {
    const name = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const start = (match.index ?? 0) + match[0].length;
    if (name in found) continue;
    // The message excerpt runs to the end, whatever words it holds.
    if (name === 'text') {
      found[name] = input.slice(start);
      break;
    }
    const end = matches[index + 1]?.index ?? input.length;
    found[name] = input.slice(start, end).trim().split(/\s+/)[0] ?? '';
  }

  const submitDate = receiptDate(found['submit date']);
  const doneDate = receiptDate(found['done date']);
  return {
    ...pick(found, 'id', 'sub', 'dlvrd', 'stat', 'err', 'text'),
    ...(submitDate ? { submitDate } : {}),
    ...(doneDate ? { doneDate } : {}),
  };
}

function pick(found: Record<string, string>, ...names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = found[name];
    if (value !== undefined && (value !== '' || name === 'text')) out[name] = value;
  }
  return out;
}

/**
 * `YYMMDDhhmm`, or `YYMMDDhhmmss` as some SMSCs write it, read as UTC in this century. All
 * zeros means the SMSC had no date; that, and anything else unreadable, gives undefined.
 */
export function receiptDate(value: string | undefined): string | undefined {
  const match = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?$/.exec(value ?? '');
  if (!match || /^0+$/.test(value ?? '')) return undefined;

  const [, yy, mo, dd, hh, mi, ss = '00'] = match;
  const iso = `20${yy}-${mo}-${dd}T${hh}:${mi}:${ss}Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== iso.slice(0, 19)
    ? undefined
    : iso;
}
