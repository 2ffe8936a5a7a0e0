/**
 * Redaction of secrets and personal data before anything reaches evidence, logs or reports.
 * Known values (API keys, callback tokens, the numbers a run texted) are replaced wherever they
 * appear; patterns catch what was not registered: JWTs, UK mobile numbers, E.164 numbers.
 */
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const UK_MOBILE = /(?<![\w-])(?:\+44\s?|0044\s?|44|0)7\d{3}\s?\d{3}\s?\d{3}(?![\w-])/g;
const E164 = /(?<![\w-])\+\d{8,15}(?![\w-])/g;
const AUTH_VALUE = /^(Bearer|Basic|AWS4-HMAC-SHA256)\s+.*/i;
const SENSITIVE_HEADERS = new Set(['authorization', 'x-twilio-signature', 'cookie', 'set-cookie']);

export const REDACTED = '[REDACTED]';

export function maskNumber(number: string): string {
  const digits = number.replace(/\D/g, '');
  return `tel:…${digits.slice(-3)}`;
}

export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a value that must never appear in the clear (keys, tokens, secrets). */
  secret(value: string | undefined): this {
    if (value && value.length >= 4) this.#secrets.add(value);
    return this;
  }

  /** Registers a phone number in all the spellings it could take on the wire. */
  number(value: string): this {
    for (const form of spellings(value)) this.#secrets.add(form);
    return this;
  }

  text(input: string): string {
    let out = input;
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(looksLikeNumber(secret) ? maskNumber(secret) : REDACTED);
    }

    return out
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

function looksLikeNumber(value: string): boolean {
  return /^[+\d\s]+$/.test(value) && value.replace(/\D/g, '').length >= 7;
}

function spellings(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  const forms = new Set([value, digits, `+${digits}`]);

  // A UK number travels as 07…, 447… or +447…; register each so none slips through.
  if (digits.startsWith('44')) forms.add(`0${digits.slice(2)}`);
  if (digits.startsWith('0')) {
    forms.add(`44${digits.slice(1)}`);
    forms.add(`+44${digits.slice(1)}`);
  }
  return [...forms].filter((f) => f.replace(/\D/g, '').length >= 7);
}
