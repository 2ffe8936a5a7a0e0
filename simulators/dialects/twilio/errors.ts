import type { RouteResponse } from '../../aggregator/router.ts';

/**
 * A Twilio REST error: `{code, message, more_info, status}`, the body twilio-node turns into a
 * RestException. Thrown by the dialect's checks and turned into the reply by the route wrapper.
 */
export class TwilioApiError extends Error {
  override readonly name = 'TwilioApiError';

  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  toResponse(): RouteResponse {
    return {
      status: this.status,
      json: {
        code: this.code,
        message: this.message,
        more_info: `https://www.twilio.com/docs/errors/${this.code}`,
        status: this.status,
      },
    };
  }
}

export function invalidParameter(code: number, message: string): TwilioApiError {
  return new TwilioApiError(400, code, message);
}

export function notFound(path: string): TwilioApiError {
  return new TwilioApiError(404, 20404, `The requested resource ${path} was not found`);
}
