import { ConfigError } from '../../core/errors.ts';

export interface TwilioAuth {
  readonly accountSid: string;
  readonly authToken: string;
}

const ACCOUNT_SID = /^AC[0-9a-f]{32}$/;

/**
 * A target's Twilio credentials: `accountSid` and `authToken`, or, for a configured target whose
 * one secret comes from the environment, `apiKey` holding `AccountSid:AuthToken`.
 */
export function readTwilioAuth(
  credentials: Readonly<Record<string, string>>,
  source: string,
): TwilioAuth {
  const [accountSid = '', authToken = ''] =
    credentials['accountSid'] !== undefined
      ? [credentials['accountSid'], credentials['authToken'] ?? '']
      : splitOnce(credentials['apiKey'] ?? '');

  const problems: string[] = [];
  if (!ACCOUNT_SID.test(accountSid)) {
    problems.push('credentials.apiKey: expected AccountSid:AuthToken, the SID being AC + 32 hex');
  }
  if (authToken === '')
    problems.push('credentials.apiKey: the Auth Token after the colon is empty');
  if (problems.length > 0) throw new ConfigError(source, problems);
  return { accountSid, authToken };
}

function splitOnce(value: string): [string, string] {
  const colon = value.indexOf(':');
  return colon === -1 ? [value, ''] : [value.slice(0, colon), value.slice(colon + 1)];
}
