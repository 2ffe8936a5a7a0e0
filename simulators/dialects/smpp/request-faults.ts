import type { PDU, Session } from 'smpp';
import type { FaultInjector, RequestFault } from '../../aggregator/faults/injector.ts';
import { STATUS } from './command-status.ts';

type Reply = (pdu: PDU, fields?: Record<string, unknown>) => boolean;

/**
 * The fault plan set through the control API, as an SMSC meets it: the same outage windows,
 * error rates, latency, drops and throttling as the HTTP API, in SMPP's terms. An outage or an
 * error is answered ESME_RSYSERR (429 and throttling: ESME_RTHROTTLED); a refused or dropped
 * request closes the connection unanswered, before or after the SMSC acted on it.
 */
export function withRequestFaults(
  faults: FaultInjector | undefined,
  session: Session,
  reply: Reply,
  handle: (pdu: PDU) => void,
) {
  return (pdu: PDU) => {
    const fault = faults?.forRequest(`smpp:${pdu.command}`);
    if (!fault) return handle(pdu);

    const act = () => actOn(fault, { pdu, session, reply, handle });
    if (fault.delayMs > 0) setTimeout(act, fault.delayMs);
    else act();
  };
}

function actOn(
  fault: RequestFault,
  on: { pdu: PDU; session: Session; reply: Reply; handle: (pdu: PDU) => void },
) {
  const { action } = fault;
  switch (action.kind) {
    case 'handle':
      return on.handle(on.pdu);
    case 'drop':
      return on.session.close();
    case 'drop-reply':
      // Acted on, never answered: the client cannot tell whether the message was taken.
      on.handle(on.pdu);
      return on.session.close();
    case 'respond':
      return on.reply(on.pdu, { command_status: smppStatusFor(action.status) });
  }
}

/** An HTTP status the fault plan names, as an SMSC would say it. */
export function smppStatusFor(httpStatus: number): number {
  return httpStatus === 429 ? STATUS.throttled : STATUS.systemError;
}
