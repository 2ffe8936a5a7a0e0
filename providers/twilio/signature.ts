import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters of a request; a key sent more than once has all its values. */
export type FormParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * `X-Twilio-Signature` as Twilio computes it: the full URL it called, then each POST parameter
 * in ascending key order as key followed by value (a repeated key: its distinct values sorted),
 * HMAC-SHA1 keyed by the Auth Token over that UTF-8 string, in base64.
 */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key] ?? '';
    const values = typeof value === 'string' ? [value] : [...new Set(value)].sort();
    for (const one of values) data += key + one;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Whether `offered` is the signature of the request, compared in constant time. */
export function signatureMatches(
  offered: string,
  authToken: string,
  url: string,
  params: FormParams,
): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(offered);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A form body as parameters, repeated keys kept. */
export function formParams(body: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const held = params[key];
    params[key] =
      held === undefined ? value : [...(typeof held === 'string' ? [held] : held), value];
  }
  return params;
}
