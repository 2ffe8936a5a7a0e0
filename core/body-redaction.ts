/**
 * Message bodies in recorded payloads. A listing from a real account carries other people's
 * texts, and an inbound number's carries their replies, so every field that holds a message's
 * text is replaced by a mark: its length and a fingerprint that matches the same text elsewhere
 * in the same run, never the text.
 */

/** The fields each dialect keeps a message's text in (Notify, Twilio, Vonage, SNS, SMPP). */
export const BODY_FIELDS: readonly string[] = [
  'body',
  'Body',
  'content',
  'text',
  'Text',
  'Message',
  'short_message',
  'message_payload',
];

/** Says a body was there without showing it. */
export type BodyMark = (body: string) => string;

/**
 * The payload with each body field's text marked: JSON at any depth, or a form or query
 * string. A payload that is neither, or has no body field, comes back as it was.
 */
export function redactBodies(payload: string, fields: ReadonlySet<string>, mark: BodyMark) {
  const trimmed = payload.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return redactJson(payload, fields, mark);
  }
  if (FORM.test(payload)) return redactForm(payload, fields, mark);
  return payload;
}

/** A URL with the body fields of its query marked, as a GET-only gateway (Kannel) takes them. */
export function redactUrlBodies(url: string, fields: ReadonlySet<string>, mark: BodyMark) {
  const query = url.indexOf('?');
  if (query < 0) return url;
  return url.slice(0, query + 1) + redactForm(url.slice(query + 1), fields, mark);
}

const FORM = /^[\w.%[\]-]+=[^\s]*$/;

// A delivery receipt's text (SMPP's short_message) ends with the first characters of the
// message after `text:`; the rest of it (id, stat, err) is evidence and stays.
const RECEIPT_TEXT = /(\bstat:\w+.*\btext:)(.*)$/is;

function markValue(value: string, mark: BodyMark): string {
  const receipt = RECEIPT_TEXT.exec(value);
  if (!receipt) return mark(value);

  const [, head = '', text = ''] = receipt;
  return text ? `${value.slice(0, receipt.index)}${head}${mark(text)}` : value;
}

function redactJson(payload: string, fields: ReadonlySet<string>, mark: BodyMark): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return payload;
  }

  let changed = false;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (fields.has(key) && typeof inner === 'string' && inner.length > 0) {
        out[key] = markValue(inner, mark);
        changed = true;
      } else if (fields.has(key) && isSmppMessage(inner)) {
        // A concatenated part as SMPP evidence shows it: its UDH, then its text.
        out[key] = { ...inner, message: markValue(inner.message, mark) };
        changed = true;
      } else {
        out[key] = walk(inner);
      }
    }
    return out;
  };
  const redacted = walk(parsed);
  return changed ? JSON.stringify(redacted) : payload;
}

function isSmppMessage(value: unknown): value is { message: string } {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

function redactForm(form: string, fields: ReadonlySet<string>, mark: BodyMark): string {
  const params = new URLSearchParams(form);
  let changed = false;
  for (const key of new Set(params.keys())) {
    if (!fields.has(key)) continue;
    const values = params.getAll(key);
    params.delete(key);
    for (const value of values) params.append(key, value ? markValue(value, mark) : value);
    changed = true;
  }
  return changed ? params.toString() : form;
}
