import { debuglog } from 'node:util';
import type { Session } from 'smpp';

const debug = debuglog('sms-assure:smpp');

export type BindKind = 'transmitter' | 'receiver' | 'transceiver';

interface Bound {
  readonly session: Session;
  readonly systemId: string;
  readonly kind: BindKind;
}

/** deliver_sm PDUs kept for an account while none of its sessions can receive. */
const MAX_WAITING = 10_000;

/**
 * The sessions bound at the moment, and the deliver_sm PDUs (receipts, replies) waiting for an
 * account to bind a receiver: an SMSC keeps them rather than dropping them, as a client that
 * reconnects expects to be handed what arrived while it was away.
 */
export class BoundSessions {
  readonly #bound: Bound[] = [];
  readonly #waiting = new Map<string, Record<string, unknown>[]>();
  #turn = 0;

  add(bound: Bound): void {
    this.#bound.push(bound);
    if (bound.kind === 'transmitter') return;

    const waiting = this.#waiting.get(bound.systemId) ?? [];
    this.#waiting.delete(bound.systemId);
    for (const fields of waiting) this.deliver(bound.systemId, fields);
  }

  remove(session: Session): void {
    const index = this.#bound.findIndex((b) => b.session === session);
    if (index >= 0) this.#bound.splice(index, 1);
  }

  isBound(session: Session): BindKind | undefined {
    return this.#bound.find((b) => b.session === session)?.kind;
  }

  /**
   * Sends a deliver_sm on one of the account's receiving sessions: the preferred one while it
   * can receive (the session a message came from gets its receipts), else each in turn.
   */
  deliver(systemId: string, fields: Record<string, unknown>, preferred?: Session): void {
    const receivers = this.#bound.filter(
      (b) => b.systemId === systemId && b.kind !== 'transmitter' && b.session.socket.writable,
    );
    const receiver =
      receivers.find((b) => b.session === preferred) ??
      receivers[this.#turn++ % Math.max(1, receivers.length)];
    if (receiver?.session.deliver_sm(fields, (reply) => this.#answered(reply.command_status))) {
      return;
    }

    const waiting = this.#waiting.get(systemId) ?? [];
    if (waiting.length < MAX_WAITING) waiting.push(fields);
    this.#waiting.set(systemId, waiting);
  }

  /** Ends every session, waiting for each socket to close. */
  async closeAll(sessions: readonly Session[]): Promise<void> {
    await Promise.all(
      sessions.map((session) => new Promise<void>((resolve) => session.destroy(resolve))),
    );
    this.#bound.length = 0;
  }

  #answered(commandStatus: number): void {
    if (commandStatus !== 0) debug('a client refused a deliver_sm: status 0x%s', commandStatus);
  }
}
