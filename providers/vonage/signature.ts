import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The ways a Vonage account can be set to sign its webhooks. */
export const SIGNATURE_METHODS = ['md5hash', 'md5', 'sha1', 'sha256', 'sha512'] as const;

export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/**
 * The signature Vonage puts in `sig`: every other parameter, sorted by name, written as
 * `&name=value` with `&` and `=` in values replaced by `_`; then either the MD5 of that string
 * followed by the secret (`md5hash`) or an HMAC of it keyed by the secret, in hex.
 */
export function vonageSignature(
  params: Readonly<Record<string, string>>,
  secret: string,
  method: SignatureMethod,
): string {
  const signed = Object.keys(params)
    .filter((name) => name !== 'sig')
    .sort()
    .map((name) => `&${name}=${(params[name] ?? '').replace(/[&=]/g, '_')}`)
    .join('');

  if (method === 'md5hash')
    return createHash('md5')
      .update(signed + secret)
      .digest('hex');
  return createHmac(method, secret).update(signed).digest('hex');
}

/** Compares case-insensitively, as Vonage's own SDK does, and in constant time. */
export function sameSignature(offered: string, expected: string): boolean {
  const a = Buffer.from(offered.toLowerCase());
  const b = Buffer.from(expected.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
