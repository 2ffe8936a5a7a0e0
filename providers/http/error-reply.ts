import { CredentialsError, ProviderResponseError } from '../../core/errors.ts';
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

  const code =
    reply.status === 429 ? 'throttled' : reply.status >= 500 ? 'server_error' : 'request_rejected';
  return new ProviderResponseError(code, `${what}: HTTP ${reply.status}: ${detail}`);
}
