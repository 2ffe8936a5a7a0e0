import { ConfigError } from '../../core/errors.ts';
import type { ResolvedTarget } from '../../core/target.ts';
import { SIGNATURE_METHODS, type SignatureMethod } from './signature.ts';

export interface VonageAuth {
  readonly apiKey: string;
  readonly apiSecret: string;
  /** What the account's webhooks are signed with, and how (its dashboard's settings). */
  readonly signatureSecret: string;
  readonly signatureMethod: SignatureMethod;
}

/**
 * A target's Vonage credentials: `apiKey`, `apiSecret` and `signatureSecret`, each named in the
 * config and read from the environment, and `options.signatureMethod` (default `md5hash`, the
 * dashboard's own). Every missing or malformed one is named.
 */
export function readVonageAuth(target: ResolvedTarget, source: string): VonageAuth {
  const { apiKey = '', apiSecret = '', signatureSecret = '' } = target.credentials;
  const method = target.options['signatureMethod'] ?? 'md5hash';

  const problems: string[] = [];
  if (!apiKey) problems.push('credentials.apiKey: a Vonage target needs the account’s API key');
  if (!apiSecret) {
    problems.push('credentials.apiSecret: a Vonage target needs the API secret for the key');
  }
  if (!signatureSecret) {
    problems.push(
      'credentials.signatureSecret: a Vonage target needs the signature secret, or no ' +
        'receipt can be proved to come from Vonage',
    );
  }
  if (!isSignatureMethod(method)) {
    problems.push(
      `options.signatureMethod: '${method}' is not one of ${SIGNATURE_METHODS.join(', ')}`,
    );
  }
  if (problems.length > 0 || !isSignatureMethod(method)) throw new ConfigError(source, problems);
  return { apiKey, apiSecret, signatureSecret, signatureMethod: method };
}

function isSignatureMethod(method: string): method is SignatureMethod {
  return (SIGNATURE_METHODS as readonly string[]).includes(method);
}
