import { randomUUID } from 'node:crypto';
import type { RouteResponse } from '../../aggregator/router.ts';
import { xmlEscape } from './xml.ts';

/** Who AWS blames: the caller (`Sender`) or itself (`Receiver`). */
export type SnsFaultType = 'Sender' | 'Receiver';

/**
 * An SNS Query API error, answered as AWS writes it: an `ErrorResponse` holding the error's
 * type, code and message, then the request id. Thrown by the dialect's checks and turned into
 * the reply by the route wrapper.
 */
export class SnsApiError extends Error {
  override readonly name = 'SnsApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: SnsFaultType = 'Sender',
  ) {
    super(message);
  }

  toResponse(): RouteResponse {
    const xml =
      '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">' +
      `<Error><Type>${this.type}</Type><Code>${xmlEscape(this.code)}</Code>` +
      `<Message>${xmlEscape(this.message)}</Message></Error>` +
      `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
    return { status: this.status, text: xml, contentType: 'text/xml' };
  }
}

/** `InvalidParameter`, with the parameter and the reason in AWS's wording. */
export function invalidParameter(parameter: string, reason: string): SnsApiError {
  return new SnsApiError(
    400,
    'InvalidParameter',
    `Invalid parameter: ${parameter} Reason: ${reason}`,
  );
}
