import {
  CredentialsError,
  ProviderResponseError,
  TargetSetupError,
  TransportError,
} from '../../core/errors.ts';
import type { HttpReply } from './recording-client.ts';

/**
 * Turns a non-success reply into the error the run should report: refused credentials stop the
 * check as an error (nothing is known of the supplier); anything else is the supplier's answer.
 */
export function errorFromReply(reply: HttpReply, what: string, detail: string): Error {
  if (reply.status === 401 || reply.status === 403) {
    return new CredentialsError(
      `${what}: the supplier refused the credentials (HTTP ${reply.status}: ${detail}). ` +
        'Check the API key in the environment variable the target names.',
    );
  }

  if (reply.status >= 300 && reply.status < 400) {
    const to = reply.headers['location'] ?? 'elsewhere';
    return new TargetSetupError(`${what}: HTTP ${reply.status} redirects to ${to}; check baseUrl`);
  }

  // A gateway between here and the supplier failed: that says nothing of the supplier itself.
  if (reply.status === 502 || reply.status === 504) {
    return new TransportError(`${what}: HTTP ${reply.status} from a gateway: ${detail}`);
  }

  const code =
    reply.status === 429 ? 'throttled' : reply.status >= 500 ? 'server_error' : 'request_rejected';
  return new ProviderResponseError(code, `${what}: HTTP ${reply.status}: ${detail}`);
}
