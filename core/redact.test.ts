import { expect, test } from 'vitest';
import { Redactor, maskNumber } from './redact.ts';

test('a registered number is masked in every spelling it travels in', () => {
  const redactor = new Redactor().number('07700900123');
  const text = 'to=07700900123 e164=+447700900123 digits=447700900123';

  const out = redactor.text(text);

  expect(out).not.toMatch(/7700900123/);
  expect(out).toContain(maskNumber('07700900123'));
});

test('unregistered UK mobiles and E.164 numbers are masked by pattern', () => {
  const out = new Redactor().text('call 07700 900456 or +15555550123 or 0044 7700 900789');

  expect(out).not.toMatch(/900456|5550123|900789/);
});

test('secrets, JWTs and auth headers never survive', () => {
  const redactor = new Redactor().secret('s3cr3t-key-value');
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl';

  expect(redactor.text(`key s3cr3t-key-value token ${jwt}`)).toBe('key [REDACTED] token [JWT]');
  expect(redactor.headers({ Authorization: `Bearer ${jwt}`, 'x-other': 'fine' })).toEqual({
    Authorization: 'Bearer [REDACTED]',
    'x-other': 'fine',
  });
});

test('UUIDs that contain long digit runs are left alone', () => {
  const id = '12345678-1234-4234-8234-123456789012';

  expect(new Redactor().text(`id ${id}`)).toBe(`id ${id}`);
});

test.each([
  '07700-900-123',
  '07700.900.123',
  '(07700) 900123',
  '+44 (0)7700 900123',
  '7700900123',
  '%2B447700900123',
  '０７７００９００１２３',
])('a registered number is masked when spelt %s', (spelling) => {
  const out = new Redactor().number('+447700900123').text(`to ${spelling} today`);

  expect(out).toContain('tel:…123 today');
  expect(out.replace(/\D/g, '')).toBe('123');
});

test('credentials in a URL are redacted', () => {
  const out = new Redactor().text('base http://apiuser:S3cretPassw0rd@127.0.0.1:18025/v2');

  expect(out).toBe('base http://[REDACTED]@127.0.0.1:18025/v2');
});
