import type { PDU } from 'smpp';
import type { SimClock } from '../../aggregator/clock.ts';
import { isFinal, viewAt } from '../../aggregator/message.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { SmscRefusal, STATUS } from './command-status.ts';
import type { MessageBook } from './message-book.ts';
import { ENROUTE, minutes, RECEIPT_WORDING } from './receipt.ts';

export interface QueryContext {
  readonly store: SimulatorStore;
  readonly clock: SimClock;
  readonly book: MessageBook;
}

/**
 * query_sm: the state of a message this account submitted, by any of its parts' ids. An id the
 * account never had fails, and so does a part whose group still waits for its other parts.
 */
export function answerQuery(context: QueryContext, systemId: string, pdu: PDU) {
  const id = String(pdu['message_id'] ?? '');
  const message = context.book.byPartId(id);
  const stored = message && context.store.findMessageById(message.storeId);
  if (!message || message.systemId !== systemId || !stored) {
    throw new SmscRefusal(STATUS.queryFailed, `no message ${id} for ${systemId}`);
  }

  const view = viewAt(stored, context.clock.nowMicros());
  if (!isFinal(view.status)) {
    return { message_id: id, final_date: '', message_state: ENROUTE, error_code: 0 };
  }
  const wording = RECEIPT_WORDING[view.status];
  return {
    message_id: id,
    final_date: `${minutes(view.completedAt ?? view.createdAt)}00000+`,
    message_state: wording.state,
    // The field is one octet: MAP errors above 255 do not occur in the wording above.
    error_code: wording.err,
  };
}
