import {
  CredentialsError,
  ProviderResponseError,
  TargetSetupError,
  TransportError,
} from '../../core/errors.ts';
import type { NormalisedStatus } from '../contract.ts';
import type { SnsError } from './schemas.ts';

/**
 * A successful Publish is all SNS ever tells the sender about a text: it was taken. Delivery
 * goes to CloudWatch Logs in the sender's account, so `accepted` is final as far as the API
 * goes, and `published` is the status evidence keeps.
 */
export const PUBLISHED: { readonly status: NormalisedStatus; readonly providerStatus: string } = {
  status: 'accepted',
  providerStatus: 'published',
};

/** What an SNS error code says about whom to blame (SNS API reference, "Common Errors"). */
export type SnsErrorKind = 'credentials' | 'setup' | 'refused' | 'throttled' | 'supplier';

const KINDS: Readonly<Record<string, SnsErrorKind>> = {
  InvalidClientTokenId: 'credentials',
  SignatureDoesNotMatch: 'credentials',
  MissingAuthenticationToken: 'credentials',
  IncompleteSignature: 'credentials',
  ExpiredToken: 'credentials',
  AuthorizationError: 'credentials',
  AccessDenied: 'credentials',
  AccessDeniedException: 'credentials',
  ExpiredTokenException: 'credentials',
  NotAuthorized: 'credentials',
  OptInRequired: 'setup',
  InvalidAction: 'setup',
  NotFound: 'setup',
  KMSDisabled: 'setup',
  KMSAccessDenied: 'setup',
  // The harness's clock is more than 15 minutes from AWS's.
  RequestExpired: 'setup',
  InvalidParameter: 'refused',
  InvalidParameterValue: 'refused',
  InvalidParameterCombination: 'refused',
  MissingParameter: 'refused',
  ValidationError: 'refused',
  Throttled: 'throttled',
  Throttling: 'throttled',
  ThrottlingException: 'throttled',
  InternalError: 'supplier',
  InternalFailure: 'supplier',
  ServiceUnavailable: 'supplier',
};

export function snsErrorKind(code: string): SnsErrorKind {
  return KINDS[code] ?? 'supplier';
}

/**
 * The error a refused call becomes, with SNS's code, type and message kept: refused
 * credentials and account set-up end the check as an error (nothing is known of SNS itself); a
 * refused parameter, throttling or an internal error is SNS's own answer.
 */
export function errorFor(error: SnsError, status: number, what: string): Error {
  const detail = `SNS ${error.Type} error ${error.Code} (HTTP ${status}): ${error.Message}`;
  switch (snsErrorKind(error.Code)) {
    case 'credentials':
      return new CredentialsError(
        `${what}: SNS refused the credentials: ${detail}. Check the access key and secret in ` +
          'the environment variables the target names, and the region.',
      );
    case 'setup':
      return new TargetSetupError(`${what}: the AWS account's set-up does not fit: ${detail}`);
    case 'refused':
      return new ProviderResponseError('request_rejected', `${what}: ${detail}`);
    case 'throttled':
      return new ProviderResponseError('throttled', `${what}: ${detail}`);
    case 'supplier':
      return status === 502 || status === 504
        ? new TransportError(`${what}: ${detail}`)
        : new ProviderResponseError('server_error', `${what}: ${detail}`);
  }
}
