import { ConfigError } from '../../core/errors.ts';

export interface SnsAuth {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** For temporary credentials (an `ASIA…` key id), the session token that goes with them. */
  readonly sessionToken?: string;
}

/** Long-term (`AKIA`) or temporary (`ASIA`) access key ids: 4 letters and 16 more characters. */
const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;

/**
 * A target's AWS credentials: `apiKey` is the access key id, `secretAccessKey` the secret, each
 * from the environment variable the config names; `sessionToken` goes with temporary keys.
 */
export function readSnsAuth(
  credentials: Readonly<Record<string, string>>,
  source: string,
): SnsAuth {
  const accessKeyId = credentials['apiKey'] ?? '';
  const secretAccessKey = credentials['secretAccessKey'] ?? '';
  const sessionToken = credentials['sessionToken'];

  const problems: string[] = [];
  if (!ACCESS_KEY_ID.test(accessKeyId)) {
    problems.push('credentials.apiKey: expected an AWS access key id (AKIA or ASIA and 16 more)');
  }
  if (secretAccessKey === '') {
    problems.push('credentials.secretAccessKey: an SNS target needs the secret access key');
  }
  if (accessKeyId.startsWith('ASIA') && !sessionToken) {
    problems.push('credentials.sessionToken: a temporary (ASIA) key needs its session token');
  }
  if (problems.length > 0) throw new ConfigError(source, problems);
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
