import type { Session } from 'smpp';
import type { Concatenation } from './short-message.ts';

/** One submit_sm as the SMSC accepted it: a whole message, or one part of a long one. */
export interface SmscPart {
  /** The message_id the SMSC answered this submit_sm with. */
  readonly id: string;
  readonly sequence: number;
  readonly total: number;
  readonly text: string;
  readonly registeredDelivery: number;
}

/** A message the aggregator holds, with the SMPP parts it arrived in. */
export interface SmscMessage {
  /** The aggregator's id: the first part's message_id. */
  readonly storeId: string;
  readonly systemId: string;
  /** Addresses as submitted, so that receipts can swap them back. */
  readonly source: string;
  readonly destination: string;
  /** The recipient in E.164, for replies to find the conversation they belong to. */
  readonly recipient: string;
  /** The session that submitted it: receipts go back on it while it stays bound. */
  readonly session: Session;
  readonly parts: readonly SmscPart[];
}

/** Parts of messages still incomplete at once; the oldest group is dropped beyond this. */
const MAX_OPEN_GROUPS = 10_000;

/**
 * What only the SMPP face knows about its messages: which message_ids make up each one and
 * which receipts each part asked for. It lives in memory: after a restart the store still holds
 * the messages, but receipts are no longer sent for parts submitted before it.
 */
export class MessageBook {
  readonly #byPartId = new Map<string, SmscMessage>();
  readonly #byStoreId = new Map<string, SmscMessage>();
  readonly #open = new Map<string, Map<number, SmscPart>>();
  readonly #lastTo = new Map<string, SmscMessage>();

  /**
   * Adds one part of a concatenated message; returns every part in order once the last one of
   * its group is in, undefined while some are missing.
   */
  collect(group: string, concatenation: Concatenation, part: SmscPart): SmscPart[] | undefined {
    const key = `${group}|${concatenation.reference}|${concatenation.total}`;
    const parts = this.#open.get(key) ?? new Map<number, SmscPart>();
    parts.set(concatenation.sequence, part);
    this.#open.delete(key);

    if (parts.size < concatenation.total) {
      this.#open.set(key, parts);
      this.#dropOldest();
      return undefined;
    }
    return [...parts.values()].sort((a, b) => a.sequence - b.sequence);
  }

  record(message: SmscMessage): void {
    this.#byStoreId.set(message.storeId, message);
    this.#lastTo.set(message.recipient, message);
    for (const part of message.parts) this.#byPartId.set(part.id, message);
  }

  byPartId(id: string): SmscMessage | undefined {
    return this.#byPartId.get(id);
  }

  byStoreId(id: string): SmscMessage | undefined {
    return this.#byStoreId.get(id);
  }

  /** The latest message to a handset: its reply most likely answers that one. */
  lastTo(recipient: string): SmscMessage | undefined {
    return this.#lastTo.get(recipient);
  }

  #dropOldest(): void {
    if (this.#open.size <= MAX_OPEN_GROUPS) return;
    const oldest = this.#open.keys().next();
    if (!oldest.done) this.#open.delete(oldest.value);
  }
}
