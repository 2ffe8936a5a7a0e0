import type { RouteResponse } from '../../aggregator/router.ts';

/**
 * Firetext answers every send with HTTP 200 and a JSON `code`: 0 when the text is queued, and
 * otherwise the number of what was wrong (as GOV.UK Notify's Firetext client reads it, which
 * fails any answer whose `code` is not 0).
 */
export const SEND_CODES = {
  queued: { code: 0, description: 'SMS successfully queued' },
  authentication: { code: 1, description: 'Authentication error' },
  destination: { code: 2, description: 'Destination number(s) error' },
  from: { code: 3, description: 'From error' },
  message: { code: 5, description: 'Message error' },
} as const;

export type SendCode = keyof typeof SEND_CODES;

/** A refusal, thrown by the send's checks and turned into Firetext's answer by the route. */
export class FiretextRefusal extends Error {
  constructor(readonly kind: Exclude<SendCode, 'queued'>) {
    super(SEND_CODES[kind].description);
  }

  toResponse(): RouteResponse {
    return { status: 200, json: { ...SEND_CODES[this.kind], data: [], responseData: '' } };
  }
}
