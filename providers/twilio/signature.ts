import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

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

/**
 * Whether `offered` signs a request Twilio made to `url` with `body`. The URL is taken as called,
 * byte for byte (a rebuilt or re-sorted query is another URL), and tried with its port and
 * without it: Twilio has signed both ways over the years. A JSON body is not signed as
 * parameters: the URL carries its SHA-256 in `bodySHA256`, which must match the body.
 */
export function requestSigned(
  offered: string,
  authToken: string,
  url: string,
  body: string,
): boolean {
  const bodyHash = bodySha256Of(url);
  if (bodyHash !== undefined) {
    const actual = createHash('sha256').update(body, 'utf8').digest('hex');
    if (actual !== bodyHash.toLowerCase()) return false;
  }

  const params = bodyHash === undefined ? formParams(body) : {};
  return portSpellings(url).some((u) => signatureMatches(offered, authToken, u, params));
}

/** The URL as given, and with its port left out or, where it names none, its default put in. */
export function portSpellings(url: string): string[] {
  const parts = /^(https?:\/\/[^/?#:]+)(:\d+)?(.*)$/i.exec(url);
  if (!parts) return [url];

  const [, origin = '', port, rest = ''] = parts;
  if (port) return [url, origin + rest];
  const standard = url.toLowerCase().startsWith('https:') ? ':443' : ':80';
  return [url, origin + standard + rest];
}

function bodySha256Of(url: string): string | undefined {
  const query = url.indexOf('?');
  if (query < 0) return undefined;
  return new URLSearchParams(url.slice(query + 1)).get('bodySHA256') ?? undefined;
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
