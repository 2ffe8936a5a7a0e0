import type { z } from 'zod';
import { ProviderResponseError } from '../../core/errors.ts';
import type { HttpReply } from './recording-client.ts';

/**
 * Reads a provider's JSON reply against the schema its documentation promises. Anything else is
 * a finding about the supplier, with the offending path, never a crash.
 */
export function parseJsonReply<T>(reply: HttpReply, schema: z.ZodType<T>, what: string): T {
  let data: unknown;
  try {
    data = JSON.parse(reply.body);
  } catch {
    throw new ProviderResponseError(
      'response_not_json',
      `${what}: the body of the HTTP ${reply.status} response is not valid JSON`,
    );
  }

  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  throw new ProviderResponseError(
    'response_shape',
    `${what}: the response does not match the documented shape at '${path || '(root)'}': ` +
      `${issue?.message ?? 'invalid'}`,
    path,
  );
}

export function unexpectedStatus(reply: HttpReply, what: string, expected: string) {
  return new ProviderResponseError(
    'unexpected_http_status',
    `${what}: expected HTTP ${expected}, got ${reply.status}`,
  );
}
