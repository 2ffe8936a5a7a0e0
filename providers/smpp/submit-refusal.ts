import { ProviderResponseError } from '../../core/errors.ts';

const ESME_RSYSERR = 0x08;
const ESME_RMSGQFUL = 0x14;
const ESME_RSUBMITFAIL = 0x45;
const ESME_RTHROTTLED = 0x58;
const ESME_RX_T_APPN = 0x64;

/** Statuses that say the SMSC could not take the text now; another SMSC may. */
const TRANSIENT = new Set([ESME_RSYSERR, ESME_RMSGQFUL, ESME_RSUBMITFAIL, ESME_RX_T_APPN]);

/**
 * A submit_sm answered with an error status. Whatever the status, the SMSC did not take the
 * text; throttling and system trouble are its own (a failover sender may go elsewhere), and
 * anything else is about the text itself (its addresses, coding or length).
 */
export function submitRefusal(status: number): ProviderResponseError {
  const message = `submit_sm was refused with command_status ${hex(status)}`;
  if (status === ESME_RTHROTTLED) return new ProviderResponseError('throttled', message);
  if (TRANSIENT.has(status)) return new ProviderResponseError('server_error', message);
  return new ProviderResponseError('smpp_submit_refused', message, 'command_status');
}

export function hex(status: number): string {
  return `0x${status.toString(16).padStart(8, '0')}`;
}
