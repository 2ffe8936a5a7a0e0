import { analyse, type Encoding } from '../../content/segments.ts';
import { viewAt, type MessageStatus, type StoredMessage } from './message.ts';
import type { StoredReply } from './reply.ts';
import type { SimulatorStore } from './store.ts';

/** What a fictional phone shows: every text it received and every reply it sent, oldest first. */
export interface HandsetInbox {
  readonly number: string;
  readonly messages: readonly HandsetText[];
  readonly replies: readonly HandsetReply[];
}

export interface HandsetText {
  readonly id: string;
  /** The sender the phone shows, and threads by. */
  readonly from: string;
  /** The text as it arrived: Notify sanitises it first, so an emoji arrives as `?`. */
  readonly body: string;
  /** ISO 8601, real wall clock. */
  readonly receivedAt: string;
  /** How the text travelled, and in how many parts, as `content/segments.ts` counts them. */
  readonly encoding: Encoding;
  readonly fragments: number;
  /** The status the aggregator reports for it now. */
  readonly status: MessageStatus;
}

/** A text the phone sent to a service's number. */
export interface HandsetReply {
  readonly id: string;
  /** The number as the phone addressed it. */
  readonly to: string;
  readonly body: string;
  /** ISO 8601, real wall clock. */
  readonly sentAt: string;
}

/** One line of `GET /_sim/handsets`. */
export interface HandsetSummary {
  readonly number: string;
  readonly messages: number;
  readonly replies: number;
}

/** Texts before this moment (epoch µs) no longer show: the handsets were reset. */
const CLEARED_AT = 'handsets.cleared_at';

export function readInbox(store: SimulatorStore, number: string, nowMicros: number): HandsetInbox {
  const clearedAt = clearedSince(store);
  const messages = store.handsetMessages(number, clearedAt, nowMicros);
  const replies = store.handsetReplies(number, clearedAt, nowMicros);
  return {
    number,
    messages: messages.map((message) => handsetText(message, nowMicros)),
    replies: replies.map(handsetReply),
  };
}

export function listHandsets(store: SimulatorStore, nowMicros: number): HandsetSummary[] {
  return store.handsetCounts(clearedSince(store), nowMicros);
}

/** Empties every handset, received texts and sent replies alike; the services keep theirs. */
export function clearInboxes(store: SimulatorStore, nowMicros: number): void {
  store.writeMeta(CLEARED_AT, String(nowMicros));
}

function clearedSince(store: SimulatorStore): number {
  return Number(store.readMeta(CLEARED_AT) ?? 0);
}

function handsetText(message: StoredMessage, nowMicros: number): HandsetText {
  const { encoding, segments } = analyse(message.wireBody);
  return {
    id: message.id,
    from: message.shownSender,
    body: message.wireBody,
    receivedAt: isoFromMicros(message.handsetAt ?? message.createdAt),
    encoding,
    fragments: segments,
    status: viewAt(message, nowMicros).status,
  };
}

function handsetReply(reply: StoredReply): HandsetReply {
  return {
    id: reply.id,
    to: reply.addressedTo,
    body: reply.body,
    sentAt: isoFromMicros(reply.sentAt),
  };
}

function isoFromMicros(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString();
}
