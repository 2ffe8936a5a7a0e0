import type { RouteResponse } from '../../aggregator/router.ts';

/**
 * A send the SMS API refuses. Vonage answers such a send with HTTP 200 all the same: the
 * refusal is the message's own `status` (a string of digits) and `error-text` (facts §3.2).
 */
export class VonageRefusal extends Error {
  override readonly name = 'VonageRefusal';

  constructor(
    readonly status: string,
    readonly errorText: string,
  ) {
    super(errorText);
  }

  toResponse(): RouteResponse {
    return {
      status: 200,
      json: {
        'message-count': '1',
        messages: [{ status: this.status, 'error-text': this.errorText }],
      },
    };
  }
}

export const missing = (field: string) => new VonageRefusal('2', `Missing ${field}`);

export const invalid = (field: string) => new VonageRefusal('3', `Invalid ${field}`);
