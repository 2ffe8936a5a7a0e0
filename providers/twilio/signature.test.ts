import { describe, expect, test } from 'vitest';
import { TwilioCallbackAuthority } from './callback-authority.ts';
import { requestSigned } from './signature.ts';

// The made-up Auth Token the case vectors (../shared/cases, BR-01, BR-03, BR-04) are signed with.
const TOKEN = 'test_auth_token_0000';

const form = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('a callback URL with a port of its own (case BR-01)', () => {
  const url = 'https://hooks.example.com:8443/sms/status?id=7';
  const params = {
    MessageSid: 'SM00000000000000000000000000000001',
    MessageStatus: 'delivered',
    To: '+447700900123',
    From: 'ACMEALERTS',
  };

  test.each([
    ['signed over the URL without the port', url, 'kt+k/43E4dqyd42yMdo4YUXFPJM='],
    ['signed over the URL with the port', url, 'pP+fhbP99JtPvXN5I5xfqRpYSOk='],
    [
      'a URL with no port, signed over its :443 form',
      'https://hooks.example.com/sms/status?id=7',
      'hneKX3muK25gsIzzoCQAUn7Lj/o=',
    ],
  ])('%s is valid', (_how, called, signature) => {
    expect(requestSigned(signature, TOKEN, called, form(params))).toBe(true);
  });

  test('the first signature over a changed status is not', () => {
    const changed = form({ ...params, MessageStatus: 'failed' });

    expect(requestSigned('kt+k/43E4dqyd42yMdo4YUXFPJM=', TOKEN, url, changed)).toBe(false);
  });

  test('the callback authority takes both, for the StatusCallback it was given', () => {
    const auth = { accountSid: 'AC00000000000000000000000000000000', authToken: TOKEN };
    const authority = new TwilioCallbackAuthority(auth, url);
    const headers = (signature: string) => ({ 'x-twilio-signature': signature });
    const call = (signature: string) =>
      authority.authenticate({
        method: 'POST',
        path: '/sms/status?id=7',
        headers: headers(signature),
        body: form(params),
      });

    expect(call('kt+k/43E4dqyd42yMdo4YUXFPJM=')).toEqual({ ok: true });
    expect(call('pP+fhbP99JtPvXN5I5xfqRpYSOk=')).toEqual({ ok: true });
  });
});

describe('the URL exactly as called, never rebuilt (case BR-03)', () => {
  const body = form({ Body: 'Hi', From: '+447700900123' });

  test('a query sign turned into %3F is another URL', () => {
    const signature = 'MuanPxr5JioPyGbKCudue9S81vo=';

    expect(requestSigned(signature, TOKEN, 'https://hooks.example.com/sms/in?site=2', body)).toBe(
      true,
    );
    expect(requestSigned(signature, TOKEN, 'https://hooks.example.com/sms/in%3Fsite=2', body)).toBe(
      false,
    );
  });

  test('the query keeps its order and its encoding; sorted and re-encoded it fails', () => {
    const raw =
      'https://hooks.example.com/ivr/next?Step=2&Note=Couldn%27t+find+it' +
      '&AccountSid=AC00000000000000000000000000000000';
    const rebuilt =
      'https://hooks.example.com/ivr/next?AccountSid=AC00000000000000000000000000000000' +
      '&Note=Couldn%27t%20find%20it&Step=2';

    expect(requestSigned('iOjiakUrKekZRAQze9FFzydmISE=', TOKEN, raw, '')).toBe(true);
    expect(requestSigned('iOjiakUrKekZRAQze9FFzydmISE=', TOKEN, rebuilt, '')).toBe(false);
    expect(requestSigned('ukWD15sfxSEQpxxOFfZ6c4CKBtc=', TOKEN, rebuilt, '')).toBe(true);
  });

  test('the callback authority checks the path as it arrived, not as a parser writes it', () => {
    const auth = { accountSid: 'AC00000000000000000000000000000000', authToken: TOKEN };
    const authority = new TwilioCallbackAuthority(auth, 'https://hooks.example.com/sms/status');

    const verdict = authority.authenticate({
      method: 'GET',
      path: `/ivr/next?Step=2&Note=Couldn%27t+find+it&AccountSid=AC${'0'.repeat(32)}`,
      headers: { 'x-twilio-signature': 'iOjiakUrKekZRAQze9FFzydmISE=' },
      body: '',
    });

    expect(verdict).toEqual({ ok: true });
  });
});

describe('a JSON body, covered by bodySHA256 (case BR-04)', () => {
  const url =
    'https://hooks.example.com/sms/status?bodySHA256=' +
    '54f1ca6007396efc316aa5804614d508bb7280804ae54684c5d8b21a6ff09f75';
  const signature = 'Nyuzrre2YEFFkbOdFUrIYI6FCr4=';

  test('the body whose SHA-256 the URL names is valid', () => {
    const body = '{"MessageStatus":"delivered","To":"+447700900123"}';

    expect(requestSigned(signature, TOKEN, url, body)).toBe(true);
  });

  test('the same URL and signature over a forged body are not', () => {
    const forged = '{"MessageStatus":"failed","To":"+447700900123"}';

    expect(requestSigned(signature, TOKEN, url, forged)).toBe(false);
  });
});
