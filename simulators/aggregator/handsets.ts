import type { SimulatorStore } from './store.ts';

/** What a fictional phone shows: every text delivered to it, oldest first. */
export interface HandsetInbox {
  readonly number: string;
  readonly messages: readonly HandsetText[];
}

export interface HandsetText {
  readonly id: string;
  /** The sender ID the text arrived from. */
  readonly from: string;
  readonly body: string;
  /** ISO 8601, real wall clock. */
  readonly receivedAt: string;
}

/** Texts delivered before this moment (epoch µs) no longer show: the inboxes were emptied. */
const CLEARED_AT = 'handsets.cleared_at';

export function readInbox(store: SimulatorStore, number: string, nowMicros: number): HandsetInbox {
  const clearedAt = Number(store.readMeta(CLEARED_AT) ?? 0);
  const messages = store.handsetMessages(number, clearedAt, nowMicros).map((row) => ({
    id: row.messageId,
    from: row.sender,
    body: row.body,
    receivedAt: new Date(Math.floor(row.receivedAt / 1000)).toISOString(),
  }));
  return { number, messages };
}

export function clearInboxes(store: SimulatorStore, nowMicros: number): void {
  store.writeMeta(CLEARED_AT, String(nowMicros));
}
