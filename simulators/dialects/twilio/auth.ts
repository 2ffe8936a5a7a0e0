import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
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
  if (user === account.accountSid && same(password, account.authToken)) {
    return { accountSid: user, authToken: account.authToken, test: false };
  }
  if (user === account.testAccountSid && same(password, account.testAuthToken)) {
    return { accountSid: user, authToken: account.testAuthToken, test: true };
  }
  return undefined;
}

function basicCredentials(header: string | undefined) {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;

  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function same(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
