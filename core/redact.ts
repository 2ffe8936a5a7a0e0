import { createHmac, randomBytes } from 'node:crypto';
import { BODY_FIELDS, redactBodies, redactUrlBodies } from './body-redaction.ts';

/**
 * Redaction of secrets and personal data before anything reaches evidence, logs or reports.
 * Known values (API keys, callback tokens, the numbers a run texted) are replaced wherever they
 * appear; patterns catch what was not registered: JWTs, UK mobile numbers, E.164 numbers.
 * Payloads and URLs also lose their message bodies (body-redaction.ts).
 */
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const UK_MOBILE = /(?<![\w-])(?:\+44\s?|0044\s?|44|0)7\d{3}\s?\d{3}\s?\d{3}(?![\w-])/g;
const E164 = /(?<![\w-])\+\d{8,15}(?![\w-])/g;
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;
const SEPARATOR = '[\\s.()\\-]*';
const AUTH_VALUE = /^(Bearer|Basic|AWS4-HMAC-SHA256)\s+.*/i;
const SENSITIVE_HEADERS = new Set(['authorization', 'x-twilio-signature', 'cookie', 'set-cookie']);

export const REDACTED = '[REDACTED]';

export function maskNumber(number: string): string {
  const digits = number.replace(/\D/g, '');
  return `tel:…${digits.slice(-3)}`;
}

export class Redactor {
  readonly #secrets = new Set<string>();
  readonly #numbers: RegExp[] = [];
  readonly #bodyFields = new Set(BODY_FIELDS);
  // Fingerprints match within a run and mean nothing outside it: a short text cannot be
  // recovered by hashing guesses.
  readonly #fingerprintKey = randomBytes(32);

  /** Names a field that carries a message's text where the built-in names do not (`msg`). */
  bodyField(name: string): this {
    this.#bodyFields.add(name);
    return this;
  }

  /** A request or response body: message texts marked, then redacted like any text. */
  payload(input: string): string {
    return this.text(redactBodies(input, this.#bodyFields, this.#markBody));
  }

  /** A URL: the message texts of its query marked, then redacted like any text. */
  url(input: string): string {
    return this.text(redactUrlBodies(input, this.#bodyFields, this.#markBody));
  }

  readonly #markBody = (body: string): string => {
    const fingerprint = createHmac('sha256', this.#fingerprintKey).update(body).digest('hex');
    return `[body: ${[...body].length} chars #${fingerprint.slice(0, 8)}]`;
  };

  /** Registers a value that must never appear in the clear (keys, tokens, secrets). */
  secret(value: string | undefined): this {
    if (value && value.length >= 4) this.#secrets.add(value);
    return this;
  }

  /**
   * Registers a phone number in all the spellings it could take: with or without its country
   * code or trunk 0, with spaces, dots, dashes or brackets between digits, `%2B` for `+`.
   */
  number(value: string): this {
    const national = nationalDigits(value);
    if (national.length < 7) return this;

    const digits = [...national].join(SEPARATOR);
    const prefix = `(?:(?:\\+|%2B|00)?44${SEPARATOR}(?:\\(0\\)${SEPARATOR})?|0)?`;
    this.#numbers.push(new RegExp(`(?<![\\d])${prefix}${digits}(?![\\d])`, 'gi'));
    return this;
  }

  text(input: string): string {
    let out = input.normalize('NFKC');
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(REDACTED);
    }
    for (const pattern of this.#numbers) out = out.replace(pattern, (m) => maskNumber(m));

    return out
      .replace(URL_USERINFO, `$1${REDACTED}@`)
      .replace(JWT, '[JWT]')
      .replace(UK_MOBILE, (m) => maskNumber(m))
      .replace(E164, (m) => maskNumber(m));
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      out[name] = SENSITIVE_HEADERS.has(name.toLowerCase()) ? maskHeader(value) : this.text(value);
    }
    return out;
  }
}

function maskHeader(value: string): string {
  const scheme = AUTH_VALUE.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

/** The digits after the country code or trunk 0: the part every spelling shares. */
function nationalDigits(value: string): string {
  const digits = value.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0044')) return digits.slice(4);
  if (digits.startsWith('44')) return digits.slice(2);
  if (digits.startsWith('0')) return digits.slice(1);
  return digits;
}
