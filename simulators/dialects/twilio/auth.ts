import type { IncomingHttpHeaders } from 'node:http';
import { basicCredentials, sameSecret } from '../../aggregator/basic-auth.ts';
import type { TwilioAccount } from './account.ts';
import { notFound, TwilioApiError } from './errors.ts';

/** Who called: the live account, or its test credentials. */
export interface TwilioCaller {
  readonly accountSid: string;
  readonly authToken: string;
  readonly test: boolean;
}

/**
 * HTTP Basic auth with the Account SID as user and the Auth Token as password, for the account
 * named in the path. Bad or missing credentials are Twilio's 401 `20003 Authenticate`; another
 * account's path is not found, as Twilio hides other accounts.
 */
export function authenticate(
  account: TwilioAccount,
  headers: IncomingHttpHeaders,
  pathAccountSid: string,
  path: string,
): TwilioCaller {
  const offered = basicCredentials(headers.authorization);
  const caller = offered && callerFor(account, offered.user, offered.password);
  if (!caller) throw new TwilioApiError(401, 20003, 'Authenticate');

  if (caller.accountSid !== pathAccountSid) throw notFound(path);
  return caller;
}

/** Test credentials may only create resources (Twilio docs, test credentials). */
export function refuseTestCredentials(caller: TwilioCaller): void {
  if (!caller.test) return;
  throw new TwilioApiError(403, 20008, 'Resource not accessible with Test Account Credentials');
}

function callerFor(account: TwilioAccount, user: string, password: string) {
  if (user === account.accountSid && sameSecret(password, account.authToken)) {
    return { accountSid: user, authToken: account.authToken, test: false };
  }
  if (user === account.testAccountSid && sameSecret(password, account.testAuthToken)) {
    return { accountSid: user, authToken: account.testAuthToken, test: true };
  }
  return undefined;
}
