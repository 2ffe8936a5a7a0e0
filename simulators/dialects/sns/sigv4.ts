import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RouteRequest } from '../../aggregator/router.ts';
import type { SnsAccount } from './account.ts';
import { SnsApiError } from './errors.ts';

/** What a verified request was signed for: the region of its credential scope. */
export interface SignedCaller {
  readonly region: string;
}

/** AWS refuses a signature whose time is further than this from its own clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;

// Credential=<key>/<yyyymmdd>/<region>/<service>/aws4_request, SignedHeaders=…, Signature=…
const AUTHORIZATION = new RegExp(
  '^AWS4-HMAC-SHA256\\s+' +
    'Credential=([^/\\s]+)/(\\d{8})/([^/\\s]+)/([^/\\s]+)/aws4_request,\\s*' +
    'SignedHeaders=([^,\\s]+),\\s*' +
    'Signature=([0-9a-f]{64})$',
);

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your ' +
  'AWS Secret Access Key and signing method. Consult the service documentation for details.';

/**
 * Checks an AWS Signature Version 4 `Authorization` header the way AWS does: the key id must
 * be the account's (else `InvalidClientTokenId`), the scope SNS's, the time within 15 minutes,
 * and the signature the one the secret gives over the canonical request (else
 * `SignatureDoesNotMatch`). The body is hashed here, so a changed body fails too.
 */
export function verifySignature(
  account: SnsAccount,
  request: RouteRequest,
  now: number,
): SignedCaller {
  const header = single(request.headers.authorization);
  if (!header) {
    throw new SnsApiError(
      403,
      'MissingAuthenticationToken',
      'Request is missing Authentication Token',
    );
  }
  const match = AUTHORIZATION.exec(header.trim());
  if (!match) {
    throw new SnsApiError(
      400,
      'IncompleteSignature',
      `Authorization header is malformed: ${header}`,
    );
  }
  const [, keyId = '', date = '', region = '', service = '', signed = '', signature = ''] = match;

  if (keyId !== account.accessKeyId) {
    throw new SnsApiError(
      403,
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
    );
  }
  if (service !== 'sns') throw new SnsApiError(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);

  const amzDate = single(request.headers['x-amz-date']) ?? '';
  checkTime(amzDate, date, now);

  const signedHeaders = signed.split(';');
  if (!signedHeaders.includes('host')) {
    throw new SnsApiError(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  }
  const scope = `${date}/${region}/${service}/aws4_request`;
  const expected = signatureFor(account.secretAccessKey, {
    amzDate,
    scope,
    canonical: canonicalRequest(request, signedHeaders),
  });
  if (!same(expected, signature))
    throw new SnsApiError(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  return { region };
}

function checkTime(amzDate: string, scopeDate: string, now: number) {
  const parsed = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!parsed || !amzDate.startsWith(scopeDate)) {
    throw new SnsApiError(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  }
  const [, y, mo, d, h, mi, s] = parsed.map(Number);
  const signedAt = Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
  if (Math.abs(now - signedAt) > MAX_SKEW_MS) {
    throw new SnsApiError(
      403,
      'SignatureDoesNotMatch',
      `Signature expired: ${amzDate} is now earlier or later than 15 minutes from ` +
        `${new Date(now).toISOString()}.`,
    );
  }
}

/** The canonical request of SigV4: method, path, query, the signed headers, the body's hash. */
function canonicalRequest(request: RouteRequest, signedHeaders: readonly string[]): string {
  const query = [...request.query.entries()]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = signedHeaders.map((name) => `${name}:${headerValue(request.headers, name)}\n`);
  const path = request.path.split('/').map(uriEncode).join('/');

  return [
    request.method,
    path === '' ? '/' : path,
    query,
    headers.join(''),
    signedHeaders.join(';'),
    sha256(request.body),
  ].join('\n');
}

function signatureFor(
  secret: string,
  parts: { readonly amzDate: string; readonly scope: string; readonly canonical: string },
): string {
  const stringToSign = ['AWS4-HMAC-SHA256', parts.amzDate, parts.scope, sha256(parts.canonical)];
  const key = parts.scope
    .split('/')
    .reduce<Buffer | string>((k, part) => hmac(k, part), `AWS4${secret}`);
  return hmac(key, stringToSign.join('\n')).toString('hex');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined.trim().replace(/\s+/g, ' ');
}

/** RFC 3986 encoding, as SigV4 asks: only unreserved characters stay as they are. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
