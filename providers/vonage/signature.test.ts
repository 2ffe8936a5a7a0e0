import { createHash, createHmac } from 'node:crypto';
import { expect, test } from 'vitest';
import { sameSignature, vonageSignature } from './signature.ts';

const PARAMS = { status: 'delivered', msisdn: '447700900123', note: 'a=b&c', sig: 'ignored' };

// The string Vonage signs, written out by hand: sorted names, `&` and `=` in values as `_`.
const SIGNED = '&msisdn=447700900123&note=a_b_c&status=delivered';

test('md5hash is the MD5 of the signed string followed by the secret', () => {
  const expected = createHash('md5').update(`${SIGNED}s3cret`).digest('hex');

  expect(vonageSignature(PARAMS, 's3cret', 'md5hash')).toBe(expected);
});

test.each(['md5', 'sha1', 'sha256', 'sha512'] as const)(
  '%s is an HMAC keyed by the secret',
  (m) => {
    const expected = createHmac(m, 's3cret').update(SIGNED).digest('hex');

    expect(vonageSignature(PARAMS, 's3cret', m)).toBe(expected);
  },
);

test('any change to a value or the secret changes the signature', () => {
  const good = vonageSignature(PARAMS, 's3cret', 'sha256');

  expect(vonageSignature({ ...PARAMS, status: 'failed' }, 's3cret', 'sha256')).not.toBe(good);
  expect(vonageSignature(PARAMS, 'other', 'sha256')).not.toBe(good);
});

test('signatures compare without regard to case, and never match when lengths differ', () => {
  expect(sameSignature('ABCDEF', 'abcdef')).toBe(true);
  expect(sameSignature('abcde', 'abcdef')).toBe(false);
  expect(sameSignature('abcdeg', 'abcdef')).toBe(false);
});
