import { analyse } from '../../../content/segments.ts';
import type { OutgoingCallback } from '../../aggregator/callback-dispatcher.ts';
import type { DialectHooks } from '../../aggregator/lifecycle.ts';
import { isFinal, type MessageView, type NewMessage } from '../../aggregator/message.ts';
import type { StoredReply } from '../../aggregator/reply.ts';
import type { BoundSessions } from './bound-sessions.ts';
import type { MessageBook, SmscMessage } from './message-book.ts';
import { intermediateFields, receiptFields, wantsReceipt } from './receipt.ts';

/**
 * The SMPP face's part in a message's life. Receipts and replies travel as deliver_sm on the
 * account's bound session rather than as HTTP callbacks: the aggregator's callback queue still
 * says when each is due, and the hook sends it then and asks for no HTTP callback.
 */
export class SmppHooks implements DialectHooks {
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly book: MessageBook,
    private readonly sessions: BoundSessions,
  ) {}

  /**
   * Schedules the ENROUTE notification of each part that asked for intermediate ones (bit 4 of
   * registered_delivery), for when the message leaves the queue for the network. The callback
   * queue has no such step, so a timer of this process does it; a restart forgets them.
   */
  enRoute(message: SmscMessage, accepted: NewMessage): void {
    const parts = message.parts.filter((p) => (p.registeredDelivery & INTERMEDIATE) !== 0);
    if (parts.length === 0) return;

    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        for (const part of parts) {
          const fields = intermediateFields(message, part, accepted.createdAt);
          this.sessions.deliver(message.systemId, fields, message.session);
        }
      },
      Math.max(0, accepted.sentAt / 1000 - Date.now()),
    );
    timer.unref();
    this.#timers.add(timer);
  }

  /** Forgets the notifications not yet due. */
  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  wantsCallbacks(): boolean {
    return true;
  }

  receiptCallback(view: MessageView): OutgoingCallback | undefined {
    const message = this.book.byStoreId(view.id);
    if (!message || !isFinal(view.status)) return undefined;

    for (const part of message.parts) {
      if (wantsReceipt(part.registeredDelivery, view.status)) {
        const fields = receiptFields(message, part, view);
        this.sessions.deliver(message.systemId, fields, message.session);
      }
    }
    return undefined;
  }

  wantsReceivedTextCallbacks(): boolean {
    return true;
  }

  receivedTextCallback(reply: StoredReply): OutgoingCallback | undefined {
    // The conversation's session hears the reply, as the thread it answers came from there.
    const conversation = this.book.lastTo(reply.handset);
    this.sessions.deliver(reply.accountId, replyFields(reply), conversation?.session);
    return undefined;
  }
}

const INTERMEDIATE = 0x10;

/**
 * A handset's text as a mobile-originated deliver_sm: GSM-7 where it fits, UCS-2 otherwise, and
 * in message_payload when it is too long for one short_message.
 */
function replyFields(reply: StoredReply) {
  const { encoding, segments } = analyse(reply.body);
  const body = { message: reply.body };
  return {
    source_addr_ton: 1,
    source_addr_npi: 1,
    source_addr: reply.handset.replace(/^\+/, ''),
    dest_addr_ton: 1,
    dest_addr_npi: 1,
    destination_addr: reply.serviceNumber.replace(/^\+/, ''),
    esm_class: 0,
    data_coding: encoding === 'GSM-7' ? 0 : 8,
    ...(segments === 1 ? { short_message: body } : { message_payload: body }),
  };
}
