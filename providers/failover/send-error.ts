import { TaskCancelledError } from 'cockatiel';
import { ProviderResponseError, TransportError } from '../../core/errors.ts';

/**
 * What a failed send tells the sender about the message:
 * - `not-accepted`: the supplier certainly does not have it (it said so, or the connection was
 *   never made), so another supplier may be tried at once;
 * - `in-doubt`: the request may have taken effect (the connection broke after it was sent, the
 *   attempt timed out, the answer could not be read), so the supplier must be asked before
 *   anyone else is;
 * - `rejected`: the supplier refused the message itself; another would refuse it too.
 */
export type SendFailure = 'not-accepted' | 'in-doubt' | 'rejected';

/** Network errors raised before a single byte of the request left. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EAI_AGAIN']);

export function classifySendError(error: unknown): SendFailure {
  if (error instanceof TaskCancelledError) return 'in-doubt';

  if (error instanceof ProviderResponseError) {
    if (error.code === 'throttled' || error.code === 'server_error') return 'not-accepted';
    // An SMSC's refusal of the text itself (its addresses, coding, length): see submit-refusal.
    if (error.code === 'request_rejected' || error.code === 'smpp_submit_refused') {
      return 'rejected';
    }
    // An answer that cannot be read (a 201 with a broken body, say) may mean it was taken.
    return 'in-doubt';
  }

  if (error instanceof TransportError) {
    // A gateway answered for the supplier: the request did not get through to it.
    if (/HTTP 50[24] from a gateway/.test(error.message)) return 'not-accepted';
    return errorCodes(error).some((code) => NEVER_SENT.has(code)) ? 'not-accepted' : 'in-doubt';
  }
  return 'in-doubt';
}

/** Every `code` along the error's cause chain. */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}
