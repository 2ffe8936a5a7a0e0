import type { Exchange } from '../core/evidence.ts';

/**
 * The contract every provider adapter implements. Shared code never asks which provider it
 * holds: differences are declared as capabilities.
 */
export const NORMALISED_STATUSES = [
  'accepted',
  'sending',
  'delivered',
  'temporary-failure',
  'permanent-failure',
  'technical-failure',
] as const;

export type NormalisedStatus = (typeof NORMALISED_STATUSES)[number];

export const FINAL_STATUSES: ReadonlySet<NormalisedStatus> = new Set([
  'delivered',
  'temporary-failure',
  'permanent-failure',
  'technical-failure',
]);

export interface Capabilities {
  /** How the supplier reports receipts: pushed to a callback URL, read by polling, or both. */
  readonly receipts: readonly ('callback' | 'polling')[];
  /** Where `receipts` is empty: why the supplier gives none, for the checks that wanted one. */
  readonly receiptsNote?: string;
  /** A test mode that answers realistically without texting anyone. */
  readonly testMode: boolean;
  readonly listing: boolean;
  readonly priceData: boolean;
  readonly inbound: boolean;
  /** Whether the supplier keeps the sender's reference and gives it back. @default true */
  readonly references?: boolean;
  /** What the message listing can filter by. @default ['reference', 'status'] (Notify) */
  readonly listFilters?: readonly ListFilterName[];
  /**
   * Whether texts sent with test credentials can be read back to see their outcome (Twilio's
   * test credentials answer only the send, and 403 everything else). @default true
   */
  readonly testReadBack?: boolean;
  /**
   * Numbers the supplier reserves for its test credentials, each refused at the send with the
   * supplier's own error code (Twilio's magic numbers). None by default.
   */
  readonly testRejections?: readonly { readonly to: string; readonly code: string }[];
  /** Whether a sent message's text and reference can be read back. @default true */
  readonly readBack?: boolean;
  /**
   * Where `status` gets its answer: the supplier's own lookup, or, where it has none (Vonage's
   * SMS API), the receipts it posted to the harness's receiver. @default 'api'
   */
  readonly statusSource?: 'api' | 'receipts';
}

export type ListFilterName = 'reference' | 'status' | 'to';

export interface SendRequest {
  readonly to: string;
  readonly body: string;
  readonly reference: string;
  /** The dialect's way to pick a sender: Notify's sms_sender_id, the text elsewhere. */
  readonly senderId?: string;
}

export interface SentMessage {
  readonly id: string;
  readonly status: NormalisedStatus;
  readonly providerStatus: string;
  /** The sender the supplier says the message carries, where its API tells. */
  readonly sender?: string;
}

/** What the supplier says one message costs, where its API tells. */
export interface Price {
  readonly segments: number;
  /** The charge for one segment, in the supplier's currency, before any country multiplier. */
  readonly perSegment: number;
  /** How many times the home rate a segment to this destination costs (1 = no surcharge). */
  readonly multiplier: number;
  readonly total: number;
}

export interface MessageState {
  readonly id: string;
  readonly status: NormalisedStatus;
  readonly providerStatus: string;
  readonly reference?: string;
  readonly to?: string;
  readonly body?: string;
  readonly price?: Price;
  /** ISO 8601: when the supplier says the final status came, where its API tells. */
  readonly completedAt?: string;
}

/** A text a handset sent to the service, as the supplier hands it over. */
export interface InboundText {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly text: string;
  readonly receivedAt: string;
}

export interface ListQuery {
  readonly reference?: string;
  /** The recipient, where `listFilters` includes `to`. */
  readonly to?: string;
  readonly status?: string;
  readonly olderThan?: string;
}

export interface MessagePage {
  readonly messages: readonly MessageState[];
  readonly next?: string;
}

/** A receipt callback as the harness's receiver saw it, before any judgement. */
export interface IncomingCallback {
  readonly path: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface CallbackReceipt {
  readonly messageId: string;
  readonly reference?: string;
  readonly status: NormalisedStatus;
  readonly providerStatus: string;
  /** What the supplier says the message cost, where its receipts tell (Vonage's `price`). */
  readonly price?: Price;
}

export interface CallbackRejection {
  readonly ok: false;
  readonly code: string;
  readonly reason: string;
}

/**
 * `replayed` marks a genuine callback the authority has seen before: answered as accepted, so
 * the supplier stops resending, but never counted twice.
 */
export type AuthVerdict = { readonly ok: true; readonly replayed?: boolean } | CallbackRejection;

export type CallbackVerdict =
  { readonly ok: true; readonly receipt: CallbackReceipt } | CallbackRejection;

export type InboundVerdict =
  { readonly ok: true; readonly inbound: InboundText } | CallbackRejection;

/** Judges receipt callbacks for one target; runs inside the receiver, not in the suites. */
export interface CallbackAuthority {
  authenticate(callback: IncomingCallback): AuthVerdict;
  parse(callback: IncomingCallback): CallbackVerdict;
  /** Reads a callback that carries a reply from a handset rather than a receipt. */
  parseInbound(callback: IncomingCallback): InboundVerdict;
}

export interface ProviderAdapter {
  readonly dialect: string;
  readonly capabilities: Capabilities;
  send(request: SendRequest): Promise<SentMessage>;
  /** `undefined` when the supplier says it has no such message. */
  status(id: string): Promise<MessageState | undefined>;
  list(query: ListQuery): Promise<MessagePage>;
  /** Texts handsets sent to the service, newest first; empty where `inbound` is false. */
  inbound(): Promise<readonly InboundText[]>;
}

/** Where an adapter reports each HTTP exchange, already redacted. */
export type ExchangeSink = (exchange: Exchange) => void;
