import type { RouteResponse } from '../../aggregator/router.ts';

/** One entry of a Notify v2 error body. */
export interface NotifyErrorItem {
  readonly error: string;
  readonly message: string;
}

/**
 * A Notify v2 API error: `{status_code, errors: [{error, message}]}`. Thrown by the dialect's
 * checks and turned into the reply by the route wrapper.
 */
export class NotifyApiError extends Error {
  override readonly name = 'NotifyApiError';

  constructor(
    readonly statusCode: number,
    readonly errors: readonly NotifyErrorItem[],
  ) {
    super(errors.map((e) => e.message).join('; '));
  }

  toResponse(): RouteResponse {
    return { status: this.statusCode, json: { status_code: this.statusCode, errors: this.errors } };
  }
}

export function authError(statusCode: 401 | 403, message: string): NotifyApiError {
  return new NotifyApiError(statusCode, [{ error: 'AuthError', message }]);
}

export function badRequest(message: string): NotifyApiError {
  return new NotifyApiError(400, [{ error: 'BadRequestError', message }]);
}

/** Schema failures: every message at once, duplicates removed, as Notify reports them. */
export function validationError(messages: readonly string[]): NotifyApiError {
  const unique = [...new Set(messages)];
  return new NotifyApiError(
    400,
    unique.map((message) => ({ error: 'ValidationError', message })),
  );
}

export function noResultFound(): NotifyApiError {
  return new NotifyApiError(404, [{ error: 'NoResultFound', message: 'No result found' }]);
}
