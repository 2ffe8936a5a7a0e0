import type { IncomingHttpHeaders } from 'node:http';
import { basicCredentials, sameSecret } from '../../aggregator/basic-auth.ts';
import type { VonageAccount } from './account.ts';
import { missing, VonageRefusal } from './refusal.ts';

/**
 * The SMS API's two ways in: `api_key` and `api_secret` among the parameters (the documented
 * form), or HTTP basic auth with the key as user (what the current SDK sends). A missing key is
 * status 2; a wrong pair is status 4, `Bad Credentials`.
 */
export function authenticate(
  account: VonageAccount,
  headers: IncomingHttpHeaders,
  params: Record<string, string>,
): void {
  const basic = basicCredentials(headers.authorization);
  const key = basic?.user ?? params['api_key'];
  const secret = basic?.password ?? params['api_secret'];
  if (!key) throw missing('api_key');
  if (!secret) throw missing('api_secret');

  if (key !== account.apiKey || !sameSecret(secret, account.apiSecret)) {
    throw new VonageRefusal('4', 'Bad Credentials');
  }
}
