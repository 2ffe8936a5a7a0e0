import { describe, expect, test } from 'vitest';
import { SnsSigner } from '../../../providers/sns/signer.ts';
import type { RouteRequest } from '../../aggregator/router.ts';
import type { SnsAccount } from './account.ts';
import { SnsApiError } from './errors.ts';
import { verifySignature } from './sigv4.ts';

/**
 * The simulator's own SigV4 check against requests the @smithy signer (the AWS SDK's) signed:
 * each part the signature covers, changed, is refused with the code AWS gives.
 */
const ACCOUNT: SnsAccount = {
  accountId: '123456789012',
  accessKeyId: 'AKIASIMULATED0000001',
  secretAccessKey: 'c2VjcmV0LWZvci10ZXN0cy1vbmx5',
};
const URL_ = new URL('http://127.0.0.1:8025/');
const BODY = 'Action=Publish&Version=2010-03-31&PhoneNumber=%2B447700900123&Message=hello';

async function signed(secret = ACCOUNT.secretAccessKey, body = BODY): Promise<RouteRequest> {
  const signer = new SnsSigner(
    { accessKeyId: ACCOUNT.accessKeyId, secretAccessKey: secret },
    'eu-west-2',
  );
  const headers = Object.fromEntries(
    Object.entries(await signer.sign(URL_, body)).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return {
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    params: {},
    headers,
    body: Buffer.from(body),
    remoteAddress: '127.0.0.1',
  };
}

function refusal(request: RouteRequest, now = Date.now()): string {
  try {
    verifySignature(ACCOUNT, request, now);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof SnsApiError)) throw error;
    return `${error.status} ${error.code}`;
  }
}

describe('SigV4 as the simulated SNS checks it', () => {
  test('a request signed with the account secret is accepted for the region signed', async () => {
    expect(verifySignature(ACCOUNT, await signed(), Date.now())).toEqual({ region: 'eu-west-2' });
  });

  test('another secret, a changed body or signed header is SignatureDoesNotMatch', async () => {
    expect(refusal(await signed('another-secret'))).toBe('403 SignatureDoesNotMatch');

    const request = await signed();
    expect(refusal({ ...request, body: Buffer.from(BODY.replace('hello', 'hellO')) })).toBe(
      '403 SignatureDoesNotMatch',
    );
    expect(refusal({ ...request, headers: { ...request.headers, host: '127.0.0.1:9' } })).toBe(
      '403 SignatureDoesNotMatch',
    );
  });

  test('a signature over 15 minutes from the simulator’s clock has expired', async () => {
    const request = await signed();
    expect(refusal(request, Date.now() + 16 * 60 * 1000)).toBe('403 SignatureDoesNotMatch');
    expect(refusal(request, Date.now() + 14 * 60 * 1000)).toBe('accepted');
  });

  test('an unknown key id, no header, or a malformed one each get AWS’s own code', async () => {
    const request = await signed();
    const authorization = String(request.headers.authorization);
    const otherKey = authorization.replace(ACCOUNT.accessKeyId, 'AKIAOTHERKEY00000000');

    expect(refusal({ ...request, headers: { ...request.headers, authorization: otherKey } })).toBe(
      '403 InvalidClientTokenId',
    );
    const { authorization: _dropped, ...unsigned } = request.headers;
    expect(refusal({ ...request, headers: unsigned })).toBe('403 MissingAuthenticationToken');
    expect(refusal({ ...request, headers: { ...request.headers, authorization: 'AWS4 x' } })).toBe(
      '400 IncompleteSignature',
    );
  });
});
